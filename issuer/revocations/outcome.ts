import type { RevocationReasonName } from '../../contracts/revocation-reason.ts';

/** What became of one id of a batch revocation (POST /credentials/revoke). */
export type RevocationOutcome =
  | {
      id: string;
      outcome: 'revoked';
      revokedAt: string;
      reason: RevocationReasonName;
      /** Absent when the ledger already held the revocation (a retry after a crash) and the record was repaired from it. */
      transactionHash?: string;
    }
  | { id: string; outcome: 'alreadyRevoked'; revokedAt: string }
  | { id: string; outcome: 'unknown' }
  | { id: string; outcome: 'duplicate' }
  | { id: string; outcome: 'failed'; error: string };

export type OutcomeName = RevocationOutcome['outcome'];

/** How many ids ended each way, for the answer's first lines. */
export function countOutcomes(outcomes: RevocationOutcome[]): Record<OutcomeName, number> {
  const counts: Record<OutcomeName, number> = { revoked: 0, alreadyRevoked: 0, unknown: 0, duplicate: 0, failed: 0 };
  for (const o of outcomes) counts[o.outcome] += 1;
  return counts;
}
