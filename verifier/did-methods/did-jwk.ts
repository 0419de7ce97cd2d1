import { isPlainObject } from '../../core/json-limits.ts';
import { type DidDocument, DidKeyError, type MethodResolution } from './types.ts';

const MAX_DID_JWK_LENGTH = 2048;
const DID_JWK = /^did:jwk:([A-Za-z0-9_-]+)$/;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'alg', 'use', 'key_ops', 'kid'];

/**
 * did:jwk (https://github.com/quartzjer/did-jwk): the DID is a base64url-encoded public JWK; its
 * document has one verification method `#0`. A JWK with `use: "enc"` is for key agreement only.
 */
export async function resolveDidJwk(did: string): Promise<MethodResolution> {
  if (did.length > MAX_DID_JWK_LENGTH)
    throw new DidKeyError('did_not_found', `invalid did:jwk: longer than ${MAX_DID_JWK_LENGTH} characters`);
  const match = DID_JWK.exec(did);
  if (!match) throw new DidKeyError('did_not_found', `invalid did:jwk ${did.slice(0, 80)}`);
  let jwk: unknown;
  try {
    jwk = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1]!, 'base64url')));
  } catch {
    throw new DidKeyError('did_not_found', 'invalid did:jwk: not a base64url-encoded JSON object');
  }
  if (!isPlainObject(jwk) || typeof jwk.kty !== 'string')
    throw new DidKeyError('did_not_found', 'invalid did:jwk: not a JWK');
  if (PRIVATE_MEMBERS.some((m) => Object.hasOwn(jwk, m)))
    throw new DidKeyError('did_not_found', 'invalid did:jwk: it contains private or symmetric key material');
  const publicJwk = Object.fromEntries(
    PUBLIC_MEMBERS.filter((m) => Object.hasOwn(jwk, m)).map((m) => [m, (jwk as Record<string, unknown>)[m]]),
  );
  const vmId = `${did}#0`;
  const forSigning = publicJwk.use !== 'enc';
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: vmId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicJwk }],
    assertionMethod: forSigning ? [vmId] : [],
    authentication: forSigning ? [vmId] : [],
    ...(publicJwk.use !== 'sig' ? { keyAgreement: [vmId] } : {}),
  };
  return { document, ttlMs: Number.POSITIVE_INFINITY };
}

/** The did:jwk of a public JWK (private members must not be passed). */
export function didJwkOfJwk(jwk: Record<string, unknown>): string {
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) throw new TypeError('a did:jwk must not contain private key material');
  return `did:jwk:${Buffer.from(JSON.stringify(jwk), 'utf8').toString('base64url')}`;
}
