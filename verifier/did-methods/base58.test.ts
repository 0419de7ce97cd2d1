import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { decodeBase58 } from './base58.ts';
import { keyOfVerificationMethod } from './verification-method.ts';

/** An Ed25519 public key (a multiple of the base point) whose encoding starts with two zero bytes. */
const ED25519_LEADING_ZEROS = Buffer.from('000047eb3ca22afe1e05288b1d235118f189721c101f05a5237dfc0aeeb767ba', 'hex');

// ethers' base58 decoder once dropped leading zero bytes (commit efe15ef): a key starting with one
// was read one byte short, about one run in 256.
describe('base58btc keeps leading zero bytes', () => {
  it('decodes each leading "1" as a zero byte', () => {
    expect(decodeBase58('1')).toEqual(Buffer.from([0]));
    expect(decodeBase58('11')).toEqual(Buffer.from([0, 0]));
    expect(decodeBase58('1112')).toEqual(Buffer.from([0, 0, 0, 1]));
  });

  it('round-trips bytes that start with zeros', () => {
    for (const bytes of [
      Buffer.alloc(32),
      Buffer.concat([Buffer.alloc(3), Buffer.from('ff00ff', 'hex')]),
      ED25519_LEADING_ZEROS,
    ]) {
      const text = base58.encode(bytes);
      expect(decodeBase58(text)).toEqual(bytes);
    }
  });

  it('reads a publicKeyBase58 key that starts with zero bytes at its full 32 bytes', () => {
    const publicKeyBase58 = base58.encode(ED25519_LEADING_ZEROS);
    expect(publicKeyBase58.startsWith('11')).toBe(true);
    const outcome = keyOfVerificationMethod({
      id: 'did:example:z#k',
      type: 'Ed25519VerificationKey2018',
      publicKeyBase58,
    });
    expect(outcome.ok && outcome.key.key!.export({ format: 'jwk' }).x).toBe(
      ED25519_LEADING_ZEROS.toString('base64url'),
    );
  });

  it('refuses empty, oversized and non-base58 text', () => {
    for (const text of ['', '0OIl', 'abc!', '2'.repeat(4097)])
      expect(decodeBase58(text), text.slice(0, 10)).toBeUndefined();
  });
});
