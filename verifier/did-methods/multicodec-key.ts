import { createPublicKey } from 'node:crypto';
import { MULTICODEC, splitMulticodec } from '../../core/multicodec.ts';
import { type EC_CURVES, jwkOfEcPoint } from './ec-point.ts';
import { isEd25519Point } from './ed25519-point.ts';

type JwkOutcome = { ok: true; jwk: Record<string, string> } | { ok: false; why: string; malformed: boolean };

const malformed = (why: string): JwkOutcome => ({ ok: false, why, malformed: true });
/** A well-formed key of a type that cannot verify a JWS. */
const notForJose = (why: string): JwkOutcome => ({ ok: false, why, malformed: false });

/**
 * A multicodec-tagged public key as a JWK, or why it is not a signing key we support.
 * Used for did:key and for `publicKeyMultibase` (Multikey) verification methods.
 */
export function jwkOfMulticodecKey(bytes: Uint8Array): JwkOutcome {
  const tagged = splitMulticodec(bytes);
  if (!tagged) return malformed('the key has no multicodec prefix');
  const raw = tagged.key;
  const ecPoint = (crv: keyof typeof EC_CURVES, size: number): JwkOutcome => {
    if (raw.length !== 1 + size || (raw[0] !== 2 && raw[0] !== 3))
      return malformed(`a ${crv} key must be a ${1 + size}-byte compressed point`);
    try {
      return { ok: true, jwk: jwkOfEcPoint(crv, raw) };
    } catch {
      return malformed(`the ${crv} key is not a point on the curve`);
    }
  };
  switch (tagged.code) {
    case MULTICODEC.ed25519:
      if (raw.length !== 32) return malformed('an Ed25519 key must be 32 bytes');
      if (!isEd25519Point(raw)) return malformed('the Ed25519 key is not a point on the curve');
      return { ok: true, jwk: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') } };
    case MULTICODEC.secp256k1:
      return ecPoint('secp256k1', 32);
    case MULTICODEC.p256:
      return ecPoint('P-256', 32);
    case MULTICODEC.p384:
      return ecPoint('P-384', 48);
    case MULTICODEC.p521:
      return ecPoint('P-521', 66);
    case MULTICODEC.rsa:
      try {
        const jwk = createPublicKey({ key: raw, format: 'der', type: 'pkcs1' }).export({ format: 'jwk' });
        return { ok: true, jwk: { kty: 'RSA', n: jwk.n!, e: jwk.e! } };
      } catch {
        return malformed('the RSA key is not a DER RSAPublicKey');
      }
    case MULTICODEC.x25519:
      return notForJose('it holds an X25519 key, which is for key agreement only and cannot sign');
    case MULTICODEC.bls12381g1:
    case MULTICODEC.bls12381g2:
    case MULTICODEC.bls12381g1g2:
      return notForJose('it holds a BLS12-381 key (BBS signatures), which JOSE cannot verify');
    default:
      return malformed(`multicodec 0x${tagged.code.toString(16)} is not a supported public key type`);
  }
}
