import { constants, createHash, verify, type KeyObject, type VerifyKeyObjectInput } from 'node:crypto';
import { computeAddress, Signature, SigningKey } from 'ethers';
import { didEthrResolver } from './did-methods/did-ethr.ts';
import { resolveDidJwk } from './did-methods/did-jwk.ts';
import { resolveDidKey } from './did-methods/did-key.ts';
import { addressCheckedFetch, type AddressPolicy } from './did-methods/address-checked-fetch.ts';
import { isHttpsIdentifier, resolveControllerDocument } from './did-methods/controller-document.ts';
import { DID_WEB_DEFAULT_TTL_MS, resolveDidWeb } from './did-methods/did-web.ts';
import { FetchBudget } from './did-methods/fetch-budget.ts';
import { keyOfVerificationMethod } from './did-methods/keys.ts';
import { DidKeyError, type DidDocument, type DidVerificationMethod, type JoseAlg, type MethodContext, type MethodResolver, type VerificationKey } from './did-methods/types.ts';
import { isPlainObject } from '../core/json-limits.ts';

export { DidKeyError, type DidKeyErrorReason, type DidDocument, type JoseAlg, type MethodResolver, type VerificationKey } from './did-methods/types.ts';
export { keyFromJwk } from './did-methods/keys.ts';
export { FetchBudget } from './did-methods/fetch-budget.ts';

/** How did:web documents and https identifiers' controller documents are fetched (docs/verification.md, "did:web"). */
export interface DidWebOptions extends AddressPolicy {
  /** Whether a presentation's holder may be a did:web or an https URL (its document fetched). Default false: holders are on no registry. */
  holders?: boolean;
  /** DID documents one verification request may fetch (cached ones do not count). Default 8. */
  fetchesPerRequest?: number;
}

export interface DidKeyResolverOptions {
  /** Resolved DIDs kept in memory (least recently used dropped first). Default 10 000. */
  maxEntries?: number;
  /** How long a document fetched over the network (did:web, did:ethr with an RPC node) is trusted. Default 5 minutes. */
  ttlMs?: number;
  /** The clock cache lifetimes are measured with, in milliseconds (tests move it). Default Date.now. */
  now?: () => number;
  /** The fetch used for the did:ethr RPC node (inject one in tests). Default: global fetch. did:web has its own, see `didWeb`. */
  fetch?: typeof fetch;
  /** Deadline of one request, body included. Default 4 000 ms. */
  timeoutMs?: number;
  /** Largest did:web document accepted. Default 64 KiB. */
  maxDocumentBytes?: number;
  /** did:web and https identifiers: the DNS lookup and TLS connect used (inject them in tests), loopback, holders, fetches per request. */
  didWeb?: DidWebOptions;
  /** Enables did:ethr for this chain (did:ethr:0x… is chain 1). Without it did:ethr is not supported. */
  ethrChainId?: number;
  /** With it, did:ethr documents are resolved in full from the ERC-1056 registry (ethr-did-resolver). */
  ethrRpcUrl?: string;
  /** ERC-1056 registry address; default 0xdca7ef03e98e0dc2b855be647c39abe984fcf21b. */
  ethrRegistry?: string;
  /** Replaces or adds method resolvers, e.g. fixed documents in tests: `{ ethr: async (did) => ({ document }) }`. */
  methods?: Record<string, MethodResolver>;
}

/** Which relationship of the DID document a key must be listed under. */
export type KeyPurpose = 'assertionMethod' | 'authentication';

export interface ResolvedKeys {
  assertionMethod: VerificationKey[];
  authentication: VerificationKey[];
  /** Listed keys that cannot verify a JWS, with why (for error messages). */
  unusable: { id: string; why: string }[];
}

