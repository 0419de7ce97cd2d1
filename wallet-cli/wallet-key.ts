import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type PassphraseKdf,
  type SecretBox,
  secretBoxFromPassphraseAsync,
  validPassphraseKdf,
} from '../core/secret-box.ts';
import { WALLET_FILE_NAME } from './wallet-dir.ts';

const derivations = new Map<string, Promise<SecretBox>>();

/** The wallet's key for a passphrase and the file's key-derivation settings, derived once per process. */
export function walletKey(passphrase: string, kdf: PassphraseKdf): Promise<SecretBox> {
  const id = JSON.stringify([passphrase, kdf.salt, kdf.N, kdf.r, kdf.p]);
  let key = derivations.get(id);
  if (!key) {
    key = secretBoxFromPassphraseAsync(passphrase, kdf);
    derivations.set(id, key);
    key.catch(() => derivations.delete(id));
  }
  return key;
}

/**
 * Starts deriving the wallet's key when the passphrase is in SKILLMARK_WALLET_PASSPHRASE: scrypt
 * (a deliberate tenth of a second) then runs on the thread pool while the command's code loads,
 * instead of after it (npm run bench wallet). Whatever goes wrong here, opening the wallet later
 * says it properly.
 */
export function startDerivingWalletKey(dir: string, env: Record<string, string | undefined>): void {
  const passphrase = env.SKILLMARK_WALLET_PASSPHRASE;
  if (!passphrase) return;
  try {
    const { kdf } = JSON.parse(readFileSync(join(dir, WALLET_FILE_NAME), 'utf8')) as { kdf?: PassphraseKdf };
    if (kdf && validPassphraseKdf(kdf)) walletKey(passphrase, kdf).catch(() => undefined);
  } catch {
    // No wallet yet, or not one: the command says so.
  }
}
