import { describe, expect, it } from 'vitest';
import { freshKeyPair } from '../../test/support/keys.ts';
import { keyFromJwk } from './key-from-jwk.ts';

describe('keyFromJwk', () => {
  const jwkOf = (pair: ReturnType<typeof freshKeyPair>) =>
    pair.publicKey.export({ format: 'jwk' }) as Record<string, string>;

  it.each([
    ['EdDSA', () => freshKeyPair('ed25519')],
    ['ES256', () => freshKeyPair('ec', { namedCurve: 'prime256v1' })],
    ['ES256K', () => freshKeyPair('ec', { namedCurve: 'secp256k1' })],
    ['ES384', () => freshKeyPair('ec', { namedCurve: 'secp384r1' })],
    ['ES512', () => freshKeyPair('ec', { namedCurve: 'secp521r1' })],
    ['RS256', () => freshKeyPair('rsa', { modulusLength: 2048 })],
  ] as const)('pins the key to %s', (alg, pair) => {
    const outcome = keyFromJwk('did:example:k#k', jwkOf(pair()));
    expect(outcome.ok && outcome.key.alg).toBe(alg);
  });

  it('pins an RSA key to PS256 when it declares it, and keeps its kid', () => {
    const outcome = keyFromJwk('did:example:ps#k', {
      ...jwkOf(freshKeyPair('rsa', { modulusLength: 2048 })),
      alg: 'PS256',
      kid: 'k-1',
    });
    expect(outcome.ok && [outcome.key.alg, outcome.key.jwkKid]).toEqual(['PS256', 'k-1']);
  });

  it('refuses a declared alg that does not fit the key type', () => {
    const outcome = keyFromJwk('did:example:k#k', { ...jwkOf(freshKeyPair('ed25519')), alg: 'ES256' });
    expect(!outcome.ok && outcome.why).toMatch(/does not fit its type/);
  });
});
