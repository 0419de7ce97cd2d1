import type { KeyPurpose } from '../core/formats/index.ts';
import { thumbprintNamedBy } from '../core/jose/jwk-thumbprint.ts';
import type { VerificationKey } from '../core/jose/verification-key.ts';
import { type AddressPolicy, addressCheckedFetch } from './did-methods/address-checked-fetch.ts';
import { controllerDocumentResolver, isHttpsIdentifier } from './did-methods/controller-document.ts';
import { didEthrResolver } from './did-methods/did-ethr.ts';
import { resolveDidJwk } from './did-methods/did-jwk.ts';
import { resolveDidKey } from './did-methods/did-key.ts';
import { DID_WEB_DEFAULT_TTL_MS, didWebResolver } from './did-methods/did-web.ts';
import { type DocumentKeys, keysOfDocument } from './did-methods/document-keys.ts';
import { FetchBudget } from './did-methods/fetch-budget.ts';
import { DidKeyError, type MethodContext, type MethodResolver, shortDid } from './did-methods/types.ts';

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

const MAX_DID_LENGTH = 2048;
/** An https URL identifier is resolved like a DID method of this name. */
const HTTPS = 'https';
const DID_SYNTAX = /^did:([a-z0-9]+):[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$/;

/**
 * Resolves the key a DID uses for assertions (credentials) or authentication (presentations):
 * did:key, did:jwk, did:web (https) and did:ethr (when configured). Every key is pinned to one
 * JWS alg. Documents are cached (bounded, least recently used first out; network-fetched ones for
 * `ttlMs`), and concurrent lookups of one DID share a single resolution.
 */
export class DidKeyResolver {
  readonly #cache = new Map<string, { keys: DocumentKeys; expires: number }>();
  readonly #inFlight = new Map<string, Promise<DocumentKeys>>();
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
      key: resolveDidKey,
      jwk: resolveDidJwk,
      web: didWebResolver(webFetch),
      [HTTPS]: controllerDocumentResolver(webFetch),
      ...(options.ethrChainId !== undefined
        ? {
            ethr: didEthrResolver({
              chainId: options.ethrChainId,
              ...(options.ethrRpcUrl ? { rpcUrl: options.ethrRpcUrl } : {}),
              ...(options.ethrRegistry ? { registry: options.ethrRegistry } : {}),
            }),
          }
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
  async keyFor(
    did: string,
    kid: string | undefined,
    purpose?: KeyPurpose,
    budget?: FetchBudget,
  ): Promise<VerificationKey> {
    const resolved = await this.#keys(did, budget);
    const keys = purpose ? resolved[purpose] : uniqueById([...resolved.assertionMethod, ...resolved.authentication]);
    let key: VerificationKey | undefined;
    if (kid === undefined) key = keys[0];
    else {
      const candidates = kid.startsWith('#')
        ? [`${did}${kid}`]
        : kid.startsWith('did:')
          ? [kid]
          : [kid, `${did}#${kid}`];
      key =
        keys.find((k) => candidates.includes(k.id)) ??
        keys.find((k) => k.jwkKid === kid) ??
        keys.find((k) => namesThumbprint(resolved, k, kid));
    }
    if (key) return key;
    const unusable = resolved.unusable.find(
      (u) => kid === undefined || u.id === kid || u.id === `${did}${kid}` || u.id === `${did}#${kid}`,
    );
    const where = purpose ? ` for ${purpose}` : '';
    if (unusable)
      throw new DidKeyError(
        'key_not_found',
        `${shortDid(did)} key ${shortDid(unusable.id)} cannot verify a JWS: ${unusable.why}`,
      );
    throw new DidKeyError(
      'key_not_found',
      kid === undefined
        ? `${shortDid(did)} lists no usable key${where}`
        : `${shortDid(did)} has no key ${kid.slice(0, 200)}${where}`,
    );
  }

  async #keys(did: string, budget: FetchBudget | undefined): Promise<DocumentKeys> {
    const now = this.#now();
    const cached = this.#cache.get(did);
    if (cached && cached.expires > now) {
      this.#cache.delete(did); // refresh its place in the LRU order
      this.#cache.set(did, cached);
      return cached.keys;
    }
    if (cached) this.#cache.delete(did);
    if (typeof did !== 'string' || did.length > MAX_DID_LENGTH)
      throw new DidKeyError('did_not_found', 'the DID is not a string of at most 2048 characters');
    const method = isHttpsIdentifier(did) ? HTTPS : /^did:([a-z0-9]+):/.exec(did)?.[1];
    if (!method || !Object.hasOwn(this.#methods, method)) {
      throw new DidKeyError(
        'unsupported_did_method',
        `DID method "${method ?? did.slice(0, 20)}" is not supported (supported: ${this.methods.join(', ')})`,
      );
    }
    if (method !== HTTPS && !DID_SYNTAX.test(did))
      throw new DidKeyError('did_not_found', `${did.slice(0, 80)} is not a valid DID`);
    const pending = this.#inFlight.get(did);
    if (pending) return pending;
    // Checked before a resolution starts, so a request over its budget never fails another's shared lookup.
    if (this.#methods[method]!.fetchesNamedUrl && budget && !budget.take()) {
      throw new DidKeyError(
        'did_resolution_failed',
        `this request may fetch at most ${budget.limit} DID documents; ask again (documents already fetched are cached)`,
      );
    }
    const resolution = (async () => {
      let result;
      try {
        result = await this.#methods[method]!(did, this.#context);
      } catch (error) {
        if (error instanceof DidKeyError) throw error;
        // Never a crash on hostile input: an unexpected failure is "could not tell", not "invalid".
        throw new DidKeyError(
          'did_resolution_failed',
          `resolving ${shortDid(did)} failed unexpectedly: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
        );
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

/** Whether `kid` is the key's RFC 7638 JWK thumbprint, bare or as a thumbprint URI. */
function namesThumbprint(resolved: DocumentKeys, key: VerificationKey, kid: string): boolean {
  const wanted = thumbprintNamedBy(kid);
  return wanted !== undefined && resolved.thumbprints.get(key) === wanted;
}

function uniqueById(keys: VerificationKey[]): VerificationKey[] {
  return keys.filter((key, index) => keys.findIndex((other) => other.id === key.id) === index);
}
