import { createPublicKey, ECDH } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { getAddress } from 'ethers';
import type { DidVerificationMethod, JoseAlg, VerificationKey } from './types.ts';

/** Either a usable key or why this verification method cannot verify a JWS. */
export type KeyOutcome = { ok: true; key: VerificationKey } | { ok: false; why: string };

const unusable = (why: string): KeyOutcome => ({ ok: false, why });

interface CurveInfo {
  alg: JoseAlg;
  /** node:crypto / OpenSSL curve name. */
  nodeCurve: string;
  /** Bytes of one coordinate. */
  size: number;
}

export const EC_CURVES: Record<string, CurveInfo> = {
  'P-256': { alg: 'ES256', nodeCurve: 'prime256v1', size: 32 },
  'P-384': { alg: 'ES384', nodeCurve: 'secp384r1', size: 48 },
  'P-521': { alg: 'ES512', nodeCurve: 'secp521r1', size: 66 },
  secp256k1: { alg: 'ES256K', nodeCurve: 'secp256k1', size: 32 },
};

const RSA_ALGS = new Set<JoseAlg>(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
/** Smaller RSA moduli are refused (NIST SP 800-131A). */
export const MIN_RSA_BITS = 2048;
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
  return outcome.ok && typeof j.kid === 'string' && j.kid.length <= 200 ? { ok: true, key: { ...outcome.key, jwkKid: j.kid } } : outcome;
}

function importJwk(id: string, j: Record<string, unknown>): KeyOutcome {
  if (j.use !== undefined && j.use !== 'sig') return unusable(`the key is for "${String(j.use).slice(0, 20)}", not signatures`);
  if (j.key_ops !== undefined && !(Array.isArray(j.key_ops) && j.key_ops.includes('verify'))) return unusable('the key\'s key_ops do not include "verify"');
  const declaredAlg = j.alg;
  const checkAlg = (pinned: JoseAlg): KeyOutcome | undefined =>
    declaredAlg !== undefined && declaredAlg !== pinned ? unusable(`the key declares alg "${String(declaredAlg).slice(0, 20)}", which does not fit its type (${pinned})`) : undefined;
  try {
    if (j.kty === 'OKP') {
      if (j.crv === 'X25519' || j.crv === 'X448') return unusable(`${j.crv} keys are for key agreement only and cannot sign`);
      if (j.crv !== 'Ed25519') return unusable(`OKP curve "${String(j.crv).slice(0, 20)}" is not supported`);
      const x = b64urlBytes(j.x);
      if (!x || x.length !== 32) return unusable('the Ed25519 key is not 32 bytes');
      if (!isEd25519Point(x)) return unusable('the Ed25519 key is not a point on the curve');
      if (isSmallOrderEd25519(x)) return unusable('the Ed25519 key is a small-order point, for which anyone can forge signatures');
      return checkAlg('EdDSA') ?? { ok: true, key: { id, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: j.x as string }, format: 'jwk' }), alg: 'EdDSA' } };
    }
    if (j.kty === 'EC') {
      const curve = typeof j.crv === 'string' ? EC_CURVES[j.crv] : undefined;
      if (!curve || !Object.prototype.hasOwnProperty.call(EC_CURVES, j.crv as string)) return unusable(`EC curve "${String(j.crv).slice(0, 20)}" is not supported`);
      const x = b64urlBytes(j.x);
      const y = b64urlBytes(j.y);
      if (!x || !y || x.length !== curve.size || y.length !== curve.size) return unusable(`the ${String(j.crv)} key has malformed coordinates`);
      // Validates that the point is on the curve (throws otherwise).
      ECDH.convertKey(Buffer.concat([Buffer.from([4]), x, y]), curve.nodeCurve, undefined, undefined, 'uncompressed');
      const key = createPublicKey({ key: { kty: 'EC', crv: j.crv as string, x: j.x as string, y: j.y as string }, format: 'jwk' });
      return checkAlg(curve.alg) ?? { ok: true, key: { id, key, alg: curve.alg } };
    }
    if (j.kty === 'RSA') {
      const n = b64urlBytes(j.n);
      const e = b64urlBytes(j.e);
      if (!n || !e) return unusable('the RSA key has a malformed modulus or exponent');
      const key = createPublicKey({ key: { kty: 'RSA', n: j.n as string, e: j.e as string }, format: 'jwk' });
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) return unusable(`RSA keys must have ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits, this one has ${bits}`);
      const alg: JoseAlg = typeof declaredAlg === 'string' && RSA_ALGS.has(declaredAlg as JoseAlg) ? (declaredAlg as JoseAlg) : 'RS256';
      if (declaredAlg !== undefined && alg !== declaredAlg) return unusable(`the RSA key declares alg "${String(declaredAlg).slice(0, 20)}"`);
      return { ok: true, key: { id, key, alg } };
    }
  } catch (error) {
    return unusable(`the key cannot be imported: ${(error as Error).message.slice(0, 100)}`);
  }
  return unusable(`key type "${String(j.kty).slice(0, 20)}" is not supported`);
}

