import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalAccreditation, ensureLocalDeployment } from '../contracts/deployment.ts';
import { connectProvider } from '../contracts/provider.ts';
import { credentialHash } from '../core/credential-hash.ts';
import { openDatabase } from '../core/db.ts';
import { startTestChain, type TestChain } from '../test/support/local-chain.ts';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { AnchoringWorker } from './anchoring.ts';
import { batchTree } from './batch-tree.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
import { LedgerWriter } from './ledger-writer.ts';
import { ProcessLocks } from './process-locks.ts';

/**
 * Two anchoring workers on one PostgreSQL schema, each with its own connection pool, ledger writer
 * and locks, as two issuer processes have them, polling as fast as they can while both also send
 * revocations from the same ledger account: every credential ends up in exactly one batch, every
 * batch's root is on chain once, and no transaction of the account is lost to a nonce taken twice.
 */
const { url: BASE_URL, skip, title } = await postgresSuite('two anchoring workers sharing it');

const CREDENTIALS = 230;

describe.skipIf(skip)(title, () => {
  let chain: TestChain;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let registry: string;
  let wallet: Wallet;
  const processes: { db: IssuerDb; writer: LedgerWriter; worker: AnchoringWorker }[] = [];

  beforeAll(async () => {
    chain = await startTestChain();
    const deployment = await ensureLocalDeployment(chain.provider, chain.dataDir);
    registry = deployment.registry;
    wallet = Wallet.createRandom() as unknown as Wallet;
    await ensureLocalAccreditation(chain.provider, deployment, {
      address: wallet.address,
      did: 'did:web:college.example',
      name: 'College',
    });
    schema = await freshSchema(BASE_URL);
    for (let i = 0; i < 2; i++) {
      const { db, dialect } = await openDatabase<IssuerTables>({
        databaseUrl: schema.databaseUrl,
        dataDir: chain.dataDir,
        name: 'issuer',
        migrations: issuerMigrations,
      });
      const locks = new ProcessLocks(db, dialect);
      const provider = connectProvider(chain.rpcUrl, chain.node.chainId);
      const writer = new LedgerWriter(provider, wallet.connect(provider), registry, (work) =>
        locks.holding('ledger account', work),
      );
      const worker = new AnchoringWorker(db, writer, {
        maxBatchSize: 50,
        maxWaitMs: 0,
        pollMs: 1,
        finalityDelayMs: 0,
        locks,
        log: () => undefined,
      });
      processes.push({ db, writer, worker });
    }
  });

  afterAll(async () => {
    for (const { worker, db, writer } of processes) {
      await worker.stop();
      await db.destroy();
      writer.provider.destroy();
    }
    await schema?.drop();
    await chain?.stop();
  });

  it('anchors each credential exactly once and sends every transaction of the account', async () => {
    const [first, second] = processes;
    const credentials = Array.from({ length: CREDENTIALS }, () => {
      const id = randomUUID();
      return {
        id,
        credential_hash: credentialHash(`jwt-${id}`),
        subject_did: null,
        learner_reference: id,
        qualification_title: 'Electrician',
        issued_at: new Date().toISOString(),
        status: 'pending' as const,
        batch_root: null,
        claim_code_hash: `0x${randomBytes(32).toString('hex')}`,
        claim_code_issued_at: null,
        revoked_at: null,
        revocation_reason: null,
        revocation_tx: null,
      };
    });
    // Both workers at once, while credentials keep coming (batches of every size close) and both
    // send revocations.
    for (const p of processes) p.worker.start();
    const revocations = processes.flatMap(({ writer }) =>
      Array.from({ length: 4 }, () => writer.send('revoke', [`0x${randomBytes(32).toString('hex')}`, 1])),
    );
    for (let i = 0; i < CREDENTIALS; i += 10)
      await processes[(i / 10) % 2]!.db.insertInto('credentials')
        .values(credentials.slice(i, i + 10))
        .execute();
    const sent = await Promise.allSettled(revocations);
    expect(sent.filter((r) => r.status === 'rejected')).toEqual([]);

    const { db } = second!;
    for (let waited = 0; ; waited += 50) {
      const open = await db
        .selectFrom('credentials')
        .select('id')
        .where('status', '<>', 'anchored')
        .union(db.selectFrom('batches').select('merkle_root as id').where('state', 'in', ['open', 'sent']))
        .execute();
      if (open.length === 0) break;
      if (waited > 30_000) throw new Error(`${open.length} credentials or batches still not anchored`);
      await sleep(50);
    }

    const batches = await db.selectFrom('batches').select(['merkle_root', 'size']).execute();
    let inBatches = 0;
    for (const batch of batches) {
      const members = await db
        .selectFrom('credentials')
        .select('credential_hash')
        .where('batch_root', '=', batch.merkle_root)
        .execute();
      expect(members).toHaveLength(batch.size);
      expect(`0x${batchTree(members.map((m) => m.credential_hash)).root.toString('hex')}`).toBe(batch.merkle_root);
      inBatches += members.length;
    }
    expect(inBatches).toBe(CREDENTIALS);
    const contract = first!.writer.registry.contract;
    const onChain = (await contract.queryFilter(contract.filters.RootAnchored!(), 0)).map(
      (e) => (e as unknown as { args: { root: string; batchSize: bigint } }).args,
    );
    expect(onChain.map((r) => r.root).sort()).toEqual(batches.map((b) => b.merkle_root).sort());
    expect(onChain.reduce((sum, r) => sum + Number(r.batchSize), 0)).toBe(CREDENTIALS);
  });
});
