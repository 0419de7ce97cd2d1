import { isLedgerUnreachable } from '../../contracts/provider.ts';
import { RevocationReason, type RevocationReasonName } from '../../contracts/revocation-reason.ts';
import type { IssuerDb } from '../db-schema.ts';
import { LedgerWriteError } from '../ledger-writer.ts';
import type { StatusLists } from '../status-lists/status-lists.ts';
import type { RevocationOutcome } from './outcome.ts';

/**
 * A request revoking more than this many credentials that carry a status list entry revokes them
 * by their bits only, with no per-hash revocation (docs/status-lists.md). Up to this many, per-hash
 * revocation takes one revokeMany transaction and keeps each list's per-hash record complete, so
 * that a verifier that cannot fetch the list still gets an answer from the ledger; beyond it,
 * per-hash costs about 25,600 gas a credential while the bits cost one commitment a list.
 */
export const REVOCATION_BY_HASH_MAX = 64;

const PAGE = 500;

/**
 * Revokes credentials by their status list bits only: their lists are marked bits-only first (so
 * that no commitment holding one of these bits goes out unmarked), then the credentials are recorded
 * as revoked with their lists marked changed (one database transaction), and the lists committed
 * on the ledger in one transaction (30 lists a transaction).
 * A credential counts as revoked once its list's commitment is mined; the anchoring worker's watch
 * reads every commitment back from the chain and sends again one the chain lost, marked as before.
 * If the ledger fails, the revocations stay recorded and the watch commits them when it answers.
 */
export async function revokeByBits(
  db: IssuerDb,
  statusLists: StatusLists,
  candidates: readonly { id: string; listId: string }[],
  reason: RevocationReasonName,
): Promise<RevocationOutcome[]> {
  const listIds = [...new Set(candidates.map((c) => c.listId))];
  await statusLists.markBitsOnly(listIds);
  const ids = candidates.map((c) => c.id);
  const recordedAt = new Date().toISOString();
  // The revocations and their lists' change in one database transaction: a stop between them would
  // leave credentials recorded as revoked on lists nothing marks for committing.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ids.length; i += PAGE)
      await trx
        .updateTable('credentials')
        // No per-hash transaction to watch (revocation_tx): the list's commitment is watched instead.
        .set({
          status: 'revoked',
          revoked_at: recordedAt,
          revocation_reason: RevocationReason[reason],
          revocation_tx: null,
        })
        .where('id', 'in', ids.slice(i, i + PAGE))
        .execute();
    await trx
      .updateTable('status_lists')
      .set((eb) => ({ dirty: eb('dirty', '+', 1) }))
      .where('id', 'in', listIds)
      .execute();
  });
  let why: string | undefined;
  try {
    await statusLists.publish();
  } catch (error) {
    if (!isLedgerUnreachable(error) && !(error instanceof LedgerWriteError)) throw error;
    why = (error as Error).message;
  }
  const committed = new Map((await statusLists.committed(listIds)).map((l) => [l.id, l]));
  const outcomes: RevocationOutcome[] = [];
  for (const listId of listIds) {
    const list = committed.get(listId);
    const onList = candidates.filter((c) => c.listId === listId).map((c) => c.id);
    if (list?.dirty !== 0 || !list.published_at || !list.published_tx) {
      for (const id of onList)
        outcomes.push({
          id,
          outcome: 'failed',
          error: `Recorded as revoked, but its status list is not yet committed on the ledger${why ? ` (${why})` : ''}; the issuer commits it by itself as soon as the ledger answers.`,
        });
      continue;
    }
    for (let i = 0; i < onList.length; i += PAGE)
      await db
        .updateTable('credentials')
        .set({ revoked_at: list.published_at })
        .where('id', 'in', onList.slice(i, i + PAGE))
        .execute();
    for (const id of onList)
      outcomes.push({
        id,
        outcome: 'revoked',
        revokedAt: list.published_at,
        reason,
        transactionHash: list.published_tx,
      });
  }
  return outcomes;
}