/** The uncompressed JWK of a compressed (or uncompressed) SEC1 EC point, validating it. */
export function jwkOfEcPoint(crv: keyof typeof EC_CURVES, point: Uint8Array): Record<string, string> {
  const curve = EC_CURVES[crv]!;
  const uncompressed = ECDH.convertKey(Buffer.from(point), curve.nodeCurve, undefined, undefined, 'uncompressed') as Buffer;
  if (uncompressed.length !== 1 + 2 * curve.size) throw new Error(`not a ${crv} point`);
  return {
    kty: 'EC',
    crv,
    x: uncompressed.subarray(1, 1 + curve.size).toString('base64url'),
    y: uncompressed.subarray(1 + curve.size).toString('base64url'),
  };
}

/** A compressed SEC1 point of a public EC JWK. */
export function compressedPointOfJwk(jwk: { crv: string; x: string; y: string }): Buffer {
  const y = Buffer.from(jwk.y, 'base64url');
  return Buffer.concat([Buffer.from([y[y.length - 1]! & 1 ? 3 : 2]), Buffer.from(jwk.x, 'base64url')]);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58].map((c, i) => [c, BigInt(i)]));

/** Base58btc with leading-zero bytes kept; undefined on a bad character. Bounded to 4096 characters. */
export function decodeBase58(text: string): Buffer | undefined {
  if (text.length === 0 || text.length > 4096) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_INDEX.get(char);
    if (digit === undefined) return undefined;
    value = value * 58n + digit;
  }
  let hex = value === 0n ? '' : value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros += 1;
  return Buffer.concat([Buffer.alloc(zeros), Buffer.from(hex, 'hex')]);
}

export function encodeBase58(bytes: Uint8Array): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (value > 0n) {
    out = BASE58[Number(value % 58n)]! + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** Multicodec codes (unsigned varint) of public keys. */
export const MULTICODEC = {
  ed25519: 0xed,
  x25519: 0xec,
  secp256k1: 0xe7,
  p256: 0x1200,
  p384: 0x1201,
  p521: 0x1202,
  rsa: 0x1205,
  bls12381g1: 0xea,
  bls12381g2: 0xeb,
  bls12381g1g2: 0xee,
} as const;

export function readVarint(bytes: Uint8Array): { value: number; length: number } | undefined {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 4); i++) {
    value += (bytes[i]! & 0x7f) * 2 ** (7 * i);
    if ((bytes[i]! & 0x80) === 0) return { value, length: i + 1 };
  }
  return undefined;
}

export function writeVarint(value: number): Buffer {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/**
 * A multicodec-prefixed public key as a JWK, or why it is not a signing key we support.
 * Used for did:key and for `publicKeyMultibase` (Multikey) verification methods.
 */
export function jwkOfMulticodecKey(bytes: Uint8Array): { ok: true; jwk: Record<string, string> } | { ok: false; why: string; malformed: boolean } {
  const prefix = readVarint(bytes);
  if (!prefix) return { ok: false, why: 'the key has no multicodec prefix', malformed: true };
  const raw = Buffer.from(bytes.subarray(prefix.length));
  const ecPoint = (crv: keyof typeof EC_CURVES, size: number) => {
    if (raw.length !== 1 + size || (raw[0] !== 2 && raw[0] !== 3)) return { ok: false as const, why: `a ${crv} key must be a ${1 + size}-byte compressed point`, malformed: true };
    try {
      return { ok: true as const, jwk: jwkOfEcPoint(crv, raw) };
    } catch {
      return { ok: false as const, why: `the ${crv} key is not a point on the curve`, malformed: true };
    }
  };
  switch (prefix.value) {
    case MULTICODEC.ed25519:
      if (raw.length !== 32) return { ok: false, why: 'an Ed25519 key must be 32 bytes', malformed: true };
      if (!isEd25519Point(raw)) return { ok: false, why: 'the Ed25519 key is not a point on the curve', malformed: true };
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
        const key = createPublicKey({ key: raw, format: 'der', type: 'pkcs1' });
        const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
        return { ok: true, jwk: { kty: 'RSA', n: jwk.n!, e: jwk.e! } };
      } catch {
        return { ok: false, why: 'the RSA key is not a DER RSAPublicKey', malformed: true };
      }
    case MULTICODEC.x25519:
      return { ok: false, why: 'it holds an X25519 key, which is for key agreement only and cannot sign', malformed: false };
    case MULTICODEC.bls12381g1:
    case MULTICODEC.bls12381g2:
    case MULTICODEC.bls12381g1g2:
      return { ok: false, why: 'it holds a BLS12-381 key (BBS signatures), which JOSE cannot verify', malformed: false };
    default:
      return { ok: false, why: `multicodec 0x${prefix.value.toString(16)} is not a supported public key type`, malformed: true };
  }
}

const HEX = /^(0x)?[0-9a-fA-F]+$/;

