import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { checkBundle } from './bundle.ts';
import { selfSignedBundle } from './testing/self-signed.ts';

/** The receipt part of the checks a wallet makes before it stores a credential, on real signed credentials. */
const walletDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32)));

describe('checkBundle: the anchor receipt', () => {
  it('accepts a receipt whose proof leads from this credential to its root, keeping it parsed', async () => {
    const bundle = await selfSignedBundle(walletDid);
    expect(await checkBundle(bundle, walletDid)).toMatchObject({
      credential: bundle.credential,
      anchorReceipt: bundle.anchorReceipt,
      subject: walletDid,
    });
  });

  it('refuses a malformed receipt, saying what is wrong', async () => {
    const bundle = await selfSignedBundle(walletDid);
    await expect(
      checkBundle({ ...bundle, anchorReceipt: { ...bundle.anchorReceipt, proof: 'none' } }, walletDid),
    ).rejects.toThrow(/^The anchor receipt is not valid: .*"proof"/);
  });

  it('refuses another credential’s receipt, and a proof that does not lead to the root', async () => {
    const bundle = await selfSignedBundle(walletDid);
    const other = await selfSignedBundle(walletDid);
    const wrongProof = { ...bundle.anchorReceipt, proof: [`0x${'ab'.repeat(32)}`] };
    for (const anchorReceipt of [other.anchorReceipt, wrongProof]) {
      await expect(checkBundle({ ...bundle, anchorReceipt }, walletDid)).rejects.toThrow(
        'The anchor receipt does not belong to this credential.',
      );
    }
  });
});
