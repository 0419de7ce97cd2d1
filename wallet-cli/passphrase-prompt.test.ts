import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onTerminal, SCRIPT } from './testing/terminal.ts';

/**
 * The passphrase prompt on a real terminal: util-linux `script` gives the CLI a pseudo-terminal,
 * and the test types only once the prompt is shown, as a person would.
 */
const walletDir = mkdtempSync(join(tmpdir(), 'skillmark-tty-wallet-'));

const terminal = (args: string, answers: [prompt: string, typed: string][]) =>
  onTerminal([args], { HOME: walletDir, SKILLMARK_WALLET_DIR: walletDir, NO_COLOR: '1' }, answers);

describe.skipIf(!existsSync(SCRIPT))('passphrase prompt on a terminal', () => {
  afterAll(() => rmSync(walletDir, { recursive: true, force: true }));

  it('asks twice without echoing, asks again after a slip (three in all), and a wrong one opens nothing', async () => {
    const slips = await terminal('init', [
      ['Wallet passphrase:', 'short'],
      ['Wallet passphrase:', 'correct horse battery'],
      ['Repeat the passphrase:', 'correct horse batery'],
      ['Wallet passphrase:', 'short'],
    ]);
    expect(slips.code).toBe(2);
    expect(slips.output).toContain('at least 8 characters');
    expect(slips.output).toContain('The two passphrases differ. Choose it again.');
    expect(existsSync(join(walletDir, 'wallet.json'))).toBe(false);

    const created = await terminal('init', [
      ['Wallet passphrase:', 'short'],
      ['Wallet passphrase:', 'correct horse battery'],
      ['Repeat the passphrase:', 'correct horse batery'],
      ['Wallet passphrase:', 'correct horse battery'],
      ['Repeat the passphrase:', 'correct horse battery'],
    ]);
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain('Choose a passphrase of at least 8 characters.');
    expect(created.output).toContain('Your wallet is ready.');
    expect(created.output).not.toContain('correct horse battery');

    const listed = await terminal('list', [['Wallet passphrase:', 'correct horse battery']]);
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('Your wallet is empty');

    const wrong = await terminal('list', [['Wallet passphrase:', 'not the passphrase']]);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('Wrong passphrase');
    expect(wrong.output).not.toContain('not the passphrase');
  });
});
