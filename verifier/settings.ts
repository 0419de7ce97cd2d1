import { wholeNumber } from '../core/config.ts';
import type { VerifierOptions } from './service.ts';

/** The verifier's own settings from the environment (documented in README). */
export function verifierSettingsFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<
  VerifierOptions,
  | 'rateLimitPerMinute'
  | 'challengesPerClient'
  | 'trustProxy'
  | 'ledgerCacheTtlMs'
  | 'didResolver'
  | 'statusListLocalOrigins'
> {
  const ethrChainId = wholeNumber(env, 'DID_ETHR_CHAIN_ID', 1);
  const fetchesPerRequest = wholeNumber(env, 'VERIFIER_DID_WEB_FETCHES', 0, 100);
  return {
    rateLimitPerMinute: wholeNumber(env, 'VERIFIER_RATE_LIMIT', 0),
    challengesPerClient: wholeNumber(env, 'VERIFIER_CHALLENGES_PER_CLIENT', 0),
    trustProxy: env.TRUST_PROXY === '1',
    statusListLocalOrigins: (env.VERIFIER_STATUS_LIST_LOCAL_ORIGINS ?? '').split(',').filter((o) => o.trim() !== ''),
    ledgerCacheTtlMs: wholeNumber(env, 'VERIFIER_CACHE_TTL_MS', 0),
    didResolver: {
      didWeb: {
        holders: env.VERIFIER_DID_WEB_HOLDERS === '1',
        ...(fetchesPerRequest !== undefined ? { fetchesPerRequest } : {}),
      },
      ...(ethrChainId === undefined
        ? {}
        : {
            ethrChainId,
            ...(env.DID_ETHR_RPC_URL ? { ethrRpcUrl: env.DID_ETHR_RPC_URL } : {}),
            ...(env.DID_ETHR_REGISTRY ? { ethrRegistry: env.DID_ETHR_REGISTRY } : {}),
          }),
    },
  };
}
