/**
 * A cohort survives kill -9 of the issuer process: restarted on the same data dir, the job resumes
 * and every row ends up issued exactly once (no credential lost, none doubled), each with a claim
 * code that works, and every credential anchored exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { anchoringStatus, assertAnchoredExactlyOnce, waitUntilAllAnchored } from './support/anchoring.ts';
import { readReply } from './support/http.ts';
import { claimWhenAnchored, type RunningSystem, startSystem, tempDir } from './support/system.ts';

const admin = (system: RunningSystem) => ({ authorization: `Bearer ${system.adminToken}` });

function cohortCsv(rows: number): string {
  const lines = ['learnerReference,name,qualificationTitle,qualificationCode,occupationCode,occupationTitle,awardedOn'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `K-${i},Learner ${i},Welding Level 2,WLD-2,7212,Welder,2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
    );
  return lines.join('\n');
}

async function upload(system: RunningSystem, csv: string, query = ''): Promise<string> {
  const reply = await fetch(`${system.issuerUrl}/cohorts${query}`, {
    method: 'POST',
    headers: { ...admin(system), 'content-type': 'text/csv' },
    body: csv,
  }).then(readReply);
  expect(reply.status, reply.text).toBe(202);
  return reply.body.id;
}

async function statusOf(system: RunningSystem, id: string): Promise<any> {
  return (await fetch(`${system.issuerUrl}/cohorts/${id}`, { headers: admin(system) }).then(readReply)).body;
}

async function waitFor(system: RunningSystem, id: string, until: (status: any) => boolean): Promise<any> {
  for (let i = 0; i < 1200; i++) {
    const status = await statusOf(system, id);
    if (until(status)) return status;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`cohort ${id} did not get there:\n${system.output()}`);
}

/** The cohort's rows by state, read from the database file of the dead issuer. */
function rowStatesOnDisk(dataDir: string, id: string): Record<string, number> {
  const db = new SQLite(join(dataDir, 'issuer.sqlite'));
  try {
    const rows = db
      .prepare('select state, count(*) as count from cohort_rows where cohort_id = ? group by state')
      .all(id) as { state: string; count: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.count]));
  } finally {
    db.close();
  }
}

/** The credentials the issuer's database file holds: how many, for how many learners, how many anchored. */
function credentialsOf(dataDir: string): { count: number; learners: number; anchored?: number } {
  const db = new SQLite(join(dataDir, 'issuer.sqlite'));
  try {
    return db
      .prepare(
        `select count(*) as count, count(distinct learner_reference) as learners,
                sum(case when status = 'anchored' then 1 else 0 end) as anchored
         from credentials`,
      )
      .get() as { count: number; learners: number; anchored: number };
  } finally {
    db.close();
  }
}

/** After the restart: the job finishes with every row issued once, with working claim codes. */
async function expectEveryRowIssuedOnce(system: RunningSystem, id: string, rows: number): Promise<void> {
  const status = await waitFor(system, id, (s) => s.status !== 'running');
  expect(status).toMatchObject({ status: 'done', total: rows, issued: rows, alreadyIssued: 0, failed: 0 });
  expect(credentialsOf(system.dataDir)).toMatchObject({ count: rows, learners: rows });

  const csv = await fetch(`${system.issuerUrl}/cohorts/${id}/results.csv`, { headers: admin(system) }).then(readReply);
  const results = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(results).toHaveLength(rows);
  // results.csv leaves out a code that is not the credential's current one: every row has one.
  expect(results.filter((r) => r.status !== 'issued' || !r.claimCode)).toEqual([]);
  expect(new Set(results.map((r) => r.credentialId)).size).toBe(rows);
  await waitUntilAllAnchored(system);
  for (const row of results.slice(0, 3)) await claimWhenAnchored(row.claimUrl!);
}

describe('a cohort survives kill -9 of the issuer', () => {
  let system: RunningSystem | undefined;
  afterEach(async () => {
    await system?.destroy();
    system = undefined;
  });

  it('killed after checking and signing a page, before storing it (failpoint): the rows wait, and are issued on restart, once', async () => {
    const dataDir = tempDir('skillmark-cohort-crash-');
    const first = await startSystem({ dataDir, env: { SKILLMARK_FAILPOINT: 'cohort:before-store' } });
    system = first;
    const id = await upload(first, cohortCsv(12));
    expect([137, 'SIGKILL']).toContain(await first.exited);
    // The file was read into its rows; the page that checks and issues them is one transaction: none of it was stored.
    expect(rowStatesOnDisk(dataDir, id)).toEqual({ waiting: 12 });
    expect(credentialsOf(dataDir).count).toBe(0);

    system = await startSystem({ dataDir, ports: first.ports });
    await expectEveryRowIssuedOnce(system, id, 12);
    await assertAnchoredExactlyOnce(system, 12);
  }, 240_000);

  it('allOrNothing, killed after every row passed, before storing a page (failpoint): the rows wait signed, and are issued on restart, once', async () => {
    const dataDir = tempDir('skillmark-cohort-crash-');
    const first = await startSystem({ dataDir, env: { SKILLMARK_FAILPOINT: 'cohort:before-store' } });
    system = first;
    const id = await upload(first, cohortCsv(12), '?allOrNothing=true');
    expect([137, 'SIGKILL']).toContain(await first.exited);
    // Checked and stored with their signed credentials; the page that issues them was not stored.
    expect(rowStatesOnDisk(dataDir, id)).toEqual({ valid: 12 });
    expect(credentialsOf(dataDir).count).toBe(0);

    system = await startSystem({ dataDir, ports: first.ports });
    await expectEveryRowIssuedOnce(system, id, 12);
    await assertAnchoredExactlyOnce(system, 12);
  }, 240_000);

  it('killed with SIGKILL from outside in the middle of a 2,000-row cohort: it resumes on restart, nothing lost or doubled', async () => {
    const dataDir = tempDir('skillmark-cohort-crash-');
    const env = { ANCHOR_BATCH_SIZE: '500', ANCHOR_BATCH_WAIT_MS: '1000' };
    const first = await startSystem({ dataDir, env });
    system = first;
    // Large enough that the kill lands while pages of 500 are being checked and issued.
    const id = await upload(first, cohortCsv(2000));
    await waitFor(first, id, (s) => s.issued >= 100);
    // The issuer is the start script's process (its pid is the data dir's lock).
    process.kill(Number(readFileSync(join(dataDir, 'skillmark.pid'), 'utf8')), 'SIGKILL');
    await first.exited;
    const onDisk = rowStatesOnDisk(dataDir, id);
    expect(onDisk.issued).toBeGreaterThanOrEqual(100);
    expect(onDisk.issued).toBeLessThan(2000);

    system = await startSystem({ dataDir, ports: first.ports, env });
    await expectEveryRowIssuedOnce(system, id, 2000);
    // (Anchored exactly once is checked in full on the 12 rows above: here, that every one is anchored.)
    expect(credentialsOf(dataDir).anchored).toBe(2000);
    expect((await anchoringStatus(system)).pendingCredentials).toBe(0);
  }, 240_000);
});
