import type { IssuerDb } from './db-schema.ts';
import { type FinalityRule, isFinal } from './finality.ts';
import { LedgerWriteError, type LedgerWriter } from './ledger-writer.ts';

/**
 * Reads the issuer's recent revocations back from the chain, as the anchoring worker does with
 * its anchors: a revocation lost with its block (a node restarted from an older state, a
 * reorganisation) is sent again, so that a credential the institution revoked cannot verify as
 * valid. A revocation is watched from the moment it is recorded until it is final.
 */
export async function watchRevocations(
  db: IssuerDb,
  writer: LedgerWriter,
  rule: FinalityRule,
  now: Date,
  log: (message: string) => void,
): Promise<void> {
  const watched = await db
    .selectFrom('credentials')
    .select(['id', 'credential_hash', 'revocation_reason', 'revocation_tx'])
    .where('revocation_tx', 'is not', null)
    .execute();
  if (watched.length === 0) return;
  const head = await writer.provider.getBlockNumber();
  const institutionId = await writer.registry.institutionOfSigner(writer.address);
  for (const row of watched) {
    const txHash = row.revocation_tx!;
    const receipt = await writer.receipt(txHash);
    if (receipt?.status === 1) {
      const minedAt = await writer.blockTime(receipt.blockNumber);
      if (isFinal(rule, { number: receipt.blockNumber, timeMs: minedAt.getTime() }, head, now)) {
        await db
          .updateTable('credentials')
          .set({ revocation_tx: null })
          .where('id', '=', row.id)
          .where('revocation_tx', '=', txHash)
          .execute();
      }
      continue;
    }
    if (await writer.provider.getTransaction(txHash)) continue; // back in the mempool: it may be mined again
    const contract = writer.registry.contract;
    if ((await writer.registry.revocation(institutionId, row.credential_hash)).revokedAt !== 0) {
      // Recorded on chain by another transaction (a reorganisation, the authority): watch that one.
      const events = await contract.queryFilter(
        contract.filters.CredentialRevoked!(institutionId, row.credential_hash),
      );
      const last = events.at(-1);
      if (last)
        await db
          .updateTable('credentials')
          .set({ revocation_tx: last.transactionHash })
          .where('id', '=', row.id)
          .execute();
      continue;
    }
    let mined;
    try {
      mined = await writer.send('revoke', [row.credential_hash, row.revocation_reason ?? 0]);
    } catch (error) {
      if (error instanceof LedgerWriteError && error.message.includes('AlreadyRevoked')) continue; // back by itself: seen next time
      throw error;
    }
    const revokedAt = (await writer.blockTime(mined.blockNumber)).toISOString();
    await db
      .updateTable('credentials')
      .set({ revocation_tx: mined.hash, revoked_at: revokedAt })
      .where('id', '=', row.id)
      .execute();
    log(
      `revocation: the ledger no longer had the revocation of credential ${row.id}; revoked it again in block ${mined.blockNumber}`,
    );
  }
}
