import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialHash } from '../core/credential-hash.ts';
import { openDatabase } from '../core/db.ts';
import { proofLeadsToRoot } from '../core/receipt.ts';
import { type IssuerLedger, startIssuerLedger } from '../test/support/issuer-ledger.ts';
import { freePort } from '../test/support/local-chain.ts';
import { tempDir } from '../test/support/system.ts';
import { type AnchoringOptions, AnchoringWorker } from './anchoring.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
import { LedgerWriter } from './ledger-writer.ts';
import { receiptOf } from './receipts.ts';

/**
 * The anchoring worker's batching and its loop, on a real local chain and a fresh SQLite file per
 * test: when a batch closes (size or age, by an injected clock), which credentials it takes, the
 * proofs it writes for a batch larger than one statement, what status() reports, and how the
 * loop reports a ledger it cannot reach.
 */
describe('anchoring worker', () => {
  let ledger: IssuerLedger;
  let dataDir: string;
  let db: IssuerDb;
  let log: string[];
  const T0 = Date.parse('2030-01-01T00:00:00.000Z');
  const at = (ms: number) => new Date(T0 + ms);
  /** For the loop, which reads the real clock: issued `ms` ago. */
  const ago = (ms: number) => Date.now() - ms - T0;

  beforeAll(async () => {
    ledger = await startIssuerLedger();
  });
  afterAll(async () => {
    await ledger?.stop();
  });
  beforeEach(async () => {
    log = [];
    dataDir = tempDir('skillmark-anchoring-worker-');
    db = (await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations })).db;
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const worker = (options: Partial<AnchoringOptions> = {}, writer = ledger.writer) =>
    new AnchoringWorker(db, writer, {
      maxBatchSize: 3,
      maxWaitMs: 60_000,
      finalityDelayMs: 0,
      log: (m) => log.push(m),
      ...options,
    });

  /** Pending credentials issued at the given times (ms after T0); their ids in that order. */
  async function store(...issuedAt: number[]): Promise<string[]> {
    const rows = issuedAt.map((ms) => {
      const id = randomUUID();
      return {
        id,
        credential_hash: credentialHash(`jwt-${id}`),
        subject_did: null,
        learner_reference: id,
        qualification_title: 'Electrician',
        issued_at: at(ms).toISOString(),
        status: 'pending' as const,
        batch_root: null,
        claim_code_hash: `0x${randomBytes(32).toString('hex')}`,
        claim_code_issued_at: null,
        revoked_at: null,
        revocation_reason: null,
        revocation_tx: null,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('credentials')
        .values(rows.slice(i, i + 100))
        .execute();
    return rows.map((r) => r.id);
  }
  /** The credentials' rows, each with its proof (null until anchored). */
  const rowsOf = (ids: string[]) =>
    db
      .selectFrom('credentials')
      .leftJoin('credential_proofs', 'credential_proofs.credential_id', 'credentials.id')
      .selectAll('credentials')
      .select('credential_proofs.proof')
      .where('credentials.id', 'in', ids)
      .execute();
  const batches = () => db.selectFrom('batches').selectAll().orderBy('created_at').execute();

  it('closes a batch as soon as maxBatchSize credentials wait, taking the oldest', async () => {
    const ids = await store(3000, 1000, 2000, 4000);
    await worker().runOnce(at(5000));
    const [batch] = await batches();
    expect(await batches()).toHaveLength(1);
    expect(batch).toMatchObject({ size: 3, state: 'anchored', created_at: at(5000).toISOString() });
    const rows = await rowsOf(ids);
    const inBatch = rows.filter((r) => r.batch_root === batch!.merkle_root).map((r) => r.id);
    expect(inBatch.sort()).toEqual([ids[0]!, ids[1]!, ids[2]!].sort());
    expect(rows.find((r) => r.id === ids[3])).toMatchObject({ status: 'pending', batch_root: null, proof: null });
  });

  it('closes a smaller batch only once its oldest credential has waited maxWaitMs', async () => {
    const ids = await store(0, 10_000);
    const anchoring = worker();
    await anchoring.runOnce(at(60_000 - 1));
    expect(await batches()).toEqual([]);
    await anchoring.runOnce(at(60_000));
    expect(await batches()).toMatchObject([{ size: 2 }]);
    // On a loaded machine the node may not report the receipt within the same pass: later passes finish it.
    for (let pass = 1; pass <= 20 && (await batches())[0]!.state !== 'anchored'; pass++) {
      await new Promise((wait) => setTimeout(wait, 100));
      await anchoring.runOnce(at(60_000 + pass));
    }
    expect(await batches()).toMatchObject([{ size: 2, state: 'anchored' }]);
    expect((await rowsOf(ids)).map((r) => r.status)).toEqual(['anchored', 'anchored']);
    await anchoring.runOnce(at(120_000));
    expect(await batches()).toHaveLength(1);
  });

  it('writes every credential of a batch larger than one statement (500) its own proof', async () => {
    const ids = await store(...Array.from({ length: 1001 }, (_, i) => i));
    await worker({ maxBatchSize: 1001 }).runOnce(at(2000));
    const [batch] = await batches();
    expect(batch).toMatchObject({ size: 1001, state: 'anchored' });
    const registry = { chainId: 31337, registry: ledger.writer.registry.address };
    const rows = await rowsOf(ids);
    expect(new Set(rows.map((r) => r.proof)).size).toBe(1001);
    for (const row of rows) {
      expect(row.status).toBe('anchored');
      expect(proofLeadsToRoot(receiptOf(row, batch!, registry), row.credential_hash), row.id).toBe(true);
    }
    expect(log.join('\n')).toMatch(/batch of 1001 anchored in block \d+ \(root 0x[0-9a-f]{10}…\)/);
  });

  it('status() counts what waits, what is in flight and awaiting finality, and when the last batch was anchored', async () => {
    const anchoring = worker({ confirmations: 2 });
    expect(await anchoring.status()).toEqual({
      pendingCredentials: 0,
      batchesInFlight: 0,
      batchesAwaitingFinality: 0,
      reanchored: 0,
      revocationsAwaitingFinality: 0,
    });
    await store(1000, 2000, 3000, 4000);
    expect(await anchoring.status()).toEqual({
      pendingCredentials: 4,
      oldestPendingSince: at(1000).toISOString(),
      batchesInFlight: 0,
      batchesAwaitingFinality: 0,
      reanchored: 0,
      revocationsAwaitingFinality: 0,
    });
    await anchoring.runOnce(at(5000)); // sent and mined: one confirmation of two
    expect(await anchoring.status()).toMatchObject({
      pendingCredentials: 4,
      oldestPendingSince: at(1000).toISOString(),
      batchesInFlight: 1,
      batchesAwaitingFinality: 0,
    });
    await ledger.rpc('evm_mine');
    await anchoring.runOnce(at(5000));
    const [first] = await batches();
    expect(await anchoring.status()).toEqual({
      pendingCredentials: 1,
      oldestPendingSince: at(4000).toISOString(),
      batchesInFlight: 0,
      batchesAwaitingFinality: 1,
      reanchored: 0,
      revocationsAwaitingFinality: 0,
      lastAnchoredAt: first!.anchored_at,
    });
    await anchoring.runOnce(at(70_000));
    await ledger.rpc('evm_mine');
    await anchoring.runOnce(at(70_000));
    const second = (await batches())[1]!;
    await ledger.rpc('evm_mine');
    await anchoring.watchAnchors(at(70_000));
    // Both final now; the last anchored is the later one.
    expect(await anchoring.status()).toEqual({
      pendingCredentials: 0,
      batchesInFlight: 0,
      batchesAwaitingFinality: 0,
      reanchored: 0,
      revocationsAwaitingFinality: 0,
      lastAnchoredAt: second.anchored_at,
    });
    expect(Date.parse(second.anchored_at!)).toBeGreaterThanOrEqual(Date.parse(first!.anchored_at!));
  });

  it('the loop anchors what waits, and stops when asked', async () => {
    const anchoring = worker({ maxWaitMs: 0, pollMs: 50 });
    const [id] = await store(ago(1000));
    anchoring.start();
    anchoring.start(); // a second start is ignored
    try {
      await vi.waitFor(async () => expect((await rowsOf([id!]))[0]!.status, log.join('\n')).toBe('anchored'), {
        timeout: 30_000,
        interval: 50,
      });
      expect((await anchoring.status()).lastError).toBeUndefined();
    } finally {
      await anchoring.stop();
    }
    expect(await batches()).toHaveLength(1);
  });

  it('the loop reports a ledger it cannot reach in status() and logs it once, not on every retry', async () => {
    // A node that is not there: nothing listens on this port of 127.0.0.1.
    const provider = new JsonRpcProvider(`http://127.0.0.1:${await freePort()}`, 31337, { staticNetwork: true });
    const anchoring = worker(
      { maxWaitMs: 0 },
      new LedgerWriter(
        provider,
        new Wallet(Wallet.createRandom().privateKey, provider),
        ledger.writer.registry.address,
      ),
    );
    await store(ago(1000));
    anchoring.start();
    try {
      await vi.waitFor(() => expect(log).toHaveLength(1), { timeout: 30_000, interval: 50 });
      const { lastError } = await anchoring.status();
      expect(lastError).toMatchObject({ attempts: expect.any(Number), at: expect.any(String) });
      expect(lastError!.message).not.toContain('\n');
      expect(log[0]).toBe(`anchoring: ${lastError!.message} (attempt 1, will retry)`);
      await vi.waitFor(async () => expect((await anchoring.status()).lastError!.attempts).toBeGreaterThanOrEqual(2), {
        timeout: 30_000,
        interval: 50,
      });
      expect(log).toHaveLength(1);
    } finally {
      await anchoring.stop();
      provider.destroy();
    }
  });

  // These two read the chain's own clock (finality is judged from block times), so they use the real one.
  it('a lost root is sent again as the same transaction, which the receipts already name', async () => {
    const snapshot = await ledger.rpc('evm_snapshot');
    const ids = await store(ago(3), ago(2), ago(1));
    const anchoring = worker({ finalityDelayMs: 3_600_000 }); // not final while this test runs
    await anchoring.runOnce(new Date());
    const [mined] = await batches();
    await ledger.rpc('evm_revert', [snapshot]);
    await anchoring.watchAnchors(new Date());
    expect((await batches())[0]).toMatchObject({
      state: 'sent',
      tx_hash: mined!.tx_hash,
      signed_tx: mined!.signed_tx,
      block_number: null,
      anchored_at: null,
      reanchor_count: 1,
    });
    expect((await rowsOf(ids)).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    await anchoring.runOnce(new Date());
    await anchoring.runOnce(new Date());
    expect((await batches())[0]).toMatchObject({ state: 'anchored', tx_hash: mined!.tx_hash });
  });

  it('a lost root last held by a transaction not of its own is signed anew', async () => {
    const beforeOurs = await ledger.rpc('evm_snapshot');
    await store(ago(3), ago(2), ago(1));
    const anchoring = worker({ finalityDelayMs: 3_600_000 }); // not final while this test runs
    await anchoring.runOnce(new Date());
    const [ours] = await batches();
    await ledger.rpc('evm_revert', [beforeOurs]);
    const beforeTheirs = await ledger.rpc('evm_snapshot');
    // The root comes back through another transaction (its nonce taken first, so not the same bytes); the worker records where.
    await ledger.writer.transfer(Wallet.createRandom().address, 1n);
    const theirs = await ledger.writer.sign('anchor', [ours!.merkle_root, 3]);
    await ledger.writer.broadcast(theirs.signedTx);
    await ledger.chain.provider.waitForTransaction(theirs.txHash);
    await anchoring.watchAnchors(new Date());
    expect((await batches())[0]).toMatchObject({
      state: 'anchored',
      tx_hash: theirs.txHash,
      signed_tx: ours!.signed_tx,
    });
    // Lost again: its stored bytes are not the transaction that held it, so nothing is resent.
    await ledger.rpc('evm_revert', [beforeTheirs]);
    await anchoring.watchAnchors(new Date());
    expect((await batches())[0]).toMatchObject({ state: 'open', signed_tx: null, tx_hash: null, reanchor_count: 1 });
    await anchoring.runOnce(new Date());
    await anchoring.runOnce(new Date());
    expect((await batches())[0]).toMatchObject({ state: 'anchored' });
  });
});
