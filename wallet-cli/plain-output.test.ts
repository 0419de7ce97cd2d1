/**
 * Colour and drawings only where they help (issue 12, part 6): on a real terminal (util-linux
 * `script` gives the CLI a pseudo-terminal) the wallet colours where a credential stands and draws
 * its QR code; NO_COLOR takes the colour away, and --plain takes away colour and drawing too.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWallet, tempDir } from '../test/support/system.ts';
import { selfSignedBundle } from './testing/self-signed.ts';
import { onTerminal, SCRIPT } from './testing/terminal.ts';

const ESCAPE = '\u001b[';
/** The half and full blocks a terminal QR code is drawn with. */
const DRAWING = /[\u2580-\u259f]/;
let scratch: string;
let env: Record<string, string>;

const terminal = (args: string[], extraEnv: Record<string, string> = {}) =>
  onTerminal(args, { HOME: scratch, TERM: 'xterm', ...env, ...extraEnv });

beforeAll(async () => {
  scratch = tempDir('skillmark-plain-');
  env = { SKILLMARK_WALLET_DIR: join(scratch, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: 'a long passphrase' };
  const init = await runWallet(['init', '--json'], env);
  const file = join(scratch, 'credential.json');
  writeFileSync(file, JSON.stringify(await selfSignedBundle(JSON.parse(init.stdout).did)));
  expect((await runWallet(['receive', file], env)).code).toBe(0);
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!existsSync(SCRIPT))('colour and drawing on a terminal', () => {
  it('list is coloured on a terminal, and not with NO_COLOR=1 or --plain; the words stay the same', async () => {
    const [coloured, noColor, plain] = await Promise.all([
      terminal(['list']),
      terminal(['list'], { NO_COLOR: '1' }),
      terminal(['list', '--plain']),
    ]);
    expect(coloured.code, coloured.output).toBe(0);
    expect(coloured.output).toContain(`${ESCAPE}33mnot checked yet`);
    for (const result of [noColor, plain]) {
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toContain(ESCAPE);
      expect(result.output).toContain('Certificate in Welding');
      expect(result.output).toMatch(/not checked yet \(received [A-Z][a-z]+ \d{1,2}, \d{4}\)/);
    }
  });

  it('qr draws the code on a terminal; with --plain it gives the text to paste instead', async () => {
    const [drawn, plain] = await Promise.all([terminal(['qr', '1']), terminal(['qr', '1', '--plain'])]);
    expect(drawn.code, drawn.output).toBe(0);
    expect(drawn.output).toMatch(DRAWING);
    expect(plain.code, plain.output).toBe(0);
    expect(plain.output).not.toMatch(DRAWING);
    expect(plain.output).not.toContain(ESCAPE);
    expect(plain.output).toMatch(/^SM1:[0-9A-Z $%*+\-./:]+$/m);
  });
});

describe('--plain and --json before the command, as --lang may be', () => {
  it('skillmark-wallet --plain list and --json list say what list --plain and list --json say', async () => {
    const [before, after, jsonBefore, jsonAfter, both, alone] = await Promise.all([
      runWallet(['--plain', 'list'], env),
      runWallet(['list', '--plain'], env),
      runWallet(['--json', 'list'], env),
      runWallet(['list', '--json'], env),
      runWallet(['--plain', '--lang', 'fr', '--json', 'show', '1'], env),
      runWallet(['--plain'], env),
    ]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout).toContain('Certificate in Welding');
    expect(jsonBefore.code, jsonBefore.stderr).toBe(0);
    expect(JSON.parse(jsonBefore.stdout)).toEqual(JSON.parse(jsonAfter.stdout));
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout).title).toBe('Certificate in Welding');
    // Options and no command: the usage, as without arguments.
    expect(alone.code).toBe(2);
    expect(alone.stdout).toContain('Usage: skillmark-wallet <command>');
  });
});
