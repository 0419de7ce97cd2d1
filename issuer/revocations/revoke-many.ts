import { setTimeout as sleep } from 'node:timers/promises';
import { isLedgerUnreachable } from '../../contracts/provider.ts';
import { RevocationReason, type RevocationReasonName } from '../../contracts/revocation-reason.ts';
import { failpoint } from '../../core/failpoint.ts';
import { SHORT_ID } from '../../core/short-id.ts';
import type { IssuerDb } from '../db-schema.ts';
import { LedgerWriteError, type LedgerWriter } from '../ledger-writer.ts';
import { idsOfShortId } from '../short-id-lookup.ts';
import type { StatusLists } from '../status-lists/status-lists.ts';
import type { RevocationOutcome } from './outcome.ts';
import { REVOCATION_BY_HASH_MAX, revokeByBits } from './revoke-by-bits.ts';

/** The most ids one request may name (the request body is then about 400 KB). */
export const MAX_IDS_PER_REQUEST = 10_000;
/**
 * Hashes per revokeMany transaction. Measured on the local node: about 25,000 gas a hash (a new
 * storage slot, an event, its calldata) above 23,000 for the transaction, and the issuer refuses
 * to send any transaction estimated above 2,000,000 gas (issuer/ledger-writer.ts), so 64 hashes
 * (about 1.6 M gas) leave a margin for a busier contract state.
 */
export const HASHES_PER_TRANSACTION = 64;
/** Ids read from the database per query: an IN list of this many stays far within every limit. */
const READ_PAGE = 500;
/** Ledger reads in flight at once while repairing a chunk from the chain. */
const READS_AT_ONCE = 16;
const RECEIPT_WAIT_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Candidate {
  id: string;
  hash: string;
  /** Its status list; null for a credential issued before status lists. */
  listId: string | null;
}

const reasonNameOf = (code: number): RevocationReasonName =>
  (Object.keys(RevocationReason) as RevocationReasonName[]).find((k) => RevocationReason[k] === code) ?? 'unspecified';

/**
 * Revokes many credentials with the registry's revokeMany, a chunk of hashes per transaction.
 * The guarantee of a single revocation holds for each credential: it is recorded as revoked only
 * once the ledger has its revocation (the transaction mined, or already there after a crash
 * between the ledger and the database, when the record is repaired from the chain), and nothing is
 * revoked twice (the contract refuses it; a chunk it refuses for that is repaired and sent again
 * without those). `inProgress` holds the ids being revoked by any request of this process.
 * A mass revocation (more than REVOCATION_BY_HASH_MAX credentials carrying a status entry) revokes
 * those by their bits only (./revoke-by-bits.ts); `byBits` names them, whose bits are already
 * committed, so that only the others' bits are left to set.
 */
export async function revokeMany(
  db: IssuerDb,
  writer: LedgerWriter,
  inProgress: Set<string>,
  ids: readonly string[],
  reason: RevocationReasonName,
  statusLists?: StatusLists,
): Promise<{ outcomes: RevocationOutcome[]; byBits: Set<string> }> {
  const outcomes = new Map<number, RevocationOutcome>();
  const firstIndex = new Map<string, number>();
  for (const [index, raw] of ids.entries()) {
    let id = raw.toLowerCase();
    // A short id, as a clerk reads it off a certificate: its credential, if it is the only one.
    if (SHORT_ID.test(id)) {
      const found = await idsOfShortId(db, id);
      if (found.length > 1) {
        outcomes.set(index, {
          id: raw,
          outcome: 'failed',
          error: `More than one credential has the short id ${raw}: give the full id.`,
        });
        continue;
      }
      if (found.length === 1) id = found[0]!;
    }
    if (firstIndex.has(id)) outcomes.set(index, { id, outcome: 'duplicate' });
    else if (!UUID.test(id)) outcomes.set(index, { id: raw, outcome: 'unknown' });
    else firstIndex.set(id, index);
  }
  const candidates: Candidate[] = [];
  const wanted = [...firstIndex.keys()];
  for (let i = 0; i < wanted.length; i += READ_PAGE) {
    const page = wanted.slice(i, i + READ_PAGE);
    const rows = await db
      .selectFrom('credentials')
      .select(['id', 'credential_hash', 'status', 'revoked_at', 'status_list_id'])
      .where('id', 'in', page)
      .execute();
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const id of page) {
      const row = found.get(id);
      const index = firstIndex.get(id)!;
      if (!row) outcomes.set(index, { id, outcome: 'unknown' });
      else if (row.status === 'revoked')
        outcomes.set(index, { id, outcome: 'alreadyRevoked', revokedAt: row.revoked_at! });
      else if (inProgress.has(id))
        outcomes.set(index, { id, outcome: 'failed', error: 'It is being revoked by another request.' });
      else candidates.push({ id, hash: row.credential_hash, listId: row.status_list_id });
    }
  }
  const withEntry = candidates.flatMap((c) => (c.listId ? [{ id: c.id, listId: c.listId }] : []));
  const byBits = new Set(statusLists && withEntry.length > REVOCATION_BY_HASH_MAX ? withEntry.map((c) => c.id) : []);
  const byHash = candidates.filter((c) => !byBits.has(c.id));
  for (const { id } of candidates) inProgress.add(id);
  try {
    if (byBits.size > 0)
      for (const result of await revokeByBits(db, statusLists!, withEntry, reason))
        outcomes.set(firstIndex.get(result.id)!, result);
    let stopped: string | undefined;
    for (let i = 0; i < byHash.length; i += HASHES_PER_TRANSACTION) {
      const chunk = byHash.slice(i, i + HASHES_PER_TRANSACTION);
      let results: RevocationOutcome[];
      try {
        if (stopped) throw new LedgerWriteError(stopped);
        results = await revokeChunk(db, writer, chunk, reason);
      } catch (error) {
        const why = failureOf(error);
        if (isLedgerUnreachable(error)) stopped = why; // the next chunks would only wait for it again
        results = chunk.map(({ id }) => ({ id, outcome: 'failed', error: stopped ?? why }));
      }
      for (const result of results) outcomes.set(firstIndex.get(result.id)!, result);
    }
  } finally {
    for (const { id } of candidates) inProgress.delete(id);
  }
  return { outcomes: ids.map((_, index) => outcomes.get(index)!), byBits };
}

