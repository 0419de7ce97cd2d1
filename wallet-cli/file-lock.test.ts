import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-lock-'));
  dirs.push(dir);
  return join(dir, 'counter');
};
const busy = () => new Error('busy');

/** A process that adds 1 to the counter `times` times, each a read-pause-write under the lock. */
const INCREMENTER = `
  import { readFileSync, writeFileSync } from 'node:fs';
  import { withFileLock } from ${JSON.stringify(join(import.meta.dirname, 'file-lock.ts'))};
  const [file, times] = process.argv.slice(-2);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < Number(times); i++) {
    withFileLock(file, () => {
      const count = Number(readFileSync(file, 'utf8'));
      Atomics.wait(pause, 0, 0, 1); // widen the window in which another process could read the old count
      writeFileSync(file, String(count + 1));
    }, () => new Error('busy'));
  }
`;

it('four processes changing one file at once lose no change', async () => {
  const file = tempFile();
  writeFileSync(file, '0');
  const runs = Array.from(
    { length: 4 },
    () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', INCREMENTER, file, '25'], {
          stdio: 'inherit',
        }).on('close', resolve),
      ),
  );
  expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
  expect(Number(readFileSync(file, 'utf8'))).toBe(100);
});

it('takes over a lock left by a process that died, and releases its own', () => {
  const file = tempFile();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  writeFileSync(`${file}.lock`, dead);
  expect(withFileLock(file, () => 'changed', busy)).toBe('changed');
  expect(withFileLock(file, () => 'again', busy)).toBe('again');
});

it('a change that throws still releases the lock', () => {
  const file = tempFile();
  expect(() =>
    withFileLock(
      file,
      () => {
        throw new Error('boom');
      },
      busy,
    ),
  ).toThrow('boom');
  expect(withFileLock(file, () => 'next', busy)).toBe('next');
});
