import { ConfigError, wholeNumber } from '../../core/config.ts';
import { readTrustBundleFile } from '../../core/trust-bundle/signed-bundle.ts';
import { TrustBundleError } from '../../core/trust-bundle/validate-payload.ts';
import { TrustBundleIndex } from './bundle-index.ts';
import { DEFAULT_TRUST_BUNDLE_POLICY, type TrustBundlePolicy } from './standing.ts';

export interface TrustBundleSetting {
  index: TrustBundleIndex;
  policy: TrustBundlePolicy;
}

const HOUR = 3600;

/**
 * VERIFIER_TRUST_BUNDLE (a file), its signer VERIFIER_TRUST_BUNDLE_SIGNER (an Ed25519 did:key) and
 * the age limits. A bundle that is not signed, not by that key, changed or malformed stops the
 * verifier here, with what is wrong.
 */
export function trustBundleFromEnv(env: NodeJS.ProcessEnv): TrustBundleSetting | undefined {
  const file = env.VERIFIER_TRUST_BUNDLE?.trim();
  if (!file) return undefined;
  const signer = env.VERIFIER_TRUST_BUNDLE_SIGNER?.trim();
  if (!signer)
    throw new ConfigError(
      'VERIFIER_TRUST_BUNDLE needs VERIFIER_TRUST_BUNDLE_SIGNER: the did:key of the key that signs the bundles (docs/trust-bundle.md)',
    );
  const maxAgeHours = wholeNumber(env, 'VERIFIER_TRUST_BUNDLE_MAX_AGE_HOURS', 1);
  const warnAgeHours = wholeNumber(env, 'VERIFIER_TRUST_BUNDLE_WARN_AGE_HOURS', 0);
  const maxAgeSeconds = maxAgeHours === undefined ? DEFAULT_TRUST_BUNDLE_POLICY.maxAgeSeconds : maxAgeHours * HOUR;
  // Unset, the warning comes at the default age, or at the maximum age if that is sooner.
  const policy = {
    maxAgeSeconds,
    warnAgeSeconds:
      warnAgeHours === undefined
        ? Math.min(DEFAULT_TRUST_BUNDLE_POLICY.warnAgeSeconds, maxAgeSeconds)
        : warnAgeHours * HOUR,
  };
  if (policy.warnAgeSeconds > policy.maxAgeSeconds)
    throw new ConfigError('VERIFIER_TRUST_BUNDLE_WARN_AGE_HOURS must not be above VERIFIER_TRUST_BUNDLE_MAX_AGE_HOURS');
  try {
    return { index: new TrustBundleIndex(readTrustBundleFile(file, signer)), policy };
  } catch (error) {
    if (error instanceof TrustBundleError) throw new ConfigError(`VERIFIER_TRUST_BUNDLE refused: ${error.message}`);
    throw error;
  }
}
