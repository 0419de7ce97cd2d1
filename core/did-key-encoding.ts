import { createPublicKey } from 'node:crypto';
import { base58 } from '@scure/base';
import { MULTICODEC, withMulticodec } from './multicodec.ts';

const EC_CODES: Record<string, number> = {
  secp256k1: MULTICODEC.secp256k1,
  'P-256': MULTICODEC.p256,
  'P-384': MULTICODEC.p384,
  'P-521': MULTICODEC.p521,
};

/** The did:key of a multicodec-tagged public key (https://w3c-ccg.github.io/did-method-key/): multibase base58btc of the tagged key. */
export function didKeyOfMulticodecKey(code: number, key: Uint8Array): string {
  return `did:key:z${base58.encode(withMulticodec(code, key))}`;
}

/** The did:key of a public JWK (Ed25519, secp256k1, P-256, P-384, P-521 or RSA). */
export function didKeyOfJwk(jwk: {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
}): string {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x)
    return didKeyOfMulticodecKey(MULTICODEC.ed25519, Buffer.from(jwk.x, 'base64url'));
  if (jwk.kty === 'EC' && jwk.x && jwk.y && jwk.crv) {
    if (!Object.hasOwn(EC_CODES, jwk.crv)) throw new TypeError(`no did:key for curve ${jwk.crv}`);
    return didKeyOfMulticodecKey(EC_CODES[jwk.crv]!, compressedPoint(jwk.x, jwk.y));
  }
  if (jwk.kty === 'RSA' && jwk.n && jwk.e) {
    // did:key holds an RSA key as a DER RSAPublicKey (PKCS #1).
    const der = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }).export({
      format: 'der',
      type: 'pkcs1',
    });
    return didKeyOfMulticodecKey(MULTICODEC.rsa, der);
  }
  throw new TypeError('unsupported JWK for did:key');
}

/** The compressed SEC1 form of an EC point: its x, behind 02 or 03 for an even or odd y. */
function compressedPoint(x: string, y: string): Buffer {
  const yBytes = Buffer.from(y, 'base64url');
  return Buffer.concat([Buffer.from([yBytes[yBytes.length - 1]! & 1 ? 3 : 2]), Buffer.from(x, 'base64url')]);
}
