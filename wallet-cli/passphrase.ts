import { PromptCancelled, promptHidden as promptOnTerminal } from '../core/hidden-prompt.ts';
import type { WalletSentenceKey } from '../core/messages/index.ts';
import { WalletError } from './store.ts';
import { t } from './words.ts';

/** A hidden prompt in the wallet's words: Ctrl-C says the passphrase was not given. */
async function promptHidden(question: string): Promise<string> {
  try {
    return await promptOnTerminal(question);
  } catch (error) {
    if (error instanceof PromptCancelled) throw new WalletError(t('passphrase_cancelled'), 130);
    throw error;
  }
}

/** Where a passphrase comes from: an environment variable for scripts, else a hidden prompt. */
interface PassphraseSource {
  envName: string;
  prompt: WalletSentenceKey;
  repeatPrompt: WalletSentenceKey;
}

const WALLET: PassphraseSource = {
  envName: 'SKILLMARK_WALLET_PASSPHRASE',
  prompt: 'passphrase_prompt',
  repeatPrompt: 'passphrase_repeat',
};
const BACKUP: PassphraseSource = {
  envName: 'SKILLMARK_BACKUP_PASSPHRASE',
  prompt: 'backup_passphrase_prompt',
  repeatPrompt: 'backup_passphrase_repeat',
};

/** How many times a person may choose a new passphrase on a terminal before the command gives up. */
const CHOOSING_TRIES = 3;

async function readSecret(source: PassphraseSource, options: { confirm?: boolean }): Promise<string> {
  const fromEnv = process.env[source.envName];
  if (fromEnv) {
    if (options.confirm && fromEnv.length < 8)
      throw new WalletError(t('passphrase_too_short_env', { env: source.envName }), 2);
    return fromEnv;
  }
  if (!process.stdin.isTTY) throw new WalletError(t('passphrase_none', { env: source.envName }), 2);
  if (!options.confirm) return promptHidden(t(source.prompt));
  // A slip while choosing one (too short, not repeated the same) asks again: the person need not start over.
  for (let attempt = 1; ; attempt++) {
    const passphrase = await promptHidden(t(source.prompt));
    const slip =
      passphrase.length < 8
        ? 'passphrase_too_short'
        : (await promptHidden(t(source.repeatPrompt))) !== passphrase
          ? 'passphrase_differ'
          : undefined;
    if (!slip) return passphrase;
    if (attempt === CHOOSING_TRIES) throw new WalletError(t(slip), 2);
    process.stderr.write(`${t(slip === 'passphrase_differ' ? 'passphrase_differ_again' : slip)}\n`);
  }
}

/** The wallet passphrase: SKILLMARK_WALLET_PASSPHRASE, else asked for on the terminal (not echoed). */
export function readPassphrase(options: { confirm?: boolean } = {}): Promise<string> {
  return readSecret(WALLET, options);
}

/** A backup's own passphrase: SKILLMARK_BACKUP_PASSPHRASE, else asked for on the terminal (not echoed). */
export function readBackupPassphrase(options: { confirm?: boolean } = {}): Promise<string> {
  return readSecret(BACKUP, options);
}
