/**
 * The wallet as a learner installs it, away from the repository: `npm pack` of wallet-cli/package
 * (its prepack compiles the JavaScript), `npm install -g` of the tarball into an empty prefix,
 * offline, then the installed `skillmark-wallet` run from an empty folder.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../test/support/system.ts';
import { selfSignedBundle } from './testing/self-signed.ts';

const run = promisify(execFile);
const PACKAGE_DIR = join(PROJECT_ROOT, 'wallet-cli', 'package');

let scratch: string;
let prefix: string;
let tarball: string;
let packed: { filename: string; files: { path: string }[] };
/** The compiled files as the suite's own build left them (test/support/build-wallet.ts), before prepack builds again. */
let builtBefore: Map<string, string>;

const filesOf = (dir: string) => new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/** The installed command, run from an empty folder with nothing of the repository on its path. */
async function installed(args: string[], env: Record<string, string> = {}) {
  const bin = join(prefix, 'bin');
  try {
    const { stdout, stderr } = await run(join(bin, 'skillmark-wallet'), args, {
      cwd: join(scratch, 'elsewhere'),
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: scratch, NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  scratch = tempDir('skillmark-wallet-package-');
  prefix = join(scratch, 'prefix');
  builtBefore = filesOf(join(PACKAGE_DIR, 'dist'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: PACKAGE_DIR });
  // prepack's build may print before npm's JSON.
  [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [typeof packed];
  tarball = join(scratch, packed.filename);
  await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: scratch,
  });
  writeFileSync(join(scratch, 'placeholder'), '');
  mkdirSync(join(scratch, 'elsewhere'));
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the installable wallet package', () => {
  it('builds the same files every time, so a wallet running while prepack builds again finds its parts', () => {
    expect(filesOf(join(PACKAGE_DIR, 'dist'))).toEqual(builtBefore);
  });

  it('holds compiled JavaScript and the schema only: no TypeScript, no native module, no dependency', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/skillmark-wallet.js');
    expect(paths).toContain('schemas/qualification-credential.schema.json');
    expect(paths.filter((p) => /\.(ts|node)$/.test(p) || p.includes('node_modules'))).toEqual([]);
    const installedPackage = join(prefix, 'lib', 'node_modules', 'skillmark-wallet');
    const manifest = JSON.parse(readFileSync(join(installedPackage, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(installedPackage)).not.toContain('node_modules');
  });

  it('runs from any folder once installed: --help', async () => {
    const result = await installed(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: skillmark-wallet <command>');
  });

  it('creates a wallet, receives a credential from a file and shows it, offline', async () => {
    const env = { SKILLMARK_WALLET_DIR: join(scratch, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: 'a long passphrase' };
    const init = await installed(['init', '--json'], env);
    expect(init.code, init.stderr).toBe(0);
    const { did } = JSON.parse(init.stdout);
    const file = join(scratch, 'credential.json');
    writeFileSync(file, JSON.stringify(await selfSignedBundle(did)));
    const received = await installed(['receive', file], env);
    expect(received.code, received.stderr).toBe(0);
    const list = await installed(['list'], env);
    expect(list.stdout).toContain('Certificate in Welding');
    const refused = await installed(['receive', join(scratch, 'placeholder')], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a JSON credential file');
  });
});
