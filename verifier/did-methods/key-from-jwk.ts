import { createPublicKey, ECDH } from 'node:crypto';
import type { JoseAlg } from '../../core/jose/verification-key.ts';
import { EC_CURVES } from './ec-point.ts';
import { isEd25519Point, isSmallOrderEd25519 } from './ed25519-point.ts';
import { type KeyOutcome, unusable } from './types.ts';

const RSA_ALGS = new Set<JoseAlg>(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
/** Smaller RSA moduli are refused (NIST SP 800-131A). */
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 8192;

const B64URL = /^[A-Za-z0-9_-]+$/;
const b64urlBytes = (value: unknown): Buffer | undefined =>
  typeof value === 'string' && value.length <= 2048 && B64URL.test(value) ? Buffer.from(value, 'base64url') : undefined;

/**
 * A public JWK (private members dropped) as a pinned verification key, or why it cannot be one. Its
 * `kid` member is kept: a JWS header's kid may name the key by it (RFC 7517 §4.5).
 */
export function keyFromJwk(id: string, jwk: unknown): KeyOutcome {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return unusable('publicKeyJwk is not an object');
  const j = jwk as Record<string, unknown>;
  const outcome = importJwk(id, j);
  return outcome.ok && typeof j.kid === 'string' && j.kid.length <= 200
    ? { ok: true, key: { ...outcome.key, jwkKid: j.kid } }
    : outcome;
}

function importJwk(id: string, j: Record<string, unknown>): KeyOutcome {
  if (j.use !== undefined && j.use !== 'sig')
    return unusable(`the key is for "${String(j.use).slice(0, 20)}", not signatures`);
  if (j.key_ops !== undefined && !(Array.isArray(j.key_ops) && j.key_ops.includes('verify')))
    return unusable('the key\'s key_ops do not include "verify"');
  const declaredAlg = j.alg;
  const checkAlg = (pinned: JoseAlg): KeyOutcome | undefined =>
    declaredAlg !== undefined && declaredAlg !== pinned
      ? unusable(`the key declares alg "${String(declaredAlg).slice(0, 20)}", which does not fit its type (${pinned})`)
      : undefined;
  try {
    if (j.kty === 'OKP') {
      if (j.crv === 'X25519' || j.crv === 'X448')
        return unusable(`${j.crv} keys are for key agreement only and cannot sign`);
      if (j.crv !== 'Ed25519') return unusable(`OKP curve "${String(j.crv).slice(0, 20)}" is not supported`);
      const x = b64urlBytes(j.x);
      if (x?.length !== 32) return unusable('the Ed25519 key is not 32 bytes');
      if (!isEd25519Point(x)) return unusable('the Ed25519 key is not a point on the curve');
      if (isSmallOrderEd25519(x))
        return unusable('the Ed25519 key is a small-order point, for which anyone can forge signatures');
      return (
        checkAlg('EdDSA') ?? {
          ok: true,
          key: {
            id,
            key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: j.x as string }, format: 'jwk' }),
            alg: 'EdDSA',
          },
        }
      );
    }
    if (j.kty === 'EC') {
      const curve = typeof j.crv === 'string' ? EC_CURVES[j.crv] : undefined;
      if (!curve || !Object.hasOwn(EC_CURVES, j.crv as string))
        return unusable(`EC curve "${String(j.crv).slice(0, 20)}" is not supported`);
      const x = b64urlBytes(j.x);
      const y = b64urlBytes(j.y);
      if (!x || !y || x.length !== curve.size || y.length !== curve.size)
        return unusable(`the ${String(j.crv)} key has malformed coordinates`);
      // Validates that the point is on the curve (throws otherwise).
      ECDH.convertKey(Buffer.concat([Buffer.from([4]), x, y]), curve.nodeCurve, undefined, undefined, 'uncompressed');
      const key = createPublicKey({
        key: { kty: 'EC', crv: j.crv as string, x: j.x as string, y: j.y as string },
        format: 'jwk',
      });
      return checkAlg(curve.alg) ?? { ok: true, key: { id, key, alg: curve.alg } };
    }
    if (j.kty === 'RSA') {
      const n = b64urlBytes(j.n);
      const e = b64urlBytes(j.e);
      if (!n || !e) return unusable('the RSA key has a malformed modulus or exponent');
      const key = createPublicKey({ key: { kty: 'RSA', n: j.n as string, e: j.e as string }, format: 'jwk' });
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS)
        return unusable(`RSA keys must have ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits, this one has ${bits}`);
      const alg: JoseAlg =
        typeof declaredAlg === 'string' && RSA_ALGS.has(declaredAlg as JoseAlg) ? (declaredAlg as JoseAlg) : 'RS256';
      if (declaredAlg !== undefined && alg !== declaredAlg)
        return unusable(`the RSA key declares alg "${String(declaredAlg).slice(0, 20)}"`);
      return { ok: true, key: { id, key, alg } };
    }
  } catch (error) {
    return unusable(`the key cannot be imported: ${(error as Error).message.slice(0, 100)}`);
  }
  return unusable(`key type "${String(j.kty).slice(0, 20)}" is not supported`);
}
