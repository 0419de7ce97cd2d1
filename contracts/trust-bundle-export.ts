import type { RegistrySnapshot, TrustBundlePayload } from '../core/trust-bundle/payload.ts';
import { TRUST_BUNDLE_TYPE, TRUST_BUNDLE_VERSION } from '../core/trust-bundle/payload.ts';
import { connectProvider } from './provider.ts';
import { type SnapshotOptions, snapshotRegistry } from './registry-snapshot.ts';

/** A registry to export, as a verifier's trust list names it. */
export type RegistryToExport = Pick<RegistrySnapshot, 'name' | 'chainId' | 'registry' | 'migratedFrom'> & {
  rpcUrls: readonly string[];
};

export interface ExportOptions extends SnapshotOptions {
  /** The bundle's issue time (default: now). */
  issuedAt?: Date;
  /** How long verifiers may use it (seconds). */
  validForSeconds: number;
}

/**
 * The unsigned content of a trust bundle: every registry read at its latest block, through the
 * first of its endpoints that answers.
 */
export async function exportTrustBundle(
  registries: readonly RegistryToExport[],
  options: ExportOptions,
): Promise<TrustBundlePayload> {
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const snapshots: RegistrySnapshot[] = [];
  for (const { rpcUrls, name, chainId, registry, migratedFrom } of registries) {
    // Only what the bundle format holds (a trust list entry also has node settings).
    const trusted = { name, chainId, registry, ...(migratedFrom?.length ? { migratedFrom } : {}) };
    const failures: string[] = [];
    let snapshot: RegistrySnapshot | undefined;
    for (const url of rpcUrls) {
      const provider = connectProvider(url, trusted.chainId, { timeoutMs: 30_000 });
      try {
        snapshot = await snapshotRegistry(provider, trusted, await provider.getBlockNumber(), options);
        break;
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        provider.destroy();
      }
    }
    if (!snapshot) throw new Error(`${trusted.name}: no endpoint could be read (${failures.join('; ')})`);
    snapshots.push(snapshot);
  }
  return {
    type: TRUST_BUNDLE_TYPE,
    version: TRUST_BUNDLE_VERSION,
    issuedAt,
    expiresAt: issuedAt + options.validForSeconds,
    registries: snapshots,
  };
}
