import type { ReasonCode } from '../../core/messages/index.ts';
import type { LedgerEvidence } from '../checks/ledger-evidence.ts';
import { type CheckFragment, withNote } from '../fragment.ts';
import type { LedgerReader } from '../ledger-reader.ts';
import { BundleBackedLedgerReader, type BundleFacts, TrustBundleUnanswered } from './bundle-backed-ledger-reader.ts';
import { standingOf, type TrustBundleStanding } from './standing.ts';

/** The checks that read the ledger, and so may have been answered from the bundle. */
const LEDGER_CHECKS: ReadonlySet<string> = new Set(['issuer_accredited', 'anchored', 'not_revoked', 'signing_key']);
/** The status list's answers that rest on the list's commitment, which the bundle holds too. */
const STATUS_LIST_ON_LEDGER: ReadonlySet<string> = new Set(['status_list_clear', 'status_list_never_revoked']);

const answeredByLedger = (f: CheckFragment) =>
  f.status !== 'skipped' &&
  (LEDGER_CHECKS.has(f.check) || (f.check === 'status_list' && STATUS_LIST_ON_LEDGER.has(f.reason)));

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

/** The note's words: the bundle's date, age and end of use, and its standing in details. */
function noteParts(standing: TrustBundleStanding) {
  const date = new Date(standing.issuedAt * 1000).toISOString();
  const unusableFrom = new Date(standing.unusableFrom * 1000).toISOString();
  return {
    params: { date, ageHours: (standing.ageSeconds / 3600).toFixed(1), unusableFrom },
    details: { trustBundle: { issuedAt: date, ageSeconds: standing.ageSeconds, state: standing.state, unusableFrom } },
  };
}

/**
 * Says on each ledger check answered from the trust bundle that it was, of which date, how old it
 * is, and that what happened on the ledger since cannot be known; a due or expired bundle says so.
 * When the ledger answered, the revocation check still shows the bundle's age and end of use, so
 * that an office sees it getting old while online, before an outage makes it matter.
 */
export async function noteTrustBundle(
  fragments: CheckFragment[],
  evidence: LedgerEvidence,
  ledger: LedgerReader,
): Promise<CheckFragment[]> {
  const standing = await standingIn(evidence);
  if (standing) {
    const { params, details } = noteParts(standing);
    return fragments.map((f) => (answeredByLedger(f) ? withNote(f, NOTE[standing.state], params, details) : f));
  }
  // The standby note says the ledger answered: only when every registry did.
  if (!(ledger instanceof BundleBackedLedgerReader) || (await evidence.issuer).some((a) => 'error' in a))
    return fragments;
  const standby = standingOf(ledger.bundle.payload, ledger.policy, ledger.now());
  const { params, details } = noteParts(standby);
  const reason = standby.state === 'fresh' ? 'trust_bundle_standby' : 'trust_bundle_standby_aging';
  return fragments.map((f) => (f.check === 'not_revoked' ? withNote(f, reason, params, details) : f));
}
