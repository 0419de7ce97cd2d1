/**
 * Several issuer processes on one PostgreSQL database (docs/scaling.md): two real issuers (`npm
 * start`'s entry point each, with a data dir and ports of its own) on one fresh schema, one ledger
 * and one master key. A cohort is uploaded to A; while A issues it, B issues and revokes a
 * credential (its ledger transaction shares the account's nonces with A's anchoring); A is killed
 * with SIGKILL in the middle of the cohort; B takes the job over and finishes it. Every row is
 * issued exactly once, every credential is anchored exactly once, and the claim codes work at B.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseEther } from 'ethers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, Registry } from '../contracts/registry.ts';
import { batchTree } from '../issuer/batch-tree.ts';
import { readReply } from './support/http.ts';
import { freePort, startTestChain, type TestChain } from './support/local-chain.ts';
import { freshSchema, postgresSuite } from './support/postgres.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
} from './support/system.ts';

// Three pages of the issuing phase (issuer/cohorts/jobs.ts), so that A is killed between two.
const ROWS = 1500;
const { url: BASE_URL, skip, title } = await postgresSuite('two issuer processes sharing it');

const admin = (system: RunningSystem) => ({ authorization: `Bearer ${system.adminToken}` });

function cohortCsv(rows: number, prefix = 'M'): string {
  const lines = ['learnerReference,name,qualificationTitle,qualificationCode,occupationCode,occupationTitle,awardedOn'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `${prefix}-${i},Learner ${i},Welding Level 2,WLD-2,7212,Welder,2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
    );
  return lines.join('\n');
}

async function upload(system: RunningSystem, csv: string): Promise<string> {
  const uploaded = await fetch(`${system.issuerUrl}/cohorts`, {
    method: 'POST',
    headers: { ...admin(system), 'content-type': 'text/csv' },
    body: csv,
  }).then(readReply);
  expect(uploaded.status, uploaded.text).toBe(202);
  return uploaded.body.id;
}

async function cohortStatus(system: RunningSystem, id: string): Promise<any> {
  return (await fetch(`${system.issuerUrl}/cohorts/${id}`, { headers: admin(system) }).then(readReply)).body;
}

async function waitFor<T>(what: string, read: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe.skipIf(skip)(title, () => {
  let chain: TestChain;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let registry: string;
  let a: RunningSystem;
  let b: RunningSystem;
  let db: pg.Client;
  const query = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;

  beforeAll(async () => {
    chain = await startTestChain();
    schema = await freshSchema(BASE_URL);
    const authority = await chain.provider.getSigner(0);
    ({ address: registry } = await deployRegistry(authority, await authority.getAddress()));
    const env = {
      DATABASE_URL: schema.databaseUrl,
      LEDGER_RPC_URL: chain.rpcUrl,
      REGISTRY_ADDRESS: registry,
      // The test chain mines only when a transaction comes: one confirmation is all it gives.
      ANCHOR_CONFIRMATIONS: '1',
      SKILLMARK_MASTER_KEY: randomBytes(32).toString('hex'),
      ANCHOR_BATCH_SIZE: '100',
      ANCHOR_BATCH_WAIT_MS: '300',
    };
    // Behind one public address, as processes sharing a database are (their status lists name it): B's.
    const ports = async () => ({ ledger: await freePort(), issuer: await freePort(), verifier: await freePort() });
    const [portsA, portsB] = [await ports(), await ports()];
    const shared = { ...env, ISSUER_PUBLIC_URL: `http://127.0.0.1:${portsB.issuer}` };
    // Started at once on the new database: they create one institution between them.
    [a, b] = await Promise.all([
      startSystem({ env: shared, ports: portsA }),
      startSystem({ env: shared, ports: portsB }),
    ]);
    const institution = await (await fetch(`${a.issuerUrl}/institution`)).json();
    expect(await (await fetch(`${b.issuerUrl}/institution`)).json()).toEqual(institution);
    const asAuthority = new Registry(registry, authority).contract;
    await (
      await asAuthority.getFunction('accredit')(institution.ledgerAddress, institution.did, 'Two-Process College')
    ).wait();
    await (await authority.sendTransaction({ to: institution.ledgerAddress, value: parseEther('1') })).wait();
    db = new pg.Client({ connectionString: schema.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.destroy(), b?.destroy()]);
    await schema?.drop();
    await chain?.stop();
  });

  it('B takes over the cohort of A, killed with SIGKILL mid-way: every row issued once, every credential anchored once', async () => {
    const id = await upload(a, cohortCsv(ROWS));

    // Meanwhile B writes to the ledger from the same account as A's anchoring.
    const single = await issue(b, qualificationRequest({ learnerReference: 'single-at-b' }));
    expect(single.status).toBe(201);
    const revoked = await revokeCredential(b, single.body.credentialId, { reason: 'issuedInError' });
    expect(revoked.status, revoked.text).toBe(200);

    await waitFor(
      'A issues part of the cohort',
      () => cohortStatus(a, id),
      (s) => s.issued >= 500,
    );
    process.kill(Number(readFileSync(join(a.dataDir, 'skillmark.pid'), 'utf8')), 'SIGKILL');
    expect([137, 'SIGKILL']).toContain(await a.exited);
    const [atKill] = await query(
      `select count(*) filter (where state = 'issued')::int as issued, count(*)::int as rows from cohort_rows where cohort_id = $1`,
      [id],
    );
    expect(atKill.rows).toBe(ROWS);
    expect(atKill.issued).toBeLessThan(ROWS);

    const done = await waitFor(
      'B finishes the cohort',
      () => cohortStatus(b, id),
      (s) => s.status !== 'running',
    );
    expect(done).toMatchObject({ status: 'done', total: ROWS, issued: ROWS, alreadyIssued: 0, failed: 0 });
    expect(b.output()).toContain(`cohort ${id}: resuming (issuing)`);

    // Issued exactly once: one credential per row, one per key, none without its row.
    const [counts] = await query(
      `select count(*)::int as credentials, count(distinct learner_reference)::int as learners from credentials where learner_reference like 'M-%'`,
    );
    expect(counts).toEqual({ credentials: ROWS, learners: ROWS });
    const [keys] = await query(
      `select count(*)::int as keys, count(distinct credential_id)::int as credentials from cohort_keys where cohort_id = $1`,
      [id],
    );
    expect(keys).toEqual({ keys: ROWS, credentials: ROWS });
    const orphans = await query(
      `select c.id from credentials c left join cohort_rows r on r.credential_id = c.id where r.credential_id is null and c.learner_reference like 'M-%'`,
    );
    expect(orphans).toEqual([]);

    // Anchored exactly once: each credential in one batch, each batch its own root on chain once.
    await waitFor(
      'every credential anchored',
      async () => (await fetch(`${b.issuerUrl}/anchoring`, { headers: admin(b) })).json(),
      (s: any) => s.pendingCredentials === 0 && s.batchesInFlight === 0,
    );
    expect(
      await query(`select id from credentials where learner_reference like 'M-%' and status <> 'anchored'`),
    ).toEqual([]);
    const batches = await query(`select merkle_root, size from batches order by merkle_root`);
    for (const batch of batches) {
      const members = await query(`select credential_hash from credentials where batch_root = $1`, [batch.merkle_root]);
      expect(members).toHaveLength(batch.size);
      expect(`0x${batchTree(members.map((m) => m.credential_hash)).root.toString('hex')}`).toBe(batch.merkle_root);
    }
    const contract = new Registry(registry, chain.provider).contract;
    const onChain = (await contract.queryFilter(contract.filters.RootAnchored!(), 0)).map(
      (e) => (e as unknown as { args: { root: string; batchSize: bigint } }).args,
    );
    expect(onChain.map((r) => r.root).sort()).toEqual(batches.map((row) => row.merkle_root).sort());
    expect(onChain.map((r) => Number(r.batchSize)).sort()).toEqual(batches.map((row) => row.size).sort());
    const [inBatches] = await query(`select count(*)::int as count from credentials where batch_root is not null`);
    expect(onChain.reduce((sum, r) => sum + Number(r.batchSize), 0)).toBe(inBatches.count);

    // The claim codes work at B, for rows A issued and rows B issued.
    const csv = await fetch(`${b.issuerUrl}/cohorts/${id}/results.csv`, { headers: admin(b) }).then(readReply);
    const results = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(results.filter((r) => r.status !== 'issued' || !r.claimCode)).toEqual([]);
    for (const row of [results[0]!, results[ROWS - 1]!]) {
      expect(row.claimUrl!.startsWith(b.issuerUrl)).toBe(true);
      const bundle = await claimWhenAnchored(row.claimUrl!);
      const verified = await postJson(`${b.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
      expect(verified.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    }
  });

  it('works on a few jobs at a time, so that many cohorts at once do not take every database connection', async () => {
    // Each job holds a connection for its lock: twelve at once would take the pool's ten.
    const ids = await Promise.all(Array.from({ length: 12 }, (_, k) => upload(b, cohortCsv(2, `S${k}`))));
    for (const id of ids) {
      const done = await waitFor(
        `cohort ${id} finishes`,
        () => cohortStatus(b, id),
        (s) => s.status !== 'running',
      );
      expect(done).toMatchObject({ status: 'done', issued: 2 });
    }
  });
});
