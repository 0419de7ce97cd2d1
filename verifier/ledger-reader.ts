import { ZeroHash } from 'ethers';
import { connectProvider } from '../contracts/provider.ts';
import { Registry, type CredentialFacts } from '../contracts/registry.ts';
import type { TrustConfig, TrustedRegistry } from './trust.ts';

export class LedgerUnreachableError extends Error {}

export interface RegistryFacts extends CredentialFacts {
  trusted: TrustedRegistry;
}

/** Read-only access to the trusted registries; every call is time-limited. */
export class LedgerReader {
  readonly #registries: { trusted: TrustedRegistry; registry: Registry }[];

  constructor(trust: TrustConfig, options: { timeoutMs?: number } = {}) {
    this.#registries = trust.registries.map((trusted) => ({
      trusted,
      registry: new Registry(trusted.registry, connectProvider(trusted.rpcUrls[0]!, trusted.chainId, { timeoutMs: options.timeoutMs ?? 4000 })),
    }));
  }

  /** The trusted registry a receipt names, if any. */
  trustedRegistry(chainId: number, address: string): TrustedRegistry | undefined {
    return this.#find(chainId, address)?.trusted;
  }

  #find(chainId: number, address: string) {
    return this.#registries.find((r) => r.trusted.chainId === chainId && r.trusted.registry === address.toLowerCase());
  }

  /** Facts about a credential anchored under `root` on a trusted registry. */
  async factsAt(chainId: number, address: string, root: string, issuerDid: string, credentialHash: string): Promise<RegistryFacts> {
    const entry = this.#find(chainId, address);
    if (!entry) throw new Error(`registry ${address} on chain ${chainId} is not trusted`);
    return this.#facts(entry, root, issuerDid, credentialHash);
  }

  /** Without an anchor: the first trusted registry that knows the issuer, if any. */
  async issuerFacts(issuerDid: string): Promise<RegistryFacts | undefined> {
    const all = await Promise.all(this.#registries.map((entry) => this.#facts(entry, ZeroHash, issuerDid, ZeroHash)));
    return all.find((f) => f.issuerInstitutionId !== 0);
  }

  async #facts(entry: { trusted: TrustedRegistry; registry: Registry }, root: string, did: string, hash: string): Promise<RegistryFacts> {
    try {
      return { ...(await entry.registry.credentialFacts(root, did, hash)), trusted: entry.trusted };
    } catch (error) {
      throw new LedgerUnreachableError(`${entry.trusted.name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  destroy(): void {
    for (const { registry } of this.#registries) (registry.contract.runner as { destroy?: () => void } | null)?.destroy?.();
  }
}
