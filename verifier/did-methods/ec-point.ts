import { ECDH } from 'node:crypto';
import type { JoseAlg } from '../../core/jose/verification-key.ts';

interface CurveInfo {
  alg: JoseAlg;
  /** node:crypto / OpenSSL curve name. */
  nodeCurve: string;
  /** Bytes of one coordinate. */
  size: number;
}

/** The EC curves a verification key may be on. */
export const EC_CURVES: Record<string, CurveInfo> = {
  'P-256': { alg: 'ES256', nodeCurve: 'prime256v1', size: 32 },
  'P-384': { alg: 'ES384', nodeCurve: 'secp384r1', size: 48 },
  'P-521': { alg: 'ES512', nodeCurve: 'secp521r1', size: 66 },
  secp256k1: { alg: 'ES256K', nodeCurve: 'secp256k1', size: 32 },
};

/** The uncompressed JWK of a compressed (or uncompressed) SEC1 EC point, validating it. */
export function jwkOfEcPoint(crv: keyof typeof EC_CURVES, point: Uint8Array): Record<string, string> {
  const curve = EC_CURVES[crv]!;
  const uncompressed = ECDH.convertKey(
    Buffer.from(point),
    curve.nodeCurve,
    undefined,
    undefined,
    'uncompressed',
  ) as Buffer;
  if (uncompressed.length !== 1 + 2 * curve.size) throw new Error(`not a ${crv} point`);
  return {
    kty: 'EC',
    crv,
    x: uncompressed.subarray(1, 1 + curve.size).toString('base64url'),
    y: uncompressed.subarray(1 + curve.size).toString('base64url'),
  };
}
