import { spawn } from 'node:child_process';
import { COMPILED_WALLET } from '../../test/support/system.ts';

/** util-linux's script(1): it runs the wallet on a pseudo-terminal, as a person's terminal would. */
export const SCRIPT = '/usr/bin/script';

/**
 * For tests: runs the compiled wallet on a pseudo-terminal, typing each answer only once its
 * prompt has appeared (after the previous one), as a person would. Resolves with the exit code
 * and all the terminal showed.
 */
export function onTerminal(
  args: string[],
  env: Record<string, string>,
  answers: [prompt: string, typed: string][] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const command = [process.execPath, COMPILED_WALLET, ...args].join(' ');
    const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', ...env } });
    let output = '';
    let answeredUpTo = 0;
    const pending = [...answers];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const next = pending[0];
      const shownAt = next ? output.indexOf(next[0], answeredUpTo) : -1;
      if (next && shownAt >= 0) {
        pending.shift();
        answeredUpTo = shownAt + next[0].length;
        child.stdin.write(`${next[1]}\r`);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
