import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshKeyPair } from '../../test/support/keys.ts';
import { signedJws } from '../../test/support/sign-jws.ts';
import type { JoseAlg, VerificationKey } from './verification-key.ts';
import { algAllowed, verifyJwsSignature, verifyJwsSignatureAsync } from './verify-signature.ts';

describe('verifyJwsSignature', () => {
  const pairs = {
    EdDSA: freshKeyPair('ed25519'),
    ES256: freshKeyPair('ec', { namedCurve: 'prime256v1' }),
    ES256K: freshKeyPair('ec', { namedCurve: 'secp256k1' }),
    ES384: freshKeyPair('ec', { namedCurve: 'secp384r1' }),
    ES512: freshKeyPair('ec', { namedCurve: 'secp521r1' }),
    RS256: freshKeyPair('rsa', { modulusLength: 2048 }),
  };
  const keyOf = (alg: keyof typeof pairs): VerificationKey => ({
    id: `did:example:${alg}#k`,
    key: pairs[alg].publicKey,
    alg,
  });

  it.each(Object.keys(pairs) as (keyof typeof pairs)[])(
    '%s: valid signatures hold, altered ones and other keys do not',
    async (alg) => {
      const key = keyOf(alg);
      const { input, signature } = signedJws(alg, pairs[alg].privateKey);
      expect(verifyJwsSignature(key, input, signature)).toBe(true);
      expect(verifyJwsSignature(key, input, signature, alg)).toBe(true);
      expect(await verifyJwsSignatureAsync(key, input, signature, alg)).toBe(true);
      expect(verifyJwsSignature(key, Buffer.concat([input, Buffer.from('x')]), signature, alg)).toBe(false);
      expect(await verifyJwsSignatureAsync(key, Buffer.concat([input, Buffer.from('x')]), signature, alg)).toBe(false);
      expect(verifyJwsSignature(key, input, Buffer.from(signature.map((b, i) => (i === 0 ? b ^ 0x80 : b))), alg)).toBe(
        false,
      );
      expect(verifyJwsSignature(key, input, signature.subarray(1), alg)).toBe(false);
      expect(verifyJwsSignature(key, input, Buffer.alloc(0), alg)).toBe(false);
      for (const other of Object.keys(pairs) as (keyof typeof pairs)[]) {
        if (other === alg) continue;
        const foreign = signedJws(other, pairs[other].privateKey);
        expect(verifyJwsSignature(key, foreign.input, foreign.signature, other), `${alg} key, ${other} header`).toBe(
          false,
        );
        expect(verifyJwsSignature(key, foreign.input, foreign.signature, alg), `${alg} key, ${other} signature`).toBe(
          false,
        );
      }
    },
  );

  it('PS256 when the key is pinned to it', () => {
    const key: VerificationKey = { id: 'did:example:ps#k', key: pairs.RS256.publicKey, alg: 'PS256' };
    const ps = signedJws('PS256', pairs.RS256.privateKey);
    expect(verifyJwsSignature(key, ps.input, ps.signature, 'PS256')).toBe(true);
    const rs = signedJws('RS256', pairs.RS256.privateKey);
    expect(verifyJwsSignature(key, rs.input, rs.signature, 'RS256')).toBe(false);
  });

  it('refuses algorithm confusion: an Ed25519 key with ES256, HS256 or none', () => {
    const key = keyOf('EdDSA');
    const { input, signature } = signedJws('EdDSA', pairs.EdDSA.privateKey);
    for (const alg of ['ES256', 'ES256K', 'HS256', 'none', 'NONE', 'eddsa', 'RS256', '']) {
      expect(algAllowed(key, alg), alg).toBe(false);
      expect(verifyJwsSignature(key, input, signature, alg), alg).toBe(false);
    }
    // HS256 with the public key bytes as the HMAC secret (the classic confusion attack)
    const raw = Buffer.from((pairs.EdDSA.publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
    const hmac = createHash('sha256').update(raw).update(input).digest();
    expect(verifyJwsSignature(key, input, hmac, 'HS256')).toBe(false);
    expect(verifyJwsSignature(key, input, Buffer.alloc(0), 'none')).toBe(false);
    // A P-256 key never verifies EdDSA or ES384, even with a signature of the right length
    const p = keyOf('ES256');
    expect(verifyJwsSignature(p, input, signature, 'EdDSA')).toBe(false);
    expect(verifyJwsSignature(p, input, Buffer.alloc(96), 'ES384')).toBe(false);
  });

  it('a key with no public key (and no Ethereum account) or pinned to another type never verifies, and nothing throws', () => {
    const { input, signature } = signedJws('EdDSA', pairs.EdDSA.privateKey);
    expect(verifyJwsSignature({ id: 'k', alg: 'ES256' } as VerificationKey, input, signature)).toBe(false);
    expect(verifyJwsSignature({ id: 'k', key: pairs.EdDSA.publicKey, alg: 'ES256' }, input, Buffer.alloc(64))).toBe(
      false,
    );
    expect(verifyJwsSignature({ id: 'k', key: pairs.EdDSA.publicKey, alg: 'bogus' as JoseAlg }, input, signature)).toBe(
      false,
    );
  });
});
