import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { qualificationRequest, type RunningSystem, startSystem } from '../test/support/system.ts';
import { inMemoryVeramo } from '../test/support/veramo.ts';
import { rate, report } from './report.ts';

const ROWS = 10_000;
const COLUMNS =
  'learnerReference,name,qualificationTitle,qualificationCode,levelFramework,levelValue,occupationCode,occupationTitle,occupationFramework,competencies,awardedOn,educationLevel';

/** A registrar's term end: ROWS graduates, each a different learner, in one CSV. */
function cohortCsv(rows: number): string {
  const lines = [COLUMNS];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `BENCH-${i},Learner ${i},National Certificate in Electrical Installation,NC-ELEC-4,EQF,4,7411,Electrician,ISCO-08,Install low-voltage wiring; Test and inspect circuits,2026-06-30,upper secondary`,
    );
  return `${lines.join('\n')}\n`;
}

/** The peak resident memory (VmHWM) of a process, in MiB, from /proc. */
function peakMemoryMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : undefined;
}

async function adminJson<T>(system: RunningSystem, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${system.issuerUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${system.adminToken}`, ...init.headers },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Uploads the cohort and waits until every row is issued and anchored; rows per second, end to end. */
async function issueCohort(
  system: RunningSystem,
  csv: string,
): Promise<{ rowsPerSecond: number; issuedSeconds: number }> {
  const start = performance.now();
  const { id } = await adminJson<{ id: string }>(system, '/cohorts', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  let status: { status: string; issued: number };
  do {
    await sleep(50);
    status = await adminJson(system, `/cohorts/${id}`);
  } while (status.status === 'running');
  if (status.status !== 'done' || status.issued !== ROWS) throw new Error(`cohort ended ${JSON.stringify(status)}`);
  const issuedSeconds = (performance.now() - start) / 1000;
  let anchoring: { pendingCredentials: number; batchesInFlight: number };
  do {
    await sleep(50);
    anchoring = await adminJson(system, '/anchoring');
  } while (anchoring.pendingCredentials > 0 || anchoring.batchesInFlight > 0);
  return { rowsPerSecond: ROWS / ((performance.now() - start) / 1000), issuedSeconds };
}

/** Veramo's own issuance in this process: createVerifiableCredential, JWT, Ed25519 did:key. */
async function veramoRate(): Promise<number> {
  const agent = inMemoryVeramo();
  const issuer = await agent.didManagerCreate({ provider: 'did:key', options: { keyType: 'Ed25519' } });
  const example = qualificationRequest({}).credential;
  let n = 0;
  return rate(async () => {
    n++;
    await agent.createVerifiableCredential({
      credential: {
        issuer: { id: issuer.did },
        type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: { ...example.credentialSubject, learnerReference: `BENCH-${n}`, name: `Learner ${n}` },
      },
      proofFormat: 'jwt',
    });
  }, 3000);
}

async function onSystem(label: string, env: Record<string, string>, csv: string, veramo: number) {
  const system = await startSystem({ env });
  try {
    const { rowsPerSecond, issuedSeconds } = await issueCohort(system, csv);
    return {
      database: label,
      rows: ROWS,
      'issued (s)': issuedSeconds.toFixed(1),
      'rows/s, end to end': rowsPerSecond.toFixed(0),
      'Veramo signs/s': veramo.toFixed(0),
      'ratio to Veramo': (rowsPerSecond / veramo).toFixed(2),
      'peak memory (MiB)': peakMemoryMiB(system.pid()) ?? 'unknown',
    };
  } finally {
    await system.destroy();
  }
}

/**
 * `npm run bench issue`: a 10,000-row CSV validated, signed, stored and anchored end to end through
 * the issuer's HTTP API (POST /cohorts, then until GET /anchoring has nothing pending), against
 * Veramo's createVerifiableCredential measured in this process in the same run, on SQLite and, when
 * it is reachable, PostgreSQL.
 */
export async function issueBench(): Promise<void> {
  const csv = cohortCsv(ROWS);
  const veramo = await veramoRate();
  const rows = [await onSystem('SQLite', {}, csv, veramo)];
  const postgres = await postgresSuite('the issuance benchmark');
  const notes = [
    'End to end: upload, every row checked, signed (Ed25519, VC-JWT), stored with its claim code, and anchored (Merkle batches of ANCHOR_BATCH_SIZE) on the local ledger.',
    'Veramo only signs, in this process, with nothing stored or anchored: the ratio is a floor on what the issuer adds per row.',
    'Peak memory: VmHWM of the process npm start runs in (launcher and issuer; the verifier and ledger are other processes).',
  ];
  if (postgres.skip) notes.push(postgres.title);
  else {
    const schema = await freshSchema(postgres.url);
    try {
      rows.push(await onSystem('PostgreSQL', { DATABASE_URL: schema.databaseUrl }, csv, veramo));
    } finally {
      await schema.drop();
    }
  }
  report('issue', `Issuing a ${ROWS.toLocaleString('en')}-row cohort, end to end`, rows, notes);
}
