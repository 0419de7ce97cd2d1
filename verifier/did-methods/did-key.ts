import { decodeBase58 } from './base58.ts';
import { jwkOfMulticodecKey } from './multicodec-key.ts';
import { type DidDocument, DidKeyError, type MethodResolution } from './types.ts';

/** RSA-4096 did:keys are about 750 characters; nothing legitimate is longer. */
const MAX_DID_KEY_LENGTH = 1500;
const DID_KEY = /^did:key:z([A-Za-z0-9]+)$/; // base58 itself is checked by decoding

/**
 * did:key (https://w3c-ccg.github.io/did-method-key/): the DID is the public key, so resolution is
 * local and never changes. Signing keys: Ed25519, secp256k1, P-256, P-384, P-521 (compressed
 * points) and RSA (DER RSAPublicKey). X25519 (key agreement only) and BLS12-381 are refused with
 * a reason. (core/did-key-encoding.ts writes them.)
 */
export async function resolveDidKey(did: string): Promise<MethodResolution> {
  if (did.length > MAX_DID_KEY_LENGTH)
    throw new DidKeyError('did_not_found', `invalid did:key: longer than ${MAX_DID_KEY_LENGTH} characters`);
  const match = DID_KEY.exec(did);
  if (!match)
    throw new DidKeyError('did_not_found', `invalid did:key ${did.slice(0, 80)}: expected did:key:z<base58btc>`);
  const bytes = decodeBase58(match[1]!);
  if (!bytes) throw new DidKeyError('did_not_found', 'invalid did:key: not base58btc');
  const decoded = jwkOfMulticodecKey(bytes);
  if (!decoded.ok) {
    throw new DidKeyError(
      decoded.malformed ? 'did_not_found' : 'key_not_found',
      `${did.slice(0, 60)}${did.length > 60 ? '…' : ''}: ${decoded.why}`,
    );
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
