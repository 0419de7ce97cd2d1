import type { LedgerEvidence } from '../checks/ledger-evidence.ts';
import { type CheckFragment, withNote } from '../fragment.ts';
import type { ReasonCode } from '../messages/index.ts';
import { type BundleFacts, TrustBundleUnanswered } from './bundle-backed-ledger-reader.ts';
import type { TrustBundleStanding } from './standing.ts';

/** The checks that read the ledger, and so may have been answered from the bundle. */
const LEDGER_CHECKS: ReadonlySet<string> = new Set(['issuer_accredited', 'anchored', 'not_revoked', 'signing_key']);

const NOTE: Record<TrustBundleStanding['state'], ReasonCode> = {
  fresh: 'trust_bundle_used',
  aging: 'trust_bundle_aging',
  too_old: 'trust_bundle_too_old',
};

/** How the bundle stood if it answered (or was asked and could not) for this credential. */
async function standingIn(evidence: LedgerEvidence): Promise<TrustBundleStanding | undefined> {
  const anchor = await evidence.anchor;
  if (anchor?.ok && 'trustBundle' in anchor.facts) return (anchor.facts as BundleFacts).trustBundle;
  for (const answer of await evidence.issuer) {
    if ('facts' in answer && 'trustBundle' in answer.facts) return (answer.facts as BundleFacts).trustBundle;
    if ('error' in answer && answer.error instanceof TrustBundleUnanswered) return answer.error.trustBundle;
  }
  return undefined;
}

/**
 * Says on each ledger check answered from the trust bundle that it was, of which date, how old it
 * is, and that what happened on the ledger since cannot be known; a due or expired bundle says so.
 */
export async function noteTrustBundle(fragments: CheckFragment[], evidence: LedgerEvidence): Promise<CheckFragment[]> {
  const standing = await standingIn(evidence);
  if (!standing) return fragments;
  const date = new Date(standing.issuedAt * 1000).toISOString();
  const params = {
    date,
    ageHours: (standing.ageSeconds / 3600).toFixed(1),
    unusableFrom: new Date(standing.unusableFrom * 1000).toISOString(),
  };
  const details = {
    trustBundle: {
      issuedAt: date,
      ageSeconds: standing.ageSeconds,
      state: standing.state,
      unusableFrom: params.unusableFrom,
    },
  };
  return fragments.map((f) =>
    LEDGER_CHECKS.has(f.check) && f.status !== 'skipped' ? withNote(f, NOTE[standing.state], params, details) : f,
  );
}
