import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { Resolver, type VerificationMethod } from 'did-resolver';
import { getResolver as keyDidResolver } from 'key-did-resolver';
import { decodeBase58, toBeArray } from 'ethers';
import { ed25519PublicKey } from '../core/ed25519.ts';

/** Why a DID's key could not be found: `invalid` when the DID says no, `unverifiable` when we could not ask. */
export class DidKeyError extends Error {
  constructor(readonly reason: 'unsupported_did_method' | 'did_not_found' | 'key_not_found' | 'did_resolution_failed', message: string) {
    super(message);
  }
}

export interface VerificationKey {
  id: string;
  key: KeyObject;
  /** The only JWS alg this key may verify: pinning it defeats algorithm confusion. */
  alg: 'EdDSA' | 'ES256' | 'ES256K' | 'ES384';
}

const ALG_OF_CURVE: Record<string, VerificationKey['alg']> = { Ed25519: 'EdDSA', 'P-256': 'ES256', secp256k1: 'ES256K', 'P-384': 'ES384' };
const SUPPORTED_METHODS = new Set(['key']);

function keyOf(method: VerificationMethod): VerificationKey | undefined {
  const jwk = method.publicKeyJwk as { kty?: string; crv?: string } | undefined;
  if (jwk?.crv && ALG_OF_CURVE[jwk.crv]) {
    return { id: method.id, key: createPublicKey({ key: jwk as never, format: 'jwk' }), alg: ALG_OF_CURVE[jwk.crv]! };
  }
  if (method.type === 'Ed25519VerificationKey2018' && method.publicKeyBase58) {
    const raw = Buffer.from(toBeArray(decodeBase58(method.publicKeyBase58)));
    if (raw.length === 32) return { id: method.id, key: ed25519PublicKey(raw), alg: 'EdDSA' };
  }
  return undefined;
}

/**
 * Resolves the key a DID uses for assertions (credentials) or authentication (presentations).
 * Resolved documents are cached: did:key documents never change.
 */
export class DidKeyResolver {
  readonly #resolver = new Resolver({ ...keyDidResolver() });
  readonly #cache = new Map<string, VerificationKey[]>();
  readonly #maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  async keyFor(did: string, kid: string | undefined): Promise<VerificationKey> {
    const keys = await this.#keys(did);
    const wanted = kid === undefined ? undefined : kid.startsWith('#') ? `${did}${kid}` : kid;
    const key = wanted === undefined ? keys[0] : keys.find((k) => k.id === wanted);
    if (!key) throw new DidKeyError('key_not_found', wanted ? `${did} has no key ${wanted}` : `${did} lists no usable key`);
    return key;
  }

  async #keys(did: string): Promise<VerificationKey[]> {
    const cached = this.#cache.get(did);
    if (cached) return cached;
    const method = /^did:([a-z0-9]+):/.exec(did)?.[1];
    if (!method || !SUPPORTED_METHODS.has(method)) throw new DidKeyError('unsupported_did_method', `DID method "${method ?? did.slice(0, 20)}" is not supported`);
    const { didDocument, didResolutionMetadata } = await this.#resolver.resolve(did);
    if (!didDocument) {
      const error = didResolutionMetadata.error ?? 'notFound';
      throw new DidKeyError(error === 'notFound' || error === 'invalidDid' ? 'did_not_found' : 'did_resolution_failed', `cannot resolve ${did}: ${error}`);
    }
    const listed = new Set([...(didDocument.assertionMethod ?? []), ...(didDocument.authentication ?? [])].map((m) => (typeof m === 'string' ? m : m.id)));
    const keys = (didDocument.verificationMethod ?? []).filter((m) => listed.has(m.id)).flatMap((m) => keyOf(m) ?? []);
    if (this.#cache.size >= this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(did, keys);
    return keys;
  }
}

/** Verifies a JWS signature with a resolved key; JOSE ECDSA signatures are raw r||s. */
export function verifyJwsSignature(key: VerificationKey, signingInput: Buffer, signature: Buffer): boolean {
  if (key.alg === 'EdDSA') return verify(null, signingInput, key.key, signature);
  const hash = key.alg === 'ES384' ? 'sha384' : 'sha256';
  return verify(hash, signingInput, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
}
