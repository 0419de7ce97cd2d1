import { readFileSync } from 'node:fs';

/** A registry (accreditation authority) whose institutions this verifier trusts. */
export interface TrustedRegistry {
  /** Shown to people: e.g. "National TVET Authority (local)". */
  name: string;
  chainId: number;
  registry: string;
  rpcUrls: string[];
  /**
   * Registries this one took over after a chain migration: receipts that name them are checked
   * here (where the authority imported their anchors) when the old chain is gone or lacks them.
   */
  migratedFrom?: { chainId: number; registry: string }[];
  /**
   * A node whose latest block is older than this (by the verifier's clock) is taken to be behind:
   * a root it lacks is "cannot tell", not "not anchored". Default 60; 0 for a chain that makes
   * blocks only on demand (the embedded development node), where an old head is normal.
   */
  maxHeadAgeSeconds?: number;
}

export interface TrustConfig {
  registries: TrustedRegistry[];
}

export class TrustConfigError extends Error {}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Validates a trust configuration (e.g. the JSON file named by VERIFIER_TRUST_FILE). */
export function parseTrustConfig(input: unknown, source = 'trust configuration'): TrustConfig {
  const registries = (input as { registries?: unknown })?.registries;
  if (!Array.isArray(registries) || registries.length === 0)
    throw new TrustConfigError(`${source}: "registries" must be a non-empty list`);
  return {
    registries: registries.map((r: Record<string, unknown>, i) => {
      const where = `${source}: registries[${i}]`;
      if (typeof r?.name !== 'string' || !r.name)
        throw new TrustConfigError(`${where}.name must be a non-empty string`);
      if (!Number.isSafeInteger(r.chainId) || (r.chainId as number) <= 0)
        throw new TrustConfigError(`${where}.chainId must be a positive integer`);
      if (typeof r.registry !== 'string' || !ADDRESS.test(r.registry))
        throw new TrustConfigError(`${where}.registry must be a 0x address`);
      const urls = r.rpcUrls;
      if (
        !Array.isArray(urls) ||
        urls.length === 0 ||
        !urls.every((u) => typeof u === 'string' && /^https?:\/\//.test(u))
      ) {
        throw new TrustConfigError(`${where}.rpcUrls must be a non-empty list of http(s) URLs`);
      }
      const migratedFrom = r.migratedFrom ?? [];
      if (
        !Array.isArray(migratedFrom) ||
        !migratedFrom.every(
          (m) => Number.isSafeInteger(m?.chainId) && typeof m?.registry === 'string' && ADDRESS.test(m.registry),
        )
      ) {
        throw new TrustConfigError(`${where}.migratedFrom must be a list of {chainId, registry}`);
      }
      const maxHeadAge = r.maxHeadAgeSeconds;
      if (maxHeadAge !== undefined && (!Number.isSafeInteger(maxHeadAge) || (maxHeadAge as number) < 0)) {
        throw new TrustConfigError(`${where}.maxHeadAgeSeconds must be a whole number of seconds (0: never)`);
      }
      return {
        name: r.name,
        chainId: r.chainId as number,
        registry: r.registry.toLowerCase(),
        rpcUrls: urls as string[],
        ...(migratedFrom.length
          ? {
              migratedFrom: migratedFrom.map((m: { chainId: number; registry: string }) => ({
                chainId: m.chainId,
                registry: m.registry.toLowerCase(),
              })),
            }
          : {}),
        ...(maxHeadAge !== undefined ? { maxHeadAgeSeconds: maxHeadAge as number } : {}),
      };
    }),
  };
}

export function readTrustConfigFile(file: string): TrustConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TrustConfigError(`cannot read trust configuration ${file}: ${(error as Error).message}`);
  }
  return parseTrustConfig(json, file);
}
