import { compressedPointOfJwk, decodeBase58, encodeBase58, jwkOfMulticodecKey, MULTICODEC, writeVarint } from './keys.ts';
import { DidKeyError, type DidDocument, type MethodResolution } from './types.ts';

/** RSA-4096 did:keys are about 750 characters; nothing legitimate is longer. */
const MAX_DID_KEY_LENGTH = 1500;
const DID_KEY = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/;

/**
 * did:key (https://w3c-ccg.github.io/did-method-key/): the DID is the public key, so resolution is
 * local and never changes. Signing keys: Ed25519, secp256k1, P-256, P-384, P-521 (compressed
 * points) and RSA (DER RSAPublicKey). X25519 (key agreement only) and BLS12-381 are refused with
 * a reason.
 */
export async function resolveDidKey(did: string): Promise<MethodResolution> {
  if (did.length > MAX_DID_KEY_LENGTH) throw new DidKeyError('did_not_found', `invalid did:key: longer than ${MAX_DID_KEY_LENGTH} characters`);
  const match = DID_KEY.exec(did);
  if (!match) throw new DidKeyError('did_not_found', `invalid did:key ${did.slice(0, 80)}: expected did:key:z<base58btc>`);
  const bytes = decodeBase58(match[1]!);
  if (!bytes) throw new DidKeyError('did_not_found', 'invalid did:key: not base58btc');
  const decoded = jwkOfMulticodecKey(bytes);
  if (!decoded.ok) {
    throw new DidKeyError(decoded.malformed ? 'did_not_found' : 'key_not_found', `${did.slice(0, 60)}${did.length > 60 ? '…' : ''}: ${decoded.why}`);
  }
  const vmId = `${did}#z${match[1]}`;
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: vmId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: decoded.jwk }],
    assertionMethod: [vmId],
    authentication: [vmId],
  };
  return { document, ttlMs: Number.POSITIVE_INFINITY };
}

/** The did:key of a public JWK (Ed25519, secp256k1, P-256, P-384, P-521 or RSA). */
export function didKeyOfJwk(jwk: { kty?: string; crv?: string; x?: string; y?: string; n?: string; e?: string }): string {
  let code: number;
  let raw: Buffer;
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) {
    code = MULTICODEC.ed25519;
    raw = Buffer.from(jwk.x, 'base64url');
  } else if (jwk.kty === 'EC' && jwk.x && jwk.y && jwk.crv) {
    const codes: Record<string, number> = { secp256k1: MULTICODEC.secp256k1, 'P-256': MULTICODEC.p256, 'P-384': MULTICODEC.p384, 'P-521': MULTICODEC.p521 };
    if (!(jwk.crv in codes)) throw new TypeError(`no did:key for curve ${jwk.crv}`);
    code = codes[jwk.crv]!;
    raw = compressedPointOfJwk({ crv: jwk.crv, x: jwk.x, y: jwk.y });
  } else if (jwk.kty === 'RSA' && jwk.n && jwk.e) {
    code = MULTICODEC.rsa;
    // DER RSAPublicKey: SEQUENCE { INTEGER n, INTEGER e }
    const integer = (b64: string) => {
      let bytes = Buffer.from(b64, 'base64url');
      if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
      return derTlv(0x02, bytes);
    };
    raw = derTlv(0x30, Buffer.concat([integer(jwk.n), integer(jwk.e)]));
  } else {
    throw new TypeError('unsupported JWK for did:key');
  }
  return `did:key:z${encodeBase58(Buffer.concat([writeVarint(code), raw]))}`;
}

function derTlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const lengthBytes = length < 0x80 ? Buffer.from([length]) : length < 0x100 ? Buffer.from([0x81, length]) : Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), lengthBytes, content]);
}
