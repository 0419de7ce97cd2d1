import { availableParallelism } from 'node:os';
import { openDatabase } from '../core/db.ts';
import { didKeyOfJwk } from '../core/did-key-encoding.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { statusListEntry } from '../core/status-list/entry.ts';
import {
  CredentialService,
  CurrentSigningKey,
  DEFAULT_ISSUING,
  type IssuerDb,
  type IssuerTables,
  issuerMigrations,
  type RowToSign,
  type SignedCredential,
  type SignedRow,
  SigningPool,
  signCredential,
} from '../issuer/index.ts';
import { COMPILED } from '../test/support/compiled.ts';
import { freshKeyPair } from '../test/support/keys.ts';
import { tempDir } from '../test/support/system.ts';
import { report } from './report.ts';
import { rowRequest } from './sign.ts';

const ROWS = 5000;
const MAX_BATCH = 500;
const WARM_UP = 3000;
/** Rows stored in one transaction, as a cohort job stores them (issuer/cohorts/jobs.ts). */
const PAGE = 500;
const ROUNDS = 3;

/** A cohort's rows as bench/issue.ts uploads them, each with a status list entry as long as a real one. */
function cohortRows(count: number): RowToSign[] {
  return Array.from({ length: count }, (_, i) => ({
    request: rowRequest(i),
    status: {
      entry: statusListEntry(`https://college.example/status-lists/${crypto.randomUUID()}`, i * 7),
      listId: crypto.randomUUID(),
      index: i * 7,
    },
  }));
}

