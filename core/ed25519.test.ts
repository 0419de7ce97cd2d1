import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { didKeyOfJwk } from './did-key-encoding.ts';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKey, ed25519PublicKeyOfSeed } from './ed25519.ts';

/** RFC 8032 section 7.1, test 1. */
const SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const PUBLIC_KEY = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
const EMPTY_MESSAGE_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

describe('Ed25519 keys from raw bytes', () => {
  it('derives the public key of a seed and signs as RFC 8032 does', async () => {
    expect(ed25519PublicKeyOfSeed(SEED)).toEqual(PUBLIC_KEY);
    const signature = Buffer.from(await ed25519JwtSigner(SEED)(new Uint8Array()), 'base64url');
    expect(signature.toString('hex')).toBe(EMPTY_MESSAGE_SIGNATURE);
    expect(verify(null, Buffer.alloc(0), ed25519PublicKey(PUBLIC_KEY), signature)).toBe(true);
  });

  it('writes the same did:key as the JWK encoder', () => {
    expect(didKeyOfEd25519(PUBLIC_KEY)).toBe(
      didKeyOfJwk({ kty: 'OKP', crv: 'Ed25519', x: PUBLIC_KEY.toString('base64url') }),
    );
    expect(didKeyOfEd25519(PUBLIC_KEY)).toMatch(/^did:key:z6Mk/);
  });
});
