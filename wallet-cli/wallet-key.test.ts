import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newPassphraseKdf, secretBoxFromPassphrase } from '../core/secret-box.ts';
import { WALLET_FILE_NAME } from './wallet-dir.ts';
import { startDerivingWalletKey, walletKey } from './wallet-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'skillmark-wallet-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the wallet key, derived once per process', () => {
  it('is the key the passphrase gives, derived once for the same passphrase and settings', async () => {
    const kdf = newPassphraseKdf();
    const key = walletKey('correct horse', kdf);
    expect(walletKey('correct horse', { ...kdf })).toBe(key);
    expect(walletKey('another passphrase', kdf)).not.toBe(key);
    expect(walletKey('correct horse', newPassphraseKdf())).not.toBe(key);
    const sealed = secretBoxFromPassphrase('correct horse', kdf).seal('secret', 'context');
    expect((await key).openText(sealed, 'context')).toBe('secret');
  });

  it('starts deriving from the wallet file and SKILLMARK_WALLET_PASSPHRASE, so that opening the wallet finds it under way', () => {
    const kdf = newPassphraseKdf();
    writeFileSync(join(dir, WALLET_FILE_NAME), JSON.stringify({ format: 2, did: 'did:key:z', kdf, sealed: 'x' }));
    startDerivingWalletKey(dir, { SKILLMARK_WALLET_PASSPHRASE: 'started early' });
    const started = walletKey('started early', kdf);
    startDerivingWalletKey(dir, { SKILLMARK_WALLET_PASSPHRASE: 'started early' });
    expect(walletKey('started early', kdf)).toBe(started);
  });

  it('starts nothing, and throws nothing, without a passphrase, without a wallet or with settings out of bounds', () => {
    expect(() => startDerivingWalletKey(dir, {})).not.toThrow();
    expect(() => startDerivingWalletKey(join(dir, 'none'), { SKILLMARK_WALLET_PASSPHRASE: 'p' })).not.toThrow();
    const huge = { ...newPassphraseKdf(), N: 2 ** 30 };
    writeFileSync(join(dir, WALLET_FILE_NAME), JSON.stringify({ kdf: huge }));
    expect(() => startDerivingWalletKey(dir, { SKILLMARK_WALLET_PASSPHRASE: 'p' })).not.toThrow();
    expect(() => walletKey('p', huge)).toThrow(/out of bounds/);
  });
});