function signingKey(): CurrentSigningKey {
  const pair = freshKeyPair('ed25519');
  const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  return new CurrentSigningKey({
    did,
    kid,
    joseSigner: nodeJoseSigner(pair.privateKey, kid),
    privateKey: pair.privateKey,
  });
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** What CredentialService.sign does for each row, on the main thread (the database-free part). */
async function inThread(key: CurrentSigningKey, rows: readonly RowToSign[], now: Date): Promise<number> {
  const start = performance.now();
  for (const row of rows)
    await signCredential(row.request, key.current(), now, DEFAULT_ISSUING, MAX_BATCH, () => row.status);
  return rows.length / seconds(start);
}

async function through(pool: SigningPool, rows: readonly RowToSign[], now: Date): Promise<number> {
  const start = performance.now();
  await pool.signRows(rows, now);
  return rows.length / seconds(start);
}

/** Seconds from a new pool to its first signed row: the thread's start, its modules loaded. */
async function startup(key: CurrentSigningKey, row: RowToSign): Promise<number> {
  const pool = new SigningPool({ signingKey: key, issuing: DEFAULT_ISSUING, maxBatchSize: MAX_BATCH, threads: 1 });
  const start = performance.now();
  await pool.signRows([row]);
  const took = seconds(start);
  await pool.close();
  return took;
}

/** A fresh issuer database (SQLite, durable commits as the issuer has them) and what stores credentials in it. */
async function storage(
  key: CurrentSigningKey,
): Promise<{ db: IssuerDb; store: (signed: SignedCredential[]) => Promise<void> }> {
  const { db } = await openDatabase<IssuerTables>({
    dataDir: tempDir('skillmark-bench-signing-pool-'),
    name: 'issuer',
    migrations: issuerMigrations,
  });
  // store() needs only the caller's transaction: no ledger is reached.
  const credentials = new CredentialService(db, key, undefined as never, { chainId: 0, registry: '' }, MAX_BATCH);
  return { db, store: (signed) => db.transaction().execute((trx) => credentials.store(trx, signed)) };
}

const signedOnly = (rows: SignedRow[]) => rows.flatMap((r) => ('signed' in r ? [r.signed] : []));

/** Signs a page, then stores it, page after page, all on the main thread: a cohort job today. */
async function signThenStore(key: CurrentSigningKey, rows: RowToSign[], now: Date): Promise<number> {
  const { db, store } = await storage(key);
  const start = performance.now();
  for (let at = 0; at < rows.length; at += PAGE) {
    const signed: SignedCredential[] = [];
    for (const row of rows.slice(at, at + PAGE))
      signed.push(await signCredential(row.request, key.current(), now, DEFAULT_ISSUING, MAX_BATCH, () => row.status));
    await store(signed);
  }
  const rate = rows.length / seconds(start);
  await db.destroy();
  return rate;
}

/** The pool signs the next page while the main thread stores this one. */
async function signWhileStoring(key: CurrentSigningKey, pool: SigningPool, rows: RowToSign[], now: Date) {
  const { db, store } = await storage(key);
  const start = performance.now();
  let next = pool.signRows(rows.slice(0, PAGE), now);
  for (let at = 0; at < rows.length; at += PAGE) {
    const page = await next;
    if (at + PAGE < rows.length) next = pool.signRows(rows.slice(at + PAGE, at + 2 * PAGE), now);
    await store(signedOnly(page));
  }
  const rate = rows.length / seconds(start);
  await db.destroy();
  return rate;
}

/**
 * `npm run bench signing-pool`: a cohort's rows checked and signed on the main thread (as
 * CredentialService.sign does today), then through the signing pool with 1 and 2 threads, in the
 * same run; and what starting a thread costs, from source (npm start, through tsx) and compiled.
 * Each way is warmed (the JIT needs a few thousand rows, in each thread) and measured in
 * alternating rounds, the best round kept: the machine's cores are shared with other work.
 */
export async function signingPoolBench(): Promise<void> {
  const key = signingKey();
  const rows = cohortRows(ROWS);
  const now = new Date();
  const options = { signingKey: key, issuing: DEFAULT_ISSUING, maxBatchSize: MAX_BATCH };
  const cold = new SigningPool({ ...options, threads: 1 });
  const coldRate = await through(cold, rows, now);
  await cold.close();
  const pools = [1, 2].map((threads) => new SigningPool({ ...options, threads }));
  const best = { main: 0, one: 0, two: 0, stored: 0, storedOne: 0, storedTwo: 0 };
  try {
    await inThread(key, rows.slice(0, WARM_UP), now);
    for (const pool of pools) await pool.signRows(rows.slice(0, WARM_UP), now);
    for (let round = 0; round < ROUNDS; round++) {
      best.main = Math.max(best.main, await inThread(key, rows, now));
      best.one = Math.max(best.one, await through(pools[0]!, rows, now));
      best.two = Math.max(best.two, await through(pools[1]!, rows, now));
      best.stored = Math.max(best.stored, await signThenStore(key, rows, now));
      best.storedOne = Math.max(best.storedOne, await signWhileStoring(key, pools[0]!, rows, now));
      best.storedTwo = Math.max(best.storedTwo, await signWhileStoring(key, pools[1]!, rows, now));
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  const fromSource = await startup(key, rows[0]!);
  process.env.SKILLMARK_SIGNING_WORKER_BUNDLE = COMPILED.signingWorker;
  const compiled = await startup(key, rows[0]!);
  delete process.env.SKILLMARK_SIGNING_WORKER_BUNDLE;
  const line = (how: string, perSecond: number, base = best.main) => ({
    how,
    'rows/s': Math.round(perSecond),
    'x main thread': (perSecond / base).toFixed(2),
  });
  report(
    'signing-pool',
    `Checking and signing ${ROWS} cohort rows (vc-jwt-1.1, Ed25519), rows per second`,
    [
      line('main thread (CredentialService.sign)', best.main),
      line('pool, 1 thread', best.one),
      line('pool, 2 threads', best.two),
      line('pool, 1 thread, cold (its start included)', coldRate),
      line(`signed then stored (SQLite, pages of ${PAGE}), main thread`, best.stored, best.stored),
      line('pool signs the next page while the main thread stores, 1 thread', best.storedOne, best.stored),
      line('pool signs the next page while the main thread stores, 2 threads', best.storedTwo, best.stored),
    ],
    [
      `a thread's start to its first signed row: ${fromSource.toFixed(2)} s from source (tsx), ${compiled.toFixed(2)} s compiled`,
      `warmed with ${WARM_UP} rows each way; best of ${ROUNDS} alternating rounds; ${availableParallelism()} cores`,
      'the last three: x the main thread signing then storing; the database rows as CredentialService.store writes them',
    ],
  );
}
