import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuerLedger, startIssuerLedger } from '../test/support/issuer-ledger.ts';
import { watchRevocations } from './revocation-watch.ts';

/**
 * Revocations read back from a real local chain: one the chain loses (anvil's evm_revert drops its
 * block, as a node restarted from an older state does) is sent again; one that stays is final after
 * enough confirmations and time (an injected clock).
 */
describe('revocations lost with their block', () => {
  let ledger: IssuerLedger;
  const log: string[] = [];
  const rule = { confirmations: 2, delayMs: 10_000 };

  beforeAll(async () => {
    ledger = await startIssuerLedger();
  });

  afterAll(async () => {
    await ledger?.stop();
  });

  /** Revokes on the ledger and records it as the issuer's revoke endpoint does. */
  async function revoke(): Promise<{ id: string; hash: string }> {
    const { id, hash } = await ledger.storeCredential();
    const mined = await ledger.writer.send('revoke', [hash, 2]);
    const revokedAt = (await ledger.writer.blockTime(mined.blockNumber)).toISOString();
    await ledger.db
      .updateTable('credentials')
      .set({ status: 'revoked', revoked_at: revokedAt, revocation_reason: 2, revocation_tx: mined.hash })
      .where('id', '=', id)
      .execute();
    return { id, hash };
  }

  const revokedOnChain = async (hash: string) => {
    const institutionId = await ledger.writer.registry.institutionOfSigner(ledger.writer.address);
    return (await ledger.writer.registry.revocation(institutionId, hash)).revokedAt !== 0;
  };
  const watchedTx = async (id: string) =>
    (await ledger.db.selectFrom('credentials').select('revocation_tx').where('id', '=', id).executeTakeFirstOrThrow())
      .revocation_tx;

  it('revokes again when the chain lost the revocation', async () => {
    const snapshot = await ledger.rpc('evm_snapshot');
    const { id, hash } = await revoke();
    await ledger.rpc('evm_revert', [snapshot]);
    expect(await revokedOnChain(hash)).toBe(false);

    await watchRevocations(ledger.db, ledger.writer, rule, new Date(), (m) => log.push(m));
    expect(await revokedOnChain(hash)).toBe(true);
    expect(log.join('\n')).toContain(`no longer had the revocation of credential ${id}`);
    // Same nonce, same call: the new transaction may well be byte for byte the lost one.
    expect((await ledger.writer.receipt((await watchedTx(id))!))?.status).toBe(1);
  });

  it('stops reading a revocation back once it has its confirmations and is old enough', async () => {
    const { id } = await revoke();
    const minedAt = Date.parse(
      (await ledger.db.selectFrom('credentials').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow())
        .revoked_at!,
    );
    const watch = (at: number) => watchRevocations(ledger.db, ledger.writer, rule, new Date(at), (m) => log.push(m));

    await watch(minedAt + 60_000);
    expect(await watchedTx(id)).not.toBeNull(); // one confirmation of two
    await ledger.rpc('evm_mine');
    await watch(minedAt + 5_000);
    expect(await watchedTx(id)).not.toBeNull(); // not old enough
    await watch(minedAt + 10_000);
    expect(await watchedTx(id)).toBeNull();
  });
});
