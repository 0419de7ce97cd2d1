import { setTimeout as sleep } from 'node:timers/promises';
import { Bitstring } from '../../core/status-list/bitstring.ts';
import { bitstringCommitment, statusListKey } from '../../core/status-list/entry.ts';
import type { IssuerDb } from '../db-schema.ts';
import { LedgerWriteError, type LedgerWriter } from '../ledger-writer.ts';

/**
 * Lists committed per transaction: a first commitment costs about 50,000 gas a list (two new
 * storage slots and an event), so 30 stay well under the issuer's 2,000,000 gas cap.
 */
export const LISTS_PER_TRANSACTION = 30;
const RECEIPT_WAIT_MS = 60_000;

/** The list's bits as the database has them now: a set bit for each revoked credential holding an index. */
export async function currentBits(db: IssuerDb, listId: string, size: number): Promise<Bitstring> {
  const revoked = await db
    .selectFrom('status_list_entries')
    .innerJoin('credentials', 'credentials.id', 'status_list_entries.credential_id')
    .select('status_list_entries.list_index')
    .where('status_list_entries.list_id', '=', listId)
    .where('credentials.status', '=', 'revoked')
    .execute();
  const bits = new Bitstring(size);
  for (const { list_index } of revoked) bits.set(list_index);
  return bits;
}

/**
 * Commits every list with revocations not yet on the ledger, a chunk of lists per transaction
 * whatever the number of revocations, then serves the committed bits. A revocation made while a
 * list is being committed leaves it to commit again (`dirty` counts revocations; it is cleared only
 * if it did not change). Sending the same bits again after a crash is harmless.
 * Returns how many lists were committed.
 */
export async function publishPending(db: IssuerDb, writer: LedgerWriter): Promise<number> {
  const pending = await db
    .selectFrom('status_lists')
    .select(['id', 'url', 'size', 'dirty'])
    .where('dirty', '>', 0)
    .execute();
  for (let i = 0; i < pending.length; i += LISTS_PER_TRANSACTION) {
    const chunk = await Promise.all(
      pending
        .slice(i, i + LISTS_PER_TRANSACTION)
        .map(async (list) => ({ ...list, bits: await currentBits(db, list.id, list.size) })),
    );
    const signed = await writer.signAndBroadcast('publishStatusLists', [
      chunk.map((l) => statusListKey(l.url)),
      chunk.map((l) => bitstringCommitment(l.bits.bytes)),
    ]);
    const mined = await minedReceipt(writer, signed.txHash);
    const publishedAt = (await writer.blockTime(mined.blockNumber)).toISOString();
    for (const list of chunk) {
      await db
        .updateTable('status_lists')
        .set((eb) => ({
          published_list: list.bits.encode(),
          published_version: eb('published_version', '+', 1),
          published_at: publishedAt,
          dirty: eb.case().when('dirty', '=', list.dirty).then(0).else(eb.ref('dirty')).end(),
        }))
        .where('id', '=', list.id)
        .execute();
    }
  }
  return pending.length;
}

async function minedReceipt(writer: LedgerWriter, txHash: string) {
  const deadline = Date.now() + RECEIPT_WAIT_MS;
  let mined = await writer.receipt(txHash);
  while (!mined && Date.now() < deadline) {
    await sleep(100);
    mined = await writer.receipt(txHash);
  }
  if (mined?.status !== 1) throw new LedgerWriteError(`transaction ${txHash} did not succeed`);
  return mined;
}
