import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_WALLET } from '../test/support/system.ts';

/**
 * The passphrase prompt on a real terminal: util-linux `script` gives the CLI a pseudo-terminal,
 * and the test types only once the prompt is shown, as a person would.
 */
const SCRIPT = '/usr/bin/script';
const walletDir = mkdtempSync(join(tmpdir(), 'skillmark-tty-wallet-'));

function onTerminal(
  args: string,
  answers: [prompt: string, typed: string][],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const command = `${process.execPath} ${COMPILED_WALLET} ${args}`;
    const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: walletDir, SKILLMARK_WALLET_DIR: walletDir, NO_COLOR: '1' },
    });
    let output = '';
    const pending = [...answers];
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const next = pending[0];
      if (next && output.includes(next[0], output.length - chunk.length - next[0].length)) {
        pending.shift();
        child.stdin.write(`${next[1]}\r`);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.skipIf(!existsSync(SCRIPT))('passphrase prompt on a terminal', () => {
  afterAll(() => rmSync(walletDir, { recursive: true, force: true }));

  it('asks twice without echoing, refuses a short one, and a wrong one opens nothing', async () => {
    const short = await onTerminal('init', [
      ['Wallet passphrase:', 'short'],
      ['Repeat the passphrase:', 'short'],
    ]);
    expect(short.code).toBe(2);
    expect(short.output).toContain('at least 8 characters');

    const created = await onTerminal('init', [
      ['Wallet passphrase:', 'correct horse battery'],
      ['Repeat the passphrase:', 'correct horse battery'],
    ]);
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain('Your wallet is ready.');
    expect(created.output).not.toContain('correct horse battery');

    const listed = await onTerminal('list', [['Wallet passphrase:', 'correct horse battery']]);
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('Your wallet is empty');

    const wrong = await onTerminal('list', [['Wallet passphrase:', 'not the passphrase']]);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('Wrong passphrase');
    expect(wrong.output).not.toContain('not the passphrase');
  });
});
