import { ZeroHash, type JsonRpcProvider } from 'ethers';
import { connectProvider } from '../contracts/provider.ts';
import { Registry, type CredentialFacts } from '../contracts/registry.ts';
import type { TrustConfig, TrustedRegistry } from './trust.ts';

export class LedgerUnreachableError extends Error {}

export interface RegistryFacts extends CredentialFacts {
  /** The registry that answered (after a migration: the successor of the one a receipt names). */
  trusted: TrustedRegistry;
  /** The node's head when the root was not found there: how far the node has got, and when. */
  head?: { blockNumber: number; time: number };
}

interface Endpoint {
  url: string;
  provider: JsonRpcProvider;
  registry: Registry;
}

interface Entry {
  trusted: TrustedRegistry;
  endpoints: Endpoint[];
}

async function headOf(provider: JsonRpcProvider, tag: number | 'latest'): Promise<{ blockNumber: number; time: number }> {
  const block = await provider.getBlock(tag);
  if (!block) throw new Error(`block ${tag} not found`);
  return { blockNumber: block.number, time: block.timestamp };
}

const sameRegistry = (a: { chainId: number; registry: string }, chainId: number, address: string) =>
  a.chainId === chainId && a.registry === address.toLowerCase();

/**
 * Read-only access to the trusted registries. Every call is time-limited.
 *
 * Read policy (docs/ledger.md): with several RPC endpoints for a registry, all are asked at their
 * own latest block and the answer from the most advanced one is used, so one lagging node cannot
 * hide a recent anchor or revocation. A "not anchored" answer read below the receipt's block is
 * reported as lagging (cannot tell), never as invalid.
 */
export interface LedgerReaderOptions {
  /** Per RPC request. */
  timeoutMs?: number;
  /**
   * How long an answer is reused. Anchors never change, but a revocation or a suspension is seen
   * only after this long: keep it short (default 10 s; 0 turns caching off).
   */
  cacheTtlMs?: number;
  cacheEntries?: number;
}

export class LedgerReader {
  readonly #entries: Entry[];
  readonly #cache = new Map<string, { facts: RegistryFacts; expires: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(trust: TrustConfig, options: LedgerReaderOptions = {}) {
    this.#ttlMs = options.cacheTtlMs ?? 10_000;
    this.#maxEntries = options.cacheEntries ?? 10_000;
    this.#entries = trust.registries.map((trusted) => ({
      trusted,
      endpoints: trusted.rpcUrls.map((url) => {
        const provider = connectProvider(url, trusted.chainId, { timeoutMs: options.timeoutMs ?? 4000 });
        return { url, provider, registry: new Registry(trusted.registry, provider) };
      }),
    }));
  }

  /** The registries that can answer for a receipt naming (chainId, address): itself, then successors. */
  #candidates(chainId: number, address: string): Entry[] {
    const direct = this.#entries.filter((e) => sameRegistry(e.trusted, chainId, address));
    const successors = this.#entries.filter((e) => e.trusted.migratedFrom?.some((m) => sameRegistry(m, chainId, address)));
    return [...direct, ...successors];
  }

  /** The trusted registry a receipt names (or its successor after a migration), if any. */
  trustedRegistry(chainId: number, address: string): TrustedRegistry | undefined {
    return this.#candidates(chainId, address)[0]?.trusted;
  }

  /**
   * Facts about a credential anchored under `root`, from the registry the receipt names or, when
   * that one cannot be reached or lacks the root, from a registry that took over from it.
   */
  async factsAt(chainId: number, address: string, root: string, issuerDid: string, credentialHash: string): Promise<RegistryFacts> {
    const candidates = this.#candidates(chainId, address);
    if (candidates.length === 0) throw new Error(`registry ${address} on chain ${chainId} is not trusted`);
    let fallback: RegistryFacts | undefined;
    let lastError: unknown;
    for (const entry of candidates) {
      try {
        const facts = await this.#facts(entry, root, issuerDid, credentialHash);
        if (facts.anchor.institutionId !== 0) return facts;
        fallback ??= facts;
      } catch (error) {
        lastError = error;
      }
    }
    if (fallback) return fallback;
    throw lastError;
  }

  /** Without an anchor: the first trusted registry that knows the issuer, if any. */
  async issuerFacts(issuerDid: string): Promise<RegistryFacts | undefined> {
    const all = await Promise.all(this.#entries.map((entry) => this.#facts(entry, ZeroHash, issuerDid, ZeroHash)));
    return all.find((f) => f.issuerInstitutionId !== 0);
  }

  async #facts(entry: Entry, root: string, did: string, hash: string): Promise<RegistryFacts> {
    if (this.#ttlMs <= 0) return this.#read(entry, root, did, hash);
    const key = `${entry.trusted.chainId}|${entry.trusted.registry}|${root}|${did}|${hash}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.facts;
    const facts = await this.#read(entry, root, did, hash);
    this.#cache.delete(key);
    this.#cache.set(key, { facts, expires: Date.now() + this.#ttlMs });
    if (this.#cache.size > this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
    return facts;
  }

  async #read(entry: Entry, root: string, did: string, hash: string): Promise<RegistryFacts> {
    if (entry.endpoints.length === 1) {
      const [endpoint] = entry.endpoints as [Endpoint];
      try {
        const facts = await endpoint.registry.credentialFacts(root, did, hash);
        // Only a negative anchor answer needs to know how far the node has got.
        const head = facts.anchor.institutionId === 0 && root !== ZeroHash ? await headOf(endpoint.provider, 'latest') : undefined;
        return { ...facts, trusted: entry.trusted, ...(head ? { head } : {}) };
      } catch (error) {
        throw new LedgerUnreachableError(`${entry.trusted.name} (${endpoint.url}): ${(error as Error).message.split('\n')[0]}`);
      }
    }
    const answers = await Promise.allSettled(
      entry.endpoints.map(async (endpoint) => {
        const blockNumber = await endpoint.provider.getBlockNumber();
        return { endpoint, blockNumber, facts: await endpoint.registry.credentialFacts(root, did, hash, blockNumber) };
      }),
    );
    const ok = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    if (ok.length === 0) {
      const reasons = answers.map((a, i) => `${entry.endpoints[i]!.url}: ${a.status === 'rejected' ? String((a.reason as Error).message).split('\n')[0] : ''}`);
      throw new LedgerUnreachableError(`${entry.trusted.name}: no endpoint answered (${reasons.join('; ')})`);
    }
    const freshest = ok.reduce((best, a) => (a.blockNumber > best.blockNumber ? a : best));
    const head = freshest.facts.anchor.institutionId === 0 && root !== ZeroHash ? await headOf(freshest.endpoint.provider, freshest.blockNumber) : undefined;
    return { ...freshest.facts, trusted: entry.trusted, ...(head ? { head } : {}) };
  }

  destroy(): void {
    for (const entry of this.#entries) for (const endpoint of entry.endpoints) endpoint.provider.destroy();
  }
}
