import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { verifyByEthereumRecovery } from './ethereum-recovery.ts';

// ethers, the ledger client, computes the account address: an independent reference for the recovery.
const account = Wallet.createRandom();
const privateKey = Buffer.from(account.privateKey.slice(2), 'hex');
const input = Buffer.from('eyJhbGciOiJFUzI1NkstUiJ9.eyJpc3MiOiJkaWQ6ZXRociJ9');
const signed = secp256k1.sign(createHash('sha256').update(input).digest(), privateKey, { lowS: true });
const rs = Buffer.from(signed.toCompactRawBytes());
const key = { ethereumAddress: account.address.toLowerCase() } as Parameters<typeof verifyByEthereumRecovery>[0];
/** The same signature with s replaced by n - s, which flips the recovery id. */
const highS = Buffer.from(new secp256k1.Signature(signed.r, secp256k1.CURVE.n - signed.s).toCompactRawBytes());

describe('verifyByEthereumRecovery', () => {
  it("recovers the signer's account from ES256K-R (recovery id as 0/1 or 27/28) and from ES256K", () => {
    expect(verifyByEthereumRecovery(key, input, Buffer.concat([rs, Buffer.of(signed.recovery)]), 'ES256K-R')).toBe(
      true,
    );
    expect(verifyByEthereumRecovery(key, input, Buffer.concat([rs, Buffer.of(27 + signed.recovery)]), 'ES256K-R')).toBe(
      true,
    );
    expect(verifyByEthereumRecovery(key, input, rs, 'ES256K')).toBe(true);
  });

  it('accepts the high-s form of the same signature with its own recovery id', () => {
    expect(
      verifyByEthereumRecovery(key, input, Buffer.concat([highS, Buffer.of(signed.recovery ^ 1)]), 'ES256K-R'),
    ).toBe(true);
  });

  it('refuses another account, another input, a wrong recovery id and malformed signatures', () => {
    const other = { ethereumAddress: Wallet.createRandom().address.toLowerCase() } as typeof key;
    const rsv = Buffer.concat([rs, Buffer.of(signed.recovery)]);
    expect(verifyByEthereumRecovery(other, input, rsv, 'ES256K-R')).toBe(false);
    expect(verifyByEthereumRecovery(key, Buffer.from('other'), rsv, 'ES256K-R')).toBe(false);
    expect(verifyByEthereumRecovery(key, input, Buffer.concat([rs, Buffer.of(signed.recovery ^ 1)]), 'ES256K-R')).toBe(
      false,
    );
    expect(verifyByEthereumRecovery(key, input, Buffer.concat([rs, Buffer.of(5)]), 'ES256K-R')).toBe(false);
    expect(verifyByEthereumRecovery(key, input, rs, 'ES256K-R')).toBe(false);
    expect(verifyByEthereumRecovery(key, input, Buffer.alloc(64), 'ES256K')).toBe(false);
  });
});