const MAX_DID_LENGTH = 2048;
/** An https URL identifier is resolved like a DID method of this name. */
const HTTPS = 'https';
const DID_SYNTAX = /^did:([a-z0-9]+):[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$/;
const MAX_METHODS = 100;
/** Methods whose documents come from a URL the identifier names: these cost a request's budget. */
const FETCHED_METHODS = new Set(['web', HTTPS]);

/**
 * Resolves the key a DID uses for assertions (credentials) or authentication (presentations):
 * did:key, did:jwk, did:web (https) and did:ethr (when configured). Every key is pinned to one
 * JWS alg. Documents are cached (bounded, least recently used first out; network-fetched ones for
 * `ttlMs`), and concurrent lookups of one DID share a single resolution.
 */
export class DidKeyResolver {
  readonly #cache = new Map<string, { keys: ResolvedKeys; expires: number }>();
  readonly #inFlight = new Map<string, Promise<ResolvedKeys>>();
  readonly #methods: Record<string, MethodResolver>;
  readonly #context: MethodContext;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #webFetchesPerRequest: number;
  /** Whether a presentation's holder may be a did:web. */
  readonly webHolders: boolean;

  constructor(options: DidKeyResolverOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.#ttlMs = options.ttlMs ?? DID_WEB_DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
    this.#context = {
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
      timeoutMs: options.timeoutMs ?? 4_000,
      maxDocumentBytes: options.maxDocumentBytes ?? 64 * 1024,
    };
    this.#webFetchesPerRequest = options.didWeb?.fetchesPerRequest ?? 8;
    this.webHolders = options.didWeb?.holders ?? false;
    const webFetch = addressCheckedFetch(options.didWeb);
    this.#methods = {
      key: (did) => resolveDidKey(did),
      jwk: (did) => resolveDidJwk(did),
      web: (did, context) => resolveDidWeb(did, { ...context, fetch: webFetch }),
      [HTTPS]: (id, context) => resolveControllerDocument(id, { ...context, fetch: webFetch }),
      ...(options.ethrChainId !== undefined
        ? { ethr: didEthrResolver({ chainId: options.ethrChainId, ...(options.ethrRpcUrl ? { rpcUrl: options.ethrRpcUrl } : {}), ...(options.ethrRegistry ? { registry: options.ethrRegistry } : {}) }) }
        : {}),
      ...options.methods,
    };
  }

  /** A fresh allowance of network fetches for one verification request. */
  requestBudget(): FetchBudget {
    return new FetchBudget(this.#webFetchesPerRequest);
  }

  /** The DID methods this resolver handles. */
  get methods(): string[] {
    return Object.keys(this.#methods);
  }

  /**
   * The key `kid` names (a DID URL, a `#fragment` or a bare fragment of this DID, the `kid` of the
   * key's JWK, or its RFC 7638 JWK thumbprint, bare or as a thumbprint URI), or the
   * first key when there is no kid. With `purpose`, only keys listed under that relationship count;
   * without, keys listed under assertionMethod or authentication. A document that must be fetched
   * takes one fetch from `budget` (the request's) and fails as `did_resolution_failed` once it is spent.
   */
  async keyFor(did: string, kid: string | undefined, purpose?: KeyPurpose, budget?: FetchBudget): Promise<VerificationKey> {
    const resolved = await this.#keys(did, budget);
    const keys = purpose ? resolved[purpose] : uniqueById([...resolved.assertionMethod, ...resolved.authentication]);
    let key: VerificationKey | undefined;
    if (kid === undefined) key = keys[0];
    else {
      const candidates = kid.startsWith('#') ? [`${did}${kid}`] : kid.startsWith('did:') ? [kid] : [kid, `${did}#${kid}`];
      key = keys.find((k) => candidates.includes(k.id)) ?? keys.find((k) => k.jwkKid === kid) ?? keys.find((k) => namesThumbprint(kid, k));
    }
    if (key) return key;
    const unusable = resolved.unusable.find((u) => kid === undefined || u.id === kid || u.id === `${did}${kid}` || u.id === `${did}#${kid}`);
    const where = purpose ? ` for ${purpose}` : '';
    if (unusable) throw new DidKeyError('key_not_found', `${shortDid(did)} key ${shortDid(unusable.id)} cannot verify a JWS: ${unusable.why}`);
    throw new DidKeyError('key_not_found', kid === undefined ? `${shortDid(did)} lists no usable key${where}` : `${shortDid(did)} has no key ${kid.slice(0, 200)}${where}`);
  }

  async #keys(did: string, budget: FetchBudget | undefined): Promise<ResolvedKeys> {
    const now = this.#now();
    const cached = this.#cache.get(did);
    if (cached && cached.expires > now) {
      this.#cache.delete(did); // refresh its place in the LRU order
      this.#cache.set(did, cached);
      return cached.keys;
    }
    if (cached) this.#cache.delete(did);
    if (typeof did !== 'string' || did.length > MAX_DID_LENGTH) throw new DidKeyError('did_not_found', 'the DID is not a string of at most 2048 characters');
    const method = isHttpsIdentifier(did) ? HTTPS : /^did:([a-z0-9]+):/.exec(did)?.[1];
    if (!method || !Object.prototype.hasOwnProperty.call(this.#methods, method)) {
      throw new DidKeyError('unsupported_did_method', `DID method "${method ?? did.slice(0, 20)}" is not supported (supported: ${this.methods.join(', ')})`);
    }
    if (method !== HTTPS && !DID_SYNTAX.test(did)) throw new DidKeyError('did_not_found', `${did.slice(0, 80)} is not a valid DID`);
    const pending = this.#inFlight.get(did);
    if (pending) return pending;
    // Checked before a resolution starts, so a request over its budget never fails another's shared lookup.
    if (FETCHED_METHODS.has(method) && budget && !budget.take()) {
      throw new DidKeyError('did_resolution_failed', `this request may fetch at most ${budget.limit} DID documents; ask again (documents already fetched are cached)`);
    }
    const resolution = (async () => {
      let result;
      try {
        result = await this.#methods[method]!(did, this.#context);
      } catch (error) {
        if (error instanceof DidKeyError) throw error;
        // Never a crash on hostile input: an unexpected failure is "could not tell", not "invalid".
        throw new DidKeyError('did_resolution_failed', `resolving ${shortDid(did)} failed unexpectedly: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
      }
      const { document, ttlMs } = result;
      const keys = keysOfDocument(did, document);
      const lifetime = ttlMs ?? this.#ttlMs;
      if (lifetime > 0) {
        while (this.#cache.size >= this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
        this.#cache.set(did, { keys, expires: this.#now() + lifetime });
      }
      return keys;
    })();
    this.#inFlight.set(did, resolution);
    try {
      return await resolution;
    } finally {
      this.#inFlight.delete(did);
    }
  }
}

const shortDid = (did: string) => (did.length > 100 ? `${did.slice(0, 60)}…${did.slice(-20)}` : did);

const THUMBPRINT_URI = 'urn:ietf:params:oauth:jwk-thumbprint:sha-256:';
/** The members an RFC 7638 thumbprint is computed from, per key type, in lexicographic order. */
const THUMBPRINT_MEMBERS: Record<string, readonly string[]> = { EC: ['crv', 'kty', 'x', 'y'], OKP: ['crv', 'kty', 'x'], RSA: ['e', 'kty', 'n'] };

/** Whether `kid` is the key's RFC 7638 SHA-256 JWK thumbprint, bare or as a thumbprint URI (RFC 9278). */
function namesThumbprint(kid: string, key: VerificationKey): boolean {
  const wanted = kid.startsWith(THUMBPRINT_URI) ? kid.slice(THUMBPRINT_URI.length) : kid;
  if (!key.key || wanted.length !== 43) return false;
  const jwk = key.key.export({ format: 'jwk' }) as Record<string, string>;
  const members = THUMBPRINT_MEMBERS[jwk.kty ?? ''];
  if (!members) return false;
  const canonical = JSON.stringify(Object.fromEntries(members.map((m) => [m, jwk[m]])));
  return createHash('sha256').update(canonical).digest('base64url') === wanted;
}

function uniqueById(keys: VerificationKey[]): VerificationKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.id) ? false : (seen.add(k.id), true)));
}

/** The keys a DID document lists for assertions and for authentication. */
export function keysOfDocument(did: string, document: DidDocument): ResolvedKeys {
  if (!isPlainObject(document) || document.id !== did) throw new DidKeyError('did_not_found', `the DID document is not for ${shortDid(did)}`);
  const absolute = (id: string) => (id.startsWith('#') ? `${did}${id}` : id);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_METHODS) : []);
  const declared = new Map<string, DidVerificationMethod>();
  const asMethod = (value: unknown): DidVerificationMethod | undefined => {
    if (!isPlainObject(value) || typeof value.id !== 'string' || typeof value.type !== 'string' || value.id.length > MAX_DID_LENGTH + 200) return undefined;
    return { ...(value as unknown as DidVerificationMethod), id: absolute(value.id) };
  };
  for (const entry of list(document.verificationMethod)) {
    const method = asMethod(entry);
    if (method && !declared.has(method.id)) declared.set(method.id, method);
  }
  const unusable: ResolvedKeys['unusable'] = [];
  const outcomes = new Map<string, VerificationKey | undefined>();
  const keyOf = (method: DidVerificationMethod): VerificationKey | undefined => {
    if (outcomes.has(method.id)) return outcomes.get(method.id);
    const outcome = keyOfVerificationMethod(method);
    if (!outcome.ok) unusable.push({ id: method.id, why: outcome.why });
    outcomes.set(method.id, outcome.ok ? outcome.key : undefined);
    return outcome.ok ? outcome.key : undefined;
  };
  const relationship = (name: KeyPurpose): VerificationKey[] =>
    list(document[name]).flatMap((ref) => {
      // A reference to a declared method, or a method embedded in the relationship.
      const method = typeof ref === 'string' ? declared.get(absolute(ref)) : asMethod(ref);
      const key = method ? keyOf(method) : undefined;
      return key ? [key] : [];
    });
  return { assertionMethod: relationship('assertionMethod'), authentication: relationship('authentication'), unusable };
}

const HASH_OF: Partial<Record<JoseAlg, string>> = {
  ES256: 'sha256', ES256K: 'sha256', ES384: 'sha384', ES512: 'sha512',
  RS256: 'sha256', RS384: 'sha384', RS512: 'sha512', PS256: 'sha256', PS384: 'sha384', PS512: 'sha512',
};
const EC_SIGNATURE_BYTES: Partial<Record<JoseAlg, number>> = { ES256: 64, ES256K: 64, ES384: 96, ES512: 132 };
const CURVE_OF: Partial<Record<JoseAlg, string>> = { ES256: 'prime256v1', ES256K: 'secp256k1', ES384: 'secp384r1', ES512: 'secp521r1' };

/** Whether the key may verify a JWS whose header names `alg` (never "none", never HS*, never another key type's alg). */
export function algAllowed(key: VerificationKey, alg: unknown): alg is JoseAlg {
  return typeof alg === 'string' && (key.algs ?? [key.alg]).includes(alg as JoseAlg);
}

type NodeVerifyArgs = [algorithm: string | null, key: VerifyKeyObjectInput | KeyObject];

/**
 * What node:crypto needs to check a JWS signature with this key and alg, `'recover'` for
 * Ethereum-account keys, or false when the key, alg and signature cannot belong together.
 */
function verifyArgs(key: VerificationKey, signature: Buffer, alg: string): NodeVerifyArgs | 'recover' | false {
  if (!algAllowed(key, alg)) return false;
  if (alg === 'ES256K-R' || (alg === 'ES256K' && key.ethereumAddress)) return 'recover';
  const publicKey = key.key;
  if (!publicKey) return false;
  if (alg === 'EdDSA') return publicKey.asymmetricKeyType === 'ed25519' && signature.length === 64 ? [null, publicKey] : false;
  const hash = HASH_OF[alg];
  if (!hash) return false;
  if (alg.startsWith('ES')) {
    if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== CURVE_OF[alg]) return false;
    if (signature.length !== EC_SIGNATURE_BYTES[alg]) return false;
    return [hash, { key: publicKey, dsaEncoding: 'ieee-p1363' }];
  }
  if (publicKey.asymmetricKeyType !== 'rsa') return false;
  if (alg.startsWith('PS')) return [hash, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }];
  return [hash, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }];
}

/**
 * Verifies a JWS signature with a resolved key; JOSE ECDSA signatures are raw r||s. `alg` is the
 * JWS header's alg (default: the key's pinned alg); a header alg the key does not allow fails.
 * Never throws: anything malformed is simply not a valid signature.
 */
export function verifyJwsSignature(key: VerificationKey, signingInput: Buffer, signature: Buffer, alg: string = key.alg): boolean {
  try {
    const args = verifyArgs(key, signature, alg);
    if (args === 'recover') return verifyByRecovery(key, signingInput, signature, alg);
    return args !== false && verify(args[0], signingInput, args[1], signature);
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool, so a busy verifier spreads signature work over the
 * machine's cores instead of holding its event loop.
 */
export async function verifyJwsSignatureAsync(key: VerificationKey, signingInput: Buffer, signature: Buffer, alg: string = key.alg): Promise<boolean> {
  try {
    const args = verifyArgs(key, signature, alg);
    if (args === 'recover') return verifyByRecovery(key, signingInput, signature, alg);
    if (args === false) return false;
    return await new Promise<boolean>((resolve) => verify(args[0], signingInput, args[1], signature, (error, ok) => resolve(!error && ok)));
  } catch {
    return false;
  }
}

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * ES256K-R (r||s||recovery id, as did-jwt writes it) or ES256K (r||s) against an Ethereum account:
 * the SHA-256 digest's signer is recovered and its address compared.
 */
function verifyByRecovery(key: VerificationKey, signingInput: Buffer, signature: Buffer, alg: string): boolean {
  const digest = createHash('sha256').update(signingInput).digest();
  const r = `0x${signature.subarray(0, 32).toString('hex')}`;
  let sValue = BigInt(`0x${signature.subarray(32, 64).toString('hex') || '0'}`);
  // (r, s, v) and (r, n - s, v ^ 1) are the same signature; ethers only takes the low-s form.
  const flip = sValue > SECP256K1_N / 2n;
  if (flip) sValue = SECP256K1_N - sValue;
  const s = `0x${sValue.toString(16).padStart(64, '0')}`;
  let candidates: number[];
  if (alg === 'ES256K-R') {
    if (signature.length !== 65) return false;
    const recovery = signature[64]! >= 27 ? signature[64]! - 27 : signature[64]!;
    if (recovery !== 0 && recovery !== 1) return false;
    candidates = [recovery];
  } else {
    if (signature.length !== 64) return false;
    candidates = [0, 1];
  }
  for (const recovery of candidates) {
    try {
      const publicKey = SigningKey.recoverPublicKey(digest, Signature.from({ r, s, v: 27 + (flip ? recovery ^ 1 : recovery) }));
      if (key.ethereumAddress && computeAddress(publicKey).toLowerCase() === key.ethereumAddress) return true;
      if (!key.ethereumAddress && key.key) {
        // A secp256k1 public key allowed ES256K-R: compare the recovered key with it.
        const jwk = key.key.export({ format: 'jwk' }) as { x?: string; y?: string };
        const recovered = Buffer.from(SigningKey.computePublicKey(publicKey, false).slice(4), 'hex');
        if (recovered.subarray(0, 32).toString('base64url') === jwk.x && recovered.subarray(32).toString('base64url') === jwk.y) return true;
      }
    } catch {
      // not recoverable with this id
    }
  }
  return false;
}
