/**
 * Settings `npm start` cannot run with are refused before anything starts, in one line that names
 * the setting: never a stack trace (ISSUER_PORT=abc once printed a ConfigError's whole stack).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMPILED } from './support/compiled.ts';
import { freePort } from './support/local-chain.ts';
import { PROJECT_ROOT, tempDir } from './support/system.ts';

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [COMPILED.start], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SKILLMARK_DATA_DIR: tempDir('skillmark-refused-'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

describe('npm start refuses settings it cannot run with, in one line', () => {
  it.each([
    ['a port that is no number', async () => ({ ISSUER_PORT: 'abc' }), /^Skillmark could not start: ISSUER_PORT /],
    [
      'half a TLS pair',
      async () => ({ TLS_CERT_FILE: '/nonexistent/cert.pem' }),
      /^Skillmark could not start: TLS_CERT_FILE is set but TLS_KEY_FILE is not/,
    ],
    [
      'confirmations the embedded ledger never makes',
      // Free ports, so that the start gets as far as the ledger (4100 may be a developer's own system).
      async () => ({
        ANCHOR_CONFIRMATIONS: '2',
        ISSUER_PORT: String(await freePort()),
        VERIFIER_PORT: String(await freePort()),
      }),
      /^Skillmark could not start: ANCHOR_CONFIRMATIONS is 2, but the embedded ledger makes a block only for a new transaction/,
    ],
  ])(
    '%s',
    async (_, env, message) => {
      const { code, output } = await start(await env());
      expect(code).toBe(1);
      expect(output.trim(), output).toMatch(message);
      expect(output.trim().split('\n'), output).toHaveLength(1);
    },
    30_000,
  );
});
