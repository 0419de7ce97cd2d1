import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { newPassphraseKdf, secretBoxFromPassphrase } from '../../core/secret-box.ts';

/**
 * A wallet file as the wallet wrote it before format 2: the header (DID, key-derivation settings)
 * in clear and not authenticated, the secrets sealed under the fixed context "skillmark-wallet/1".
 * `credentials` go in as given, so a test can plant items the wallet of then accepted.
 */
export function writeFormat1Wallet(
  dir: string,
  passphrase: string,
  credentials: unknown[] = [],
  seed = randomBytes(32),
): { did: string; file: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  const kdf = newPassphraseKdf();
  const sealed = secretBoxFromPassphrase(passphrase, kdf).seal(
    JSON.stringify({ seed: seed.toString('base64url'), credentials }),
    'skillmark-wallet/1',
  );
  const file = join(dir, 'wallet.json');
  writeFileSync(file, `${JSON.stringify({ format: 'skillmark-wallet/1', did, kdf, sealed }, null, 2)}\n`, {
    mode: 0o600,
  });
  return { did, file };
}
