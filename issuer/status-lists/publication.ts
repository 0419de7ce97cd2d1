import { Bitstring } from '../../core/status-list/bitstring.ts';
import { bitstringCommitment, statusListKey } from '../../core/status-list/entry.ts';
import type { IssuerDb } from '../db-schema.ts';
import type { LedgerWriter } from '../ledger-writer.ts';

/**
 * Lists committed per transaction: a first commitment costs about 27,000 gas a list (a new
 * storage slot, an event, its calldata; measured by `npm run bench revocation`), so 30 (about
 * 850,000 gas) stay far under the issuer's 2,000,000 gas cap.
 */
export const LISTS_PER_TRANSACTION = 30;

/** The list's bits as the database has them now: a set bit for each revoked credential holding an index. */
export async function currentBits(db: IssuerDb, listId: string, size: number): Promise<Bitstring> {
  const revoked = await db
    .selectFrom('credentials')
    .select('status_list_index')
    .where('status_list_id', '=', listId)
    .where('status', '=', 'revoked')
    .execute();
  const bits = new Bitstring(size);
  for (const { status_list_index } of revoked) bits.set(status_list_index!);
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
    .select(['id', 'url', 'size', 'dirty', 'bits_only'])
    .where('dirty', '>', 0)
    .execute();
  for (let i = 0; i < pending.length; i += LISTS_PER_TRANSACTION) {
    const chunk = await Promise.all(
      pending
        .slice(i, i + LISTS_PER_TRANSACTION)
        .map(async (list) => ({ ...list, bits: await currentBits(db, list.id, list.size) })),
    );
    const keys = chunk.map((l) => statusListKey(l.url));
    const hashes = chunk.map((l) => bitstringCommitment(l.bits.bytes));
    // A list holding bits with no per-hash revocation is marked so on the ledger, with every
    // commitment (the contract writes the mark once): a commitment the chain lost and the watch
    // sends again carries it too.
    const mined = chunk.some((l) => l.bits_only)
      ? await writer.send('publishStatusListsBitsOnly', [keys, hashes, chunk.map((l) => l.bits_only === 1)])
      : await writer.send('publishStatusLists', [keys, hashes]);
    const publishedAt = (await writer.blockTime(mined.blockNumber)).toISOString();
    for (const list of chunk) {
      await db
        .updateTable('status_lists')
        .set((eb) => ({
          published_list: list.bits.encode(),
          published_version: eb('published_version', '+', 1),
          published_at: publishedAt,
          published_tx: mined.hash,
          dirty: eb.case().when('dirty', '=', list.dirty).then(0).else(eb.ref('dirty')).end(),
        }))
        .where('id', '=', list.id)
        .execute();
    }
  }
  return pending.length;
}