/** An Ethereum address (lower-case 0x…) from a CAIP-10 blockchainAccountId or a legacy ethereumAddress. */
function ethereumAddressOf(method: DidVerificationMethod): string | undefined {
  const raw = typeof method.blockchainAccountId === 'string' ? method.blockchainAccountId.split(':').pop() : method.ethereumAddress;
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  const address = raw.split('@')[0]!; // legacy "0x…@eip155:1" form
  try {
    return getAddress(address).toLowerCase();
  } catch {
    return undefined;
  }
}

/** A verification method (of any supported type and encoding) as a pinned key. */
export function keyOfVerificationMethod(method: DidVerificationMethod): KeyOutcome {
  const { id, type } = method;
  if (type === 'EcdsaSecp256k1RecoveryMethod2020' && (method.blockchainAccountId !== undefined || method.ethereumAddress !== undefined) && !method.publicKeyJwk && !method.publicKeyHex) {
    const address = ethereumAddressOf(method);
    if (!address) return unusable('the blockchainAccountId is not an Ethereum address');
    return { ok: true, key: { id, alg: 'ES256K-R', algs: ['ES256K-R', 'ES256K'], ethereumAddress: address } };
  }
  if (method.publicKeyJwk !== undefined) return keyFromJwk(id, method.publicKeyJwk);
  if (typeof method.publicKeyMultibase === 'string') {
    const value = method.publicKeyMultibase;
    if (!value.startsWith('z')) return unusable('publicKeyMultibase is not base58btc');
    const bytes = decodeBase58(value.slice(1));
    if (!bytes) return unusable('publicKeyMultibase is not valid base58btc');
    // Ed25519VerificationKey2020 and Multikey carry a multicodec prefix.
    const decoded = jwkOfMulticodecKey(bytes);
    return decoded.ok ? keyFromJwk(id, decoded.jwk) : unusable(decoded.why);
  }
  const encoded = rawKeyEncoding(method);
  if (encoded) {
    const raw = encoded.decode();
    if (!raw) return unusable(`${encoded.name} is not valid`);
    if (type === 'Ed25519VerificationKey2018' || type === 'Ed25519VerificationKey2020') {
      return raw.length === 32 ? keyFromJwk(id, { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }) : unusable('an Ed25519 key must be 32 bytes');
    }
    if (type === 'EcdsaSecp256k1VerificationKey2019' || type === 'Secp256k1VerificationKey2018' || type === 'EcdsaSecp256k1RecoveryMethod2020') return secp256k1Raw(id, raw);
    return unusable(`${encoded.name} keys of type "${type.slice(0, 60)}" are not supported`);
  }
  if (type === 'EcdsaSecp256k1RecoveryMethod2020') return unusable('the recovery method names no Ethereum account');
  return unusable(`verification method type "${String(type).slice(0, 60)}" has no supported public key`);
}

/** A raw public key given as base58, hex or base64 (ethr-did-resolver writes all three). */
function rawKeyEncoding(method: DidVerificationMethod): { name: string; decode: () => Buffer | undefined } | undefined {
  const { publicKeyBase58, publicKeyHex, publicKeyBase64 } = method as DidVerificationMethod & { publicKeyBase64?: unknown };
  if (typeof publicKeyBase58 === 'string') return { name: 'publicKeyBase58', decode: () => decodeBase58(publicKeyBase58) };
  if (typeof publicKeyHex === 'string') {
    return { name: 'publicKeyHex', decode: () => (HEX.test(publicKeyHex) && publicKeyHex.length <= 200 ? Buffer.from(publicKeyHex.replace(/^0x/, ''), 'hex') : undefined) };
  }
  if (typeof publicKeyBase64 === 'string') {
    return { name: 'publicKeyBase64', decode: () => (/^[A-Za-z0-9+/]{1,200}={0,2}$/.test(publicKeyBase64) ? Buffer.from(publicKeyBase64, 'base64') : undefined) };
  }
  return undefined;
}

function secp256k1Raw(id: string, raw: Buffer): KeyOutcome {
  try {
    return keyFromJwk(id, jwkOfEcPoint('secp256k1', raw));
  } catch {
    return unusable('the secp256k1 key is not a point on the curve');
  }
}

/**
 * Encodings of the Ed25519 points of small order (the identity, and points of order 2, 4 and 8,
 * with their non-canonical forms), as listed by libsodium. OpenSSL accepts them as public keys,
 * and with such a key a signature made of the key bytes and zeros verifies any message.
 */
const SMALL_ORDER_ED25519 = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Buffer.from(hex, 'hex'));

/**
 * Whether 32 bytes decode to a point of the Ed25519 curve (RFC 8032 5.1.3, y below the field
 * prime). About half of all byte strings do not, a mistyped key among them; node:crypto imports
 * them all the same.
 */
export function isEd25519Point(key: Uint8Array): boolean {
  try {
    ed25519.Point.fromBytes(key);
    return true;
  } catch {
    return false;
  }
}

/** Compares ignoring the sign bit (the top bit of the last byte), as libsodium does. */
export function isSmallOrderEd25519(key: Uint8Array): boolean {
  return SMALL_ORDER_ED25519.some((bad) => bad.every((byte, i) => (i === 31 ? (byte & 0x7f) === (key[i]! & 0x7f) : byte === key[i])));
}
