import type { TrustBundlePayload } from '../../core/trust-bundle/payload.ts';

/** The verifier's own limits on a bundle's age (settings VERIFIER_TRUST_BUNDLE_*_AGE_HOURS). */
export interface TrustBundlePolicy {
  /** Older than this, the bundle no longer answers: the ledger checks are unverifiable. */
  maxAgeSeconds: number;
  /** Older than this, every answer from it says to get a newer one. */
  warnAgeSeconds: number;
}

export const DEFAULT_TRUST_BUNDLE_POLICY: TrustBundlePolicy = {
  maxAgeSeconds: 7 * 24 * 3600,
  warnAgeSeconds: 3 * 24 * 3600,
};

/** How a bundle stands at one moment: usable, usable but due for renewal, or past use. */
export interface TrustBundleStanding {
  state: 'fresh' | 'aging' | 'too_old';
  issuedAt: number;
  ageSeconds: number;
  /** When it stops answering: the earlier of its own expiry and the verifier's maximum age (unix s). */
  unusableFrom: number;
}

export function standingOf(payload: TrustBundlePayload, policy: TrustBundlePolicy, now: Date): TrustBundleStanding {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ageSeconds = Math.max(0, nowSeconds - payload.issuedAt);
  const unusableFrom = Math.min(payload.expiresAt, payload.issuedAt + policy.maxAgeSeconds);
  const state = nowSeconds >= unusableFrom ? 'too_old' : ageSeconds >= policy.warnAgeSeconds ? 'aging' : 'fresh';
  return { state, issuedAt: payload.issuedAt, ageSeconds, unusableFrom };
}

/** A line for the operator at start: the bundle's date, age and until when it answers; `warn` when due or past use. */
export function describeTrustBundle(
  payload: TrustBundlePayload,
  policy: TrustBundlePolicy,
  now: Date,
): { line: string; warn: boolean } {
  const s = standingOf(payload, policy, now);
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  const of = `Trust bundle of ${iso(s.issuedAt)} (${(s.ageSeconds / 3600).toFixed(1)} hours old)`;
  if (s.state === 'too_old')
    return {
      line: `${of} is past its use since ${iso(s.unusableFrom)}: without the ledger, ledger checks answer "cannot tell". Install a newer bundle.`,
      warn: true,
    };
  const answers = `answers the ledger checks while the ledger cannot be reached, until ${iso(s.unusableFrom)}`;
  return s.state === 'aging'
    ? { line: `${of} ${answers}: install a newer bundle before then.`, warn: true }
    : { line: `${of} ${answers}.`, warn: false };
}
