import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { didKeyOfMulticodecKey } from './did-key-encoding.ts';
import { MULTICODEC } from './multicodec.ts';

/**
 * Wraps a raw Ed25519 seed as PKCS #8 (RFC 8410). node:crypto on Node 20 has no raw private key
 * import, and an Ed25519 private JWK must also carry the public key, not known before the import.
 */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const ed25519PrivateKey = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });

export const ed25519PublicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

export function ed25519PublicKeyOfSeed(seed: Uint8Array): Buffer {
  return Buffer.from(createPublicKey(ed25519PrivateKey(seed)).export({ format: 'jwk' }).x!, 'base64url');
}

/** A did-jwt compatible signer on node:crypto (several times faster than the pure-JS default). */
export function ed25519JwtSigner(seed: Uint8Array): (data: string | Uint8Array) => Promise<string> {
  const key = ed25519PrivateKey(seed);
  return async (data) =>
    sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, key).toString('base64url');
}

export const didKeyOfEd25519 = (publicKey: Uint8Array): string => didKeyOfMulticodecKey(MULTICODEC.ed25519, publicKey);