/** Why a chunk was not revoked, in words; anything but the ledger failing is a bug and is thrown on. */
function failureOf(error: unknown): string {
  if (isLedgerUnreachable(error)) return 'The ledger did not answer; try again in a moment (repeating it is safe).';
  if (error instanceof LedgerWriteError) return `The ledger refused or did not confirm it: ${error.message}`;
  throw error;
}

/** One chunk: repaired from the chain for the hashes it already holds, the rest in one transaction. */
async function revokeChunk(
  db: IssuerDb,
  writer: LedgerWriter,
  chunk: Candidate[],
  reason: RevocationReasonName,
): Promise<RevocationOutcome[]> {
  let signed: { signedTx: string; txHash: string };
  let toSend = chunk;
  const repaired: RevocationOutcome[] = [];
  try {
    signed = await writer.signAndBroadcast('revokeMany', [toSend.map((c) => c.hash), RevocationReason[reason]]);
  } catch (error) {
    if (!(error instanceof LedgerWriteError) || !error.message.includes('AlreadyRevoked')) throw error;
    // A revocation that reached the ledger but not the database (a crash between them): record it from the chain.
    const onChain = await revocationsOnChain(writer, chunk);
    for (const [candidate, revocation] of onChain) {
      const revokedAt = new Date(revocation.revokedAt * 1000).toISOString();
      await record(db, [candidate.id], { revokedAt, reason: revocation.reason, transactionHash: null });
      repaired.push({ id: candidate.id, outcome: 'revoked', revokedAt, reason: reasonNameOf(revocation.reason) });
    }
    toSend = chunk.filter((c) => !onChain.has(c));
    if (toSend.length === 0) return repaired;
    signed = await writer.signAndBroadcast('revokeMany', [toSend.map((c) => c.hash), RevocationReason[reason]]);
  }
  const mined = await minedReceipt(writer, signed.txHash);
  const revokedAt = (await writer.blockTime(mined.blockNumber)).toISOString();
  failpoint('revoke-many:after-ledger');
  await record(
    db,
    toSend.map((c) => c.id),
    { revokedAt, reason: RevocationReason[reason], transactionHash: mined.hash },
  );
  return [
    ...repaired,
    ...toSend.map(({ id }) => ({
      id,
      outcome: 'revoked' as const,
      revokedAt,
      reason,
      transactionHash: mined.hash,
    })),
  ];
}

/** The chunk's credentials whose revocation the ledger already holds, with it. */
async function revocationsOnChain(
  writer: LedgerWriter,
  chunk: Candidate[],
): Promise<Map<Candidate, { revokedAt: number; reason: number }>> {
  const institutionId = await writer.registry.institutionOfSigner(writer.address);
  const found = new Map<Candidate, { revokedAt: number; reason: number }>();
  for (let i = 0; i < chunk.length; i += READS_AT_ONCE) {
    const slice = chunk.slice(i, i + READS_AT_ONCE);
    const revocations = await Promise.all(slice.map((c) => writer.registry.revocation(institutionId, c.hash)));
    slice.forEach((candidate, k) => {
      if (revocations[k]!.revokedAt !== 0) found.set(candidate, revocations[k]!);
    });
  }
  return found;
}

/**
 * Records revocations the ledger holds; the transaction is kept so that the chain is read back until
 * it is final (issuer/revocation-watch.ts), as for a single revocation.
 */
async function record(
  db: IssuerDb,
  ids: string[],
  revocation: { revokedAt: string; reason: number; transactionHash: string | null },
): Promise<void> {
  await db
    .updateTable('credentials')
    .set({
      status: 'revoked',
      revoked_at: revocation.revokedAt,
      revocation_reason: revocation.reason,
      revocation_tx: revocation.transactionHash,
    })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Asks for the receipt until it is there, as LedgerWriter does for its own sends (a node that
 * mines on demand makes no further block to wait for).
 */
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
