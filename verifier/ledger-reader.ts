import { type JsonRpcProvider, ZeroHash } from 'ethers';
import { connectProvider } from '../contracts/provider.ts';
import { type CredentialFacts, Registry, type StatusListCommitment } from '../contracts/registry.ts';
import type { TrustConfig, TrustedRegistry } from './trust.ts';

export class LedgerUnreachableError extends Error {
  /** The registries that could not be asked. */
  constructor(
    message: string,
    readonly registries: readonly TrustedRegistry[],
  ) {
    super(message);
  }
}

/** What a node says about its own progress: its latest block and whether it is still catching up. */
export interface NodeHead {
  blockNumber: number;
  /** The block's timestamp, in seconds. */
  time: number;
  /** The node answers `eth_syncing` with anything but false. */
  syncing: boolean;
}

/**
 * The registry's answer about one credential. Unlike the contract's `credentialFacts`, whose
 * revocation is the anchoring institution's, `revocation` here is always the one recorded by the
 * issuer DID's institution: it does not depend on which root (if any) a receipt names.
 */
export interface RegistryFacts extends CredentialFacts {
  /** The registry that answered (after a migration: the successor of the one a receipt names). */
  trusted: TrustedRegistry;
  /** The answering node's own progress, read when it did not have the root asked for. */
  head?: NodeHead;
}

/** One trusted registry's latest commitment to an issuer's status list, or why it gave none. */
export type StatusListAnswer =
  | {
      trusted: TrustedRegistry;
      commitment: StatusListCommitment;
      /** The time (unix s) of the snapshot that answered (a trust bundle), not the chain now: the list may have changed since. */
      asOf?: number;
    }
  | { trusted: TrustedRegistry; error: LedgerUnreachableError };

/** One trusted registry's answer about an issuer, or why it gave none. */
export type IssuerAnswer =
  | { trusted: TrustedRegistry; facts: RegistryFacts }
  | { trusted: TrustedRegistry; error: LedgerUnreachableError };

const NOT_REVOKED = { revokedAt: 0, reason: 0 };

interface Endpoint {
  url: string;
  provider: JsonRpcProvider;
  registry: Registry;
}

interface Entry {
  trusted: TrustedRegistry;
  endpoints: Endpoint[];
}

async function headOf(provider: JsonRpcProvider, tag: number | 'latest'): Promise<NodeHead> {
  // A provider that does not offer eth_syncing leaves the head's age to decide.
  const [block, syncing] = await Promise.all([
    provider.getBlock(tag),
    provider.send('eth_syncing', []).catch(() => false),
  ]);
  if (!block) throw new Error(`block ${tag} not found`);
  return { blockNumber: block.number, time: block.timestamp, syncing: syncing !== false };
}

const sameRegistry = (a: { chainId: number; registry: string }, chainId: number, address: string) =>
  a.chainId === chainId && a.registry === address.toLowerCase();

/**
 * Read-only access to the trusted registries. Every call is time-limited.
 *
 * Read policy (docs/ledger.md): with several RPC endpoints for a registry, all are asked at their
 * own latest block and the answer from the most advanced one is used, so one lagging node cannot
 * hide a recent anchor or revocation. When that node lacks a root, its own progress (`head`) is
 * read too, so the caller can tell "not anchored" from "this node is behind".
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
  /** The clock the cache lifetime is measured with, in milliseconds (tests move it). */
  now?: () => number;
}

