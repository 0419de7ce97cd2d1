import { ConfigError } from '../core/config.ts';
import type { VerifierOptions } from './service.ts';

function nonNegativeInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number (0 or more), got "${raw}"`);
  return value;
}

/** The verifier's own settings from the environment (documented in README). */
export function verifierSettingsFromEnv(env: NodeJS.ProcessEnv): Pick<VerifierOptions, 'rateLimitPerMinute' | 'trustProxy' | 'ledgerCacheTtlMs' | 'didResolver'> {
  const ethrChainId = nonNegativeInt(env.DID_ETHR_CHAIN_ID, 'DID_ETHR_CHAIN_ID');
  return {
    rateLimitPerMinute: nonNegativeInt(env.VERIFIER_RATE_LIMIT, 'VERIFIER_RATE_LIMIT'),
    trustProxy: env.TRUST_PROXY === '1',
    ledgerCacheTtlMs: nonNegativeInt(env.VERIFIER_CACHE_TTL_MS, 'VERIFIER_CACHE_TTL_MS'),
    didResolver:
      ethrChainId === undefined
        ? {}
        : { ethrChainId, ...(env.DID_ETHR_RPC_URL ? { ethrRpcUrl: env.DID_ETHR_RPC_URL } : {}), ...(env.DID_ETHR_REGISTRY ? { ethrRegistry: env.DID_ETHR_REGISTRY } : {}) },
  };
}
