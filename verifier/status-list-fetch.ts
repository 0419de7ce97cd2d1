import { BoundedFetchError, fetchBounded } from '../core/bounded-fetch.ts';
import { addressCheckedFetch } from './did-methods/address-checked-fetch.ts';
import type { FetchBudget } from './did-methods/fetch-budget.ts';
import { addressKind } from './did-methods/public-address.ts';

/** A status list credential of 131,072 entries is about 1 KB compressed; 512 KB leaves room for large, busy lists. */
const MAX_LIST_BYTES = 512 * 1024;
const TIMEOUT_MS = 4000;
/** A fetched list is reused this long (the issuer's Cache-Control allows 300 s; revocations want it short). */
const CACHE_MS = 30_000;
const CACHE_ENTRIES = 1000;

export class StatusListUnreachable extends Error {}

export interface StatusListFetchOptions {
  /**
   * Origins on loopback addresses (`http://127.0.0.1:4001`, or https with the issuer's own
   * certificate) the lists may also be fetched from: the issuer beside the verifier on one machine
   * (`npm start` sets its own), and tests. Everything else goes through the address-checked https
   * fetch (public addresses only).
   */
  localOrigins?: readonly string[];
  /** The https fetch (tests inject one); default: the address-checked fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** Only loopback literals: a name could resolve anywhere. */
const isLoopbackOrigin = (origin: string) => {
  const url = new URL(origin);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    addressKind(url.hostname.replace(/^\[(.*)\]$/, '$1')) === 'loopback'
  );
};

/**
 * Fetches status list credentials a credential names, from allowed addresses only, with a deadline,
 * a size cap and a short cache. Like a DID document fetch it takes one fetch from the request's
 * budget, and every failure reads the same (no address, port or error is told back).
 */
export class StatusListFetcher {
  readonly #local: ReadonlySet<string>;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #cache = new Map<string, { token: string; expires: number }>();

  constructor(options: StatusListFetchOptions = {}) {
    const local = (options.localOrigins ?? []).map((o) => new URL(o).origin);
    const wrong = local.find((o) => !isLoopbackOrigin(o));
    if (wrong) throw new Error(`${wrong} is not an http(s) origin on a loopback address`);
    this.#local = new Set(local);
    this.#fetch = options.fetch ?? addressCheckedFetch();
    this.#now = options.now ?? Date.now;
  }

  /** The list at `url`, from the cache unless `fresh`; `cached` says which. */
  async fetch(url: string, budget: FetchBudget, fresh = false): Promise<{ token: string; cached: boolean }> {
    const cached = this.#cache.get(url);
    if (!fresh && cached && cached.expires > this.#now()) return { token: cached.token, cached: true };
    const parsed = new URL(url);
    const local = this.#local.has(parsed.origin);
    if (!local && parsed.protocol !== 'https:') throw new StatusListUnreachable('only https status lists are fetched');
    if (!budget.take()) throw new StatusListUnreachable('this request may fetch no more documents');
    let token: string;
    try {
      // A local origin is a loopback literal: no name to resolve, so no address to check.
      const response = await fetchBounded(local ? fetch : this.#fetch, url, {}, TIMEOUT_MS, MAX_LIST_BYTES);
      if (response.status !== 200)
        throw new StatusListUnreachable(`the status list was answered with ${response.status}`);
      token = response.body.toString('utf8').trim();
    } catch (error) {
      if (error instanceof StatusListUnreachable) throw error;
      if (error instanceof BoundedFetchError && error.kind === 'too_large')
        throw new StatusListUnreachable(`the status list is rejected: ${error.message}`);
      throw new StatusListUnreachable('the status list could not be fetched');
    }
    this.#cache.delete(url);
    this.#cache.set(url, { token, expires: this.#now() + CACHE_MS });
    if (this.#cache.size > CACHE_ENTRIES) this.#cache.delete(this.#cache.keys().next().value!);
    return { token, cached: false };
  }
}