export class LedgerReader {
  readonly #entries: Entry[];
  readonly #cache = new Map<string, { facts: RegistryFacts; expires: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(trust: TrustConfig, options: LedgerReaderOptions = {}) {
    this.#ttlMs = options.cacheTtlMs ?? 10_000;
    this.#maxEntries = options.cacheEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
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
    const successors = this.#entries.filter((e) =>
      e.trusted.migratedFrom?.some((m) => sameRegistry(m, chainId, address)),
    );
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
  async factsAt(
    chainId: number,
    address: string,
    root: string,
    issuerDid: string,
    credentialHash: string,
  ): Promise<RegistryFacts> {
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
    throw new LedgerUnreachableError(
      (lastError as Error).message,
      candidates.map((e) => e.trusted),
    );
  }

  /**
   * The issuer's institution and its revocation of this credential on every trusted registry,
   * whatever a receipt says. `known` are outcomes already read (for an anchor) that stand for
   * their registry, so a verification usually costs one call per registry, and a dead node one wait.
   */
  async issuerFactsOnEach(
    issuerDid: string,
    credentialHash: string,
    known: readonly (RegistryFacts | LedgerUnreachableError)[] = [],
  ): Promise<IssuerAnswer[]> {
    return Promise.all(
      this.#entries.map(async (entry): Promise<IssuerAnswer> => {
        const outcome = known.find((k) =>
          k instanceof LedgerUnreachableError ? k.registries.includes(entry.trusted) : k.trusted === entry.trusted,
        );
        if (outcome instanceof LedgerUnreachableError) return { trusted: entry.trusted, error: outcome };
        try {
          return {
            trusted: entry.trusted,
            facts: outcome ?? (await this.#facts(entry, ZeroHash, issuerDid, credentialHash)),
          };
        } catch (error) {
          if (error instanceof LedgerUnreachableError) return { trusted: entry.trusted, error };
          throw error;
        }
      }),
    );
  }

  /**
   * Every trusted registry's latest commitment to the issuer's status list `listKey`, each read
   * from its most advanced endpoint (as for revocations: a lagging node must not pass off an older
   * commitment). Not cached: a commitment changes with every revocation published.
   */
  statusListOnEach(issuerDid: string, listKey: string): Promise<StatusListAnswer[]> {
    return Promise.all(
      this.#entries.map(async (entry): Promise<StatusListAnswer> => {
        const answers = await Promise.allSettled(
          entry.endpoints.map(async (endpoint) => {
            const blockNumber = await endpoint.provider.getBlockNumber();
            return { blockNumber, commitment: await endpoint.registry.statusListOf(issuerDid, listKey, blockNumber) };
          }),
        );
        const ok = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
        if (ok.length === 0) {
          const why = answers.map((a) =>
            a.status === 'rejected' ? String((a.reason as Error)?.message).split('\n')[0] : '',
          );
          return {
            trusted: entry.trusted,
            error: new LedgerUnreachableError(`${entry.trusted.name}: no endpoint answered (${why.join('; ')})`, [
              entry.trusted,
            ]),
          };
        }
        const freshest = ok.reduce((best, a) => (a.blockNumber > best.blockNumber ? a : best));
        return { trusted: entry.trusted, commitment: freshest.commitment };
      }),
    );
  }

  async #facts(entry: Entry, root: string, did: string, hash: string): Promise<RegistryFacts> {
    if (this.#ttlMs <= 0) return this.#read(entry, root, did, hash);
    const key = `${entry.trusted.chainId}|${entry.trusted.registry}|${root}|${did}|${hash}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > this.#now()) return cached.facts;
    const facts = await this.#read(entry, root, did, hash);
    this.#cache.delete(key);
    this.#cache.set(key, { facts, expires: this.#now() + this.#ttlMs });
    if (this.#cache.size > this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
    return facts;
  }

  async #read(entry: Entry, root: string, did: string, hash: string): Promise<RegistryFacts> {
    if (entry.endpoints.length === 1) {
      const [endpoint] = entry.endpoints as [Endpoint];
      try {
        return await this.#complete(
          entry,
          endpoint,
          await endpoint.registry.credentialFacts(root, did, hash),
          root,
          hash,
        );
      } catch (error) {
        throw new LedgerUnreachableError(
          `${entry.trusted.name} (${endpoint.url}): ${(error as Error).message.split('\n')[0]}`,
          [entry.trusted],
        );
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
      const reasons = answers.map(
        (a, i) =>
          `${entry.endpoints[i]!.url}: ${a.status === 'rejected' ? String((a.reason as Error).message).split('\n')[0] : ''}`,
      );
      throw new LedgerUnreachableError(`${entry.trusted.name}: no endpoint answered (${reasons.join('; ')})`, [
        entry.trusted,
      ]);
    }
    const freshest = ok.reduce((best, a) => (a.blockNumber > best.blockNumber ? a : best));
    try {
      return await this.#complete(entry, freshest.endpoint, freshest.facts, root, hash, freshest.blockNumber);
    } catch (error) {
      throw new LedgerUnreachableError(
        `${entry.trusted.name} (${freshest.endpoint.url}): ${(error as Error).message.split('\n')[0]}`,
        [entry.trusted],
      );
    }
  }

  /**
   * The contract's answer, with the issuer institution's revocation (one more read when the root
   * was not anchored by that institution) and, when the root is missing, the node's own progress.
   */
  async #complete(
    entry: Entry,
    endpoint: Endpoint,
    facts: CredentialFacts,
    root: string,
    hash: string,
    blockTag?: number,
  ): Promise<RegistryFacts> {
    const issuerId = facts.issuerInstitutionId;
    const [revocation, head] = await Promise.all([
      issuerId === 0
        ? NOT_REVOKED
        : issuerId === facts.anchor.institutionId
          ? facts.revocation
          : endpoint.registry.revocation(issuerId, hash, blockTag),
      facts.anchor.institutionId === 0 && root !== ZeroHash
        ? headOf(endpoint.provider, blockTag ?? 'latest')
        : undefined,
    ]);
    return { ...facts, revocation, trusted: entry.trusted, ...(head ? { head } : {}) };
  }

  destroy(): void {
    for (const entry of this.#entries) for (const endpoint of entry.endpoints) endpoint.provider.destroy();
  }
}
