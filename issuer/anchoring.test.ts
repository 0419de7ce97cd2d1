import { setTimeout as sleep } from 'node:timers/promises';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentialHash } from '../core/credential-hash.ts';
import { proofLeadsToRoot } from '../core/receipt.ts';
import { type IssuerLedger, startIssuerLedger } from '../test/support/issuer-ledger.ts';
import { AnchoringWorker } from './anchoring.ts';
import type { IssuerDb } from './db-schema.ts';
import type { LedgerWriter } from './ledger-writer.ts';
import { receiptOf } from './receipts.ts';

/**
 * The anchoring worker against a real local chain and a real SQLite file: finality after
 * confirmations and time (an injected clock), and a root that the chain loses (anvil's
 * evm_revert drops the anchoring block, as a node restarted from an older state or a
 * reorganisation does) is anchored again with the same tree.
 */
describe('anchoring finality and lost roots', () => {
  let ledger: IssuerLedger;
  let db: IssuerDb;
  let writer: LedgerWriter;
  let log: string[];
  let worker: AnchoringWorker;
  const DELAY_MS = 10_000;
  const newWorker = (confirmations: number) =>
    new AnchoringWorker(db, writer, {
      maxBatchSize: 3,
      maxWaitMs: 60_000,
      confirmations,
      finalityDelayMs: DELAY_MS,
      log: (m) => log.push(m),
    });

  beforeAll(async () => {
    ledger = await startIssuerLedger();
    ({ db, writer } = ledger);
  });

  afterAll(async () => {
    await ledger?.stop();
  });

  beforeEach(() => {
    log = [];
    worker = newWorker(1);
  });

  /** Stores three pending credentials and lets the worker batch and anchor them. */
  async function anchorBatch(now: Date): Promise<{ root: string; ids: string[] }> {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await ledger.storeCredential()).id);
    await worker.runOnce(now);
    const { batch_root } = await db
      .selectFrom('credentials')
      .select('batch_root')
      .where('id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    // anvil mines a sent transaction a moment after accepting it: on a loaded machine the worker's
    // first look can come before that. Wait until it is mined, then let the worker see it.
    const { tx_hash } = await batchOf(batch_root!);
    const deadline = Date.now() + 30_000;
    while (!(await writer.provider.getTransactionReceipt(tx_hash!)) && Date.now() < deadline) await sleep(20);
    await worker.runOnce(now);
    return { root: batch_root!, ids };
  }

  const batchOf = (root: string) =>
    db.selectFrom('batches').selectAll().where('merkle_root', '=', root).executeTakeFirstOrThrow();
  const statusesOf = async (ids: string[]) =>
    (await db.selectFrom('credentials').select('status').where('id', 'in', ids).execute()).map((r) => r.status);
  const rpc = (method: string, params: unknown[] = []) => ledger.rpc(method, params);
  const anchorOnChain = async (root: string) => (await writer.registry.anchorOf(root)).institutionId !== 0;

  async function receiptFor(id: string) {
    const row = await db
      .selectFrom('credentials')
      .innerJoin('credential_proofs', 'credential_proofs.credential_id', 'credentials.id')
      .select(['credentials.credential_hash', 'credentials.batch_root', 'credential_proofs.proof'])
      .where('credentials.id', '=', id)
      .executeTakeFirstOrThrow();
    return receiptOf(row, await batchOf(row.batch_root!), { chainId: 31337, registry: writer.registry.address });
  }

  it('hands receipts out after enough confirmations, and calls the batch final only once it is also old enough', async () => {
    worker = newWorker(2);
    const now = new Date();
    const { root, ids } = await anchorBatch(now);
    await worker.runOnce(now);
    expect((await batchOf(root)).state).toBe('sent'); // mined: one confirmation of two
    expect(await statusesOf(ids)).toEqual(['pending', 'pending', 'pending']);

    await rpc('evm_mine');
    await worker.runOnce(now);
    expect((await batchOf(root)).state).toBe('anchored');
    expect(await statusesOf(ids)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(proofLeadsToRoot(await receiptFor(ids[0]!), credentialHash(`jwt-${ids[0]}`))).toBe(true);

    const minedAt = Date.parse((await batchOf(root)).anchored_at!);
    const later = (ms: number) => new Date(minedAt + ms);
    await worker.watchAnchors(later(DELAY_MS - 1000));
    expect((await batchOf(root)).state).toBe('anchored'); // not old enough
    expect(await worker.status()).toMatchObject({ batchesAwaitingFinality: 1, batchesInFlight: 0 });

    await worker.watchAnchors(later(DELAY_MS));
    expect((await batchOf(root)).state).toBe('final');
    expect(await worker.status()).toMatchObject({ batchesAwaitingFinality: 0, reanchored: 0 });
    expect((await receiptFor(ids[1]!)).merkleRoot).toBe(root); // receipts still handed out
  });

  it('anchors a lost root again with the same transaction when its nonce is still free', async () => {
    const snapshot = await rpc('evm_snapshot');
    const { root, ids } = await anchorBatch(new Date());
    const before = await batchOf(root);
    const handedOut = await receiptFor(ids[0]!);
    await rpc('evm_revert', [snapshot]);
    expect(await anchorOnChain(root)).toBe(false);

    await worker.watchAnchors(new Date());
    expect(log.join('\n')).toMatch(/no longer has the root of a batch of 3 .*anchoring it again/);
    expect(await statusesOf(ids)).toEqual(['pending', 'pending', 'pending']);
    expect(await worker.status()).toMatchObject({ pendingCredentials: 3, batchesInFlight: 1, reanchored: 1 });

    await worker.runOnce(new Date()); // the stored transaction is sent again ...
    await worker.runOnce(new Date()); // ... and seen mined
    const after = await batchOf(root);
    expect(after).toMatchObject({ state: 'anchored', tx_hash: before.tx_hash, reanchor_count: 1 });
    expect(await anchorOnChain(root)).toBe(true);
    expect(await statusesOf(ids)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(await receiptFor(ids[0]!)).toEqual({
      ...handedOut,
      blockNumber: after.block_number,
      anchoredAt: after.anchored_at,
    });
  });

  it('signs a new transaction for a lost root when another transaction took its nonce', async () => {
    const snapshot = await rpc('evm_snapshot');
    const { root } = await anchorBatch(new Date());
    const before = await batchOf(root);
    await rpc('evm_revert', [snapshot]);
    await writer.transfer(Wallet.createRandom().address, 1n); // uses the nonce the lost transaction had

    await worker.watchAnchors(new Date());
    await worker.runOnce(new Date()); // the stored transaction can never be mined: the batch reopens
    await worker.runOnce(new Date()); // ... and is signed again
    const after = await batchOf(root);
    expect(after.state).toBe('anchored');
    expect(after.tx_hash).not.toBe(before.tx_hash);
    expect(await anchorOnChain(root)).toBe(true);
  });

  it('records where a root that came back by itself now is, without anchoring it twice', async () => {
    const snapshot = await rpc('evm_snapshot');
    const { root } = await anchorBatch(new Date());
    const before = await batchOf(root);
    await rpc('evm_revert', [snapshot]);
    await rpc('evm_mine'); // the root comes back one block later, by another transaction
    const again = await writer.sign('anchor', [root, 3]);
    await writer.broadcast(again.signedTx);
    await ledger.chain.provider.waitForTransaction(again.txHash);

    await worker.watchAnchors(new Date());
    const after = await batchOf(root);
    expect(after).toMatchObject({ state: 'anchored', tx_hash: again.txHash, reanchor_count: 0 });
    expect(after.block_number).toBe(before.block_number! + 1);
    expect(log.join('\n')).toMatch(/moved from block \d+ to block \d+/);
  });

  it('treats RootAlreadyAnchored as success when the root is back before the batch is signed again', async () => {
    const snapshot = await rpc('evm_snapshot');
    const { root, ids } = await anchorBatch(new Date());
    await rpc('evm_revert', [snapshot]);
    await writer.transfer(Wallet.createRandom().address, 1n); // the stored transaction can no longer be mined
    await worker.watchAnchors(new Date());
    const again = await writer.sign('anchor', [root, 3]); // meanwhile the root comes back by itself
    await writer.broadcast(again.signedTx);
    await ledger.chain.provider.waitForTransaction(again.txHash);

    await worker.runOnce(new Date());
    await worker.runOnce(new Date());
    expect(await batchOf(root)).toMatchObject({ state: 'anchored', tx_hash: again.txHash });
    expect(await statusesOf(ids)).toEqual(['anchored', 'anchored', 'anchored']);
    const events = await writer.registry.contract.queryFilter(writer.registry.contract.filters.RootAnchored!(root));
    expect(events).toHaveLength(1);
  });
});
