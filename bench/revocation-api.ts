import { nodeJoseSigner } from '../core/jose/signer.ts';
import { CurrentSigningKey, revokeMany, StatusLists } from '../issuer/index.ts';
import { startIssuerLedger } from '../test/support/issuer-ledger.ts';
import { freshKeyPair } from '../test/support/keys.ts';

const DID = 'did:web:college.example';

/**
 * Gas per credential of the issuer's own batch revocation (`POST /credentials/revoke`'s code: the
 * issuer's revokeMany with its status lists, on a real SQLite file and the local node), for each of
 * `sizes`: up to REVOCATION_BY_HASH_MAX per hash and bits, beyond it bits only. Each size revokes
 * credentials of one fresh list (one issuer's credentials, issued together), a first commitment.
 */
export async function apiPathGas(sizes: number[]): Promise<Map<number, { gas: number; transactions: number }>> {
  const ledger = await startIssuerLedger();
  try {
    const signingKey = new CurrentSigningKey({
      did: DID,
      kid: `${DID}#key-1`,
      joseSigner: nodeJoseSigner(freshKeyPair('ed25519').privateKey, `${DID}#key-1`),
    });
    const measured = new Map<number, { gas: number; transactions: number }>();
    for (const n of sizes) {
      const lists = new StatusLists(ledger.db, ledger.writer, signingKey, 'vc-jose-2.0', `https://bench-${n}.example`);
      const ids: string[] = [];
      const listIds = new Set<string>();
      for (let i = 0; i < n; i += 1) {
        const { id } = await ledger.storeCredential();
        const { listId, index } = await lists.allocate();
        await ledger.db
          .updateTable('credentials')
          .set({ status_list_id: listId, status_list_index: index })
          .where('id', '=', id)
          .execute();
        ids.push(id);
        listIds.add(listId);
      }
      const { outcomes, byBits } = await revokeMany(ledger.db, ledger.writer, new Set(), ids, 'fraud', lists);
      const sent = new Set(
        outcomes.flatMap((o) => (o.outcome === 'revoked' && o.transactionHash ? [o.transactionHash] : [])),
      );
      if (sent.size === 0 || outcomes.some((o) => o.outcome !== 'revoked'))
        throw new Error('the bench revocation failed');
      // As the issuer's batch revocation does next: the bits of those revoked per hash, committed.
      if (byBits.size === 0) {
        await lists.revoked(ids);
        for (const list of await lists.committed([...listIds])) sent.add(list.published_tx!);
      }
      let gas = 0;
      for (const hash of sent) gas += Number((await ledger.writer.provider.getTransactionReceipt(hash))!.gasUsed);
      measured.set(n, { gas, transactions: sent.size });
    }
    return measured;
  } finally {
    await ledger.stop();
  }
}
