import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setImmediate as turn } from 'node:timers/promises';
import type { SignedCredential } from '../credentials.ts';
import type { IssuerDb } from '../db-schema.ts';
import { LockLostError, type ProcessLocks } from '../process-locks.ts';
import type { SigningPool } from '../signing-pool/pool.ts';
import { problemOf } from '../signing-pool/sign-row.ts';
import type { CohortRow } from './columns.ts';
import { type CheckedRow, issueCheckedRows, issuePage, type RowIssuing, storeCheckedRows } from './issue-page.ts';
import { CohortFileError, type CohortFileKind, type ParsedRow, readCohortFile } from './parse.ts';
import { rowKeyOf } from './row-key.ts';
import type { CohortTables } from './schema.ts';
import { cohortStatus, MAX_LISTED_ERRORS } from './store.ts';
import { checkRow, issueRequestOfRow, type RowError, rowErrorsOfProblem } from './validate-row.ts';

export interface CohortJobsOptions extends RowIssuing {
  /** Checks and signs the pages of rows in worker threads while this thread stores the last page. */
  signingPool: Pick<SigningPool, 'signRows' | 'warm'>;
  /** One process at a time works on a job, among all that share the database. */
  locks: ProcessLocks;
  log?: (message: string) => void;
}

export interface DryRunResult {
  rows: number;
  valid: number;
  /** Valid rows whose learner already holds this credential (or that repeat an earlier row): they would not be issued again. */
  alreadyIssued: number;
  errors: RowError[];
  errorsNotListed?: number;
}

/**
 * Rows read from the file and stored in one transaction: 2,000 when they are only read (a few
 * hundred bytes each, a durable commit per 2,000), 500 when each is also checked and signed
 * (allOrNothing: a signed credential each, and the server waits while a chunk is signed).
 */
const READ_CHUNK = 2000;
const CHECK_CHUNK = 500;
/**
 * Rows stored at a time: one transaction each (issue-page.ts). Each durable commit costs a disk
 * flush; 500 rows a page made a 10,000-row cohort 30 % faster than 100 (npm run bench issue), and
 * a page still takes about a tenth of a second, which a claim or status request may wait.
 */
const ISSUE_PAGE = 500;

/** How long a job that met an unexpected error waits before it goes on. */
const RETRY_MS = 30_000;
/** Where processes share the database, how often each looks for jobs that no process works on. */
const ADOPT_MS = 2000;
/**
 * Where processes share the database, the jobs one process works on at once: each holds a
 * connection of the pool (10) for its lock as long as it runs. The others wait for a free turn here
 * or in another process.
 */
const MAX_SHARED_JOBS = 3;

class Stopped extends Error {}

/** A row as checked, for storing or issuing (issue-page.ts). */
function checkedRow(
  row: number,
  cells: string,
  values: CohortRow,
  checked: { errors: RowError[] } | { signed: SignedCredential },
): CheckedRow {
  if ('errors' in checked) return { row_number: row, cells, errors: checked.errors };
  // Signed once: this very credential is stored when the row is issued.
  const { issued, row: credential, document, statistics, terms } = checked.signed;
  return {
    row_number: row,
    cells,
    row_key: rowKeyOf(values),
    credential: { row: credential, document, statistics, terms },
    claimCode: issued.claimCode,
  };
}

/**
 * Cohort jobs, in two phases. `checking`: the uploaded file is read and its rows stored, a chunk
 * per transaction. `issuing`: the rows are checked, by signing each as it will be issued, and
 * issued a page per transaction. With allOrNothing, the rows are checked and signed as the file is
 * read instead, and issued only if none failed. Either way each credential is signed once.
 * Memory stays bounded: rows stream from the file and from the database in pages. A job
 * interrupted by a stop or a crash resumes where its stored state says when the issuer starts
 * again.
 *
 * Several processes on one PostgreSQL database (docs/scaling.md): a job is worked on while holding
 * its database lock, so by one process at a time; each process looks every few seconds for
 * unfinished jobs whose lock is free (their process died) and resumes them from their stored
 * state. The checking phase reads the uploaded file, which is on the disk of the process that
 * accepted it: only a process that can read it there takes over a job still checking. The issuing
 * phase needs only the database: any process takes it over.
 */
export class CohortJobs {
  readonly #running = new Map<string, Promise<void>>();
  /** Jobs that met an unexpected error here, waiting RETRY_MS before this process tries again. */
  readonly #retrying = new Set<string>();
  /** Jobs this process holds the lock of and works on now. */
  #working = 0;
  #stopped = false;
  #adopting: NodeJS.Timeout | undefined;
  readonly #log: (message: string) => void;

  constructor(private readonly options: CohortJobsOptions) {
    this.#log = options.log ?? ((m) => console.log(m));
  }

  /** A row's errors, or its credential signed as it will be issued. */
  async #checked(parsed: ParsedRow, forIssue: boolean): Promise<{ errors: RowError[] } | { signed: SignedCredential }> {
    // Signing and SQLite run synchronously: let the server answer between rows.
    await turn();
    if (parsed.problem) return { errors: [{ row: parsed.row, message: parsed.problem }] };
    return checkRow(parsed.row, parsed.values, this.options.credentials, forIssue);
  }

  /** Reads and checks every row, issuing nothing. */
  async dryRun(path: string, kind: CohortFileKind): Promise<DryRunResult> {
    const result: DryRunResult = { rows: 0, valid: 0, alreadyIssued: 0, errors: [] };
    let notListed = 0;
    // Keys of this file's valid rows: a repeated row would be issued once (32 bytes a row).
    const keys = new Set<string>();
    const note = (errors: RowError[]) => {
      if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(...errors);
      else notListed++;
    };
    try {
      for await (const parsed of readCohortFile(path, kind)) {
        result.rows++;
        const checked = await this.#checked(parsed, false);
        if ('errors' in checked) {
          note(checked.errors);
          continue;
        }
        result.valid++;
        const key = rowKeyOf(parsed.values);
        const known = await this.options.db
          .selectFrom('cohort_keys')
          .select('row_key')
          .where('row_key', '=', key)
          .executeTakeFirst();
        if (known || keys.has(key)) result.alreadyIssued++;
        keys.add(key);
      }
    } catch (error) {
      if (!(error instanceof CohortFileError)) throw error;
      note([{ row: error.row, ...(error.column ? { column: error.column as never } : {}), message: error.message }]);
    }
    return { ...result, ...(notListed > 0 ? { errorsNotListed: notListed } : {}) };
  }

  /** Starts a job on an uploaded file (which it takes over and deletes once read); returns its id. */
  async submit(path: string, kind: CohortFileKind, allOrNothing: boolean): Promise<string> {
    const id = randomUUID();
    await this.options.db
      .insertInto('cohorts')
      .values({
        id,
        state: 'checking',
        kind,
        upload_path: path,
        all_or_nothing: allOrNothing ? 1 : 0,
        total: null,
        failure: null,
        created_at: new Date().toISOString(),
        finished_at: null,
        results_delivered_at: null,
      })
      .execute();
    this.#launch(id, 'start');
    return id;
  }

  /**
   * Whether a job is issuing now, in any process (the anchoring worker then closes only full
   * batches); one waiting to retry after an error is not.
   */
  async issuingAnywhere(db: IssuerDb = this.options.db): Promise<boolean> {
    const issuing = await db
      .selectFrom('cohorts')
      .select('id')
      .where('state', '=', 'issuing')
      .where('failure', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return issuing !== undefined;
  }

  status(id: string) {
    return cohortStatus(this.options.db, id);
  }

  /** Resumes the jobs a stop or crash interrupted; where processes share the database, keeps looking for them. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#adopt();
    if (this.options.locks.shared) {
      this.#adopting = setInterval(() => this.#adoptNow(), ADOPT_MS);
      this.#adopting.unref();
    }
  }

  /** Lets each job finish the rows it holds, then stops; they resume at the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#adopting);
    await Promise.allSettled(this.#running.values());
  }

  #adoptNow(): void {
    if (this.#stopped) return;
    this.#adopt().catch((error: Error) => this.#log(`cohorts: looking for jobs to resume: ${error.message}`));
  }

  /** Launches the unfinished jobs this process does not run (each runs only if no other process holds it). */
  async #adopt(): Promise<void> {
    const unfinished = await this.options.db
      .selectFrom('cohorts')
      .select(['id', 'state', 'upload_path'])
      .where('state', 'in', ['checking', 'issuing'])
      .orderBy('created_at')
      .execute();
    for (const job of unfinished) {
      if (this.#stopped || this.#running.has(job.id) || this.#retrying.has(job.id)) continue;
      // Its file is on the disk of the process that accepted it, not here: that process resumes it.
      if (this.options.locks.shared && job.state === 'checking' && !existsSync(job.upload_path)) continue;
      this.#launch(job.id, 'resume');
    }
  }

  #launch(id: string, how: 'start' | 'resume'): void {
    if (this.#running.has(id)) return;
    const run = this.#run(id, how).finally(() => this.#running.delete(id));
    this.#running.set(id, run);
  }

  async #run(id: string, how: 'start' | 'resume'): Promise<void> {
    try {
      await this.options.locks.ifFree(`cohort ${id}`, async (stillHeld) => {
        if (this.options.locks.shared && this.#working >= MAX_SHARED_JOBS) return;
        this.#working++;
        try {
          await this.#work(id, how, stillHeld);
        } finally {
          this.#working--;
        }
        // A turn is free: a job waiting for one goes on now rather than at the next look.
        if (this.options.locks.shared) setImmediate(() => this.#adoptNow());
      });
    } catch (error) {
      if (error instanceof Stopped) return;
      if (error instanceof LockLostError)
        return this.#log(`cohort ${id}: ${error.message}; another process takes it over`);
      // A failing disk or database: the rows keep their state, and the job goes on from it later.
      this.#log(`cohort ${id}: ${(error as Error).stack ?? error}`);
      this.#retrying.add(id);
      setTimeout(() => {
        this.#retrying.delete(id);
        if (!this.#stopped) this.#launch(id, 'resume');
      }, RETRY_MS).unref();
    }
  }

  /** Works on the job, holding its lock, from where its stored state says. */
  async #work(id: string, how: 'start' | 'resume', stillHeld: () => Promise<void>): Promise<void> {
    let cohort = await this.#cohort(id);
    if (cohort.state !== 'checking' && cohort.state !== 'issuing') return;
    if (how === 'resume') this.#log(`cohort ${id}: resuming (${cohort.state})`);
    // Its rows are signed in the pool's threads (unless allOrNothing signs them as they are read): they start meanwhile.
    if (cohort.all_or_nothing !== 1) this.options.signingPool.warm();
    try {
      if (cohort.failure !== null) await this.#setFailure(id, null);
      if (cohort.state === 'checking') await this.#check(cohort, stillHeld);
      cohort = await this.#cohort(id);
      if (cohort.state === 'issuing') await this.#issue(cohort, stillHeld);
    } catch (error) {
      if (error instanceof CohortFileError) return this.#finish(id, 'failed', `row ${error.row}: ${error.message}`);
      if (!(error instanceof Stopped || error instanceof LockLostError)) {
        const reason = (error as Error).message.split('\n')[0];
        await this.#setFailure(
          id,
          `stopped on an unexpected error (${reason}); trying again in ${RETRY_MS / 1000} s`,
        ).catch(() => undefined);
      }
      throw error;
    }
  }

  async #setFailure(id: string, failure: string | null): Promise<void> {
    await this.options.db.updateTable('cohorts').set({ failure }).where('id', '=', id).execute();
  }

  #cohort(id: string) {
    return this.options.db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async #finish(id: string, state: 'done' | 'failed', failure: string | null = null): Promise<void> {
    await this.options.db
      .updateTable('cohorts')
      .set({ state, failure, finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Phase 1, from the uploaded file, a chunk per transaction; started again from the top after a
   * crash. Without allOrNothing, every row is only read and stored `waiting` (a row that cannot
   * be read at all, `invalid`): phase 2 checks and issues them. With allOrNothing, every row is
   * checked by signing it, and stored `valid` with its signed credential or `invalid` with its
   * errors: phase 2 issues them only if none failed.
   */
  async #check(cohort: CohortTables['cohorts'], stillHeld: () => Promise<void>): Promise<void> {
    const { db } = this.options;
    const checkNow = cohort.all_or_nothing === 1;
    await db.deleteFrom('cohort_rows').where('cohort_id', '=', cohort.id).execute();
    let chunk: CheckedRow[] = [];
    let total = 0;
    let invalid = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      await stillHeld();
      const rows = chunk;
      chunk = [];
      await storeCheckedRows(this.options, cohort.id, rows);
    };
    for await (const parsed of readCohortFile(cohort.upload_path, cohort.kind)) {
      if (this.#stopped) throw new Stopped();
      total++;
      const cells = JSON.stringify(parsed.values);
      if (parsed.problem || checkNow) {
        const checked = await this.#checked(parsed, true);
        if ('errors' in checked) invalid++;
        chunk.push(checkedRow(parsed.row, cells, parsed.values, checked));
      } else chunk.push({ row_number: parsed.row, cells, waiting: true });
      if (chunk.length >= (checkNow ? CHECK_CHUNK : READ_CHUNK)) await flush();
    }
    await flush();
    const refused = cohort.all_or_nothing === 1 && invalid > 0;
    await db
      .updateTable('cohorts')
      .set({
        total,
        state: refused ? 'failed' : 'issuing',
        ...(refused
          ? {
              failure: `${invalid} of ${total} rows have errors and allOrNothing was asked: nothing was issued; fix the rows listed in errors and upload the file again`,
              finished_at: new Date().toISOString(),
            }
          : {}),
      })
      .where('id', '=', cohort.id)
      .execute();
    await rm(cohort.upload_path, { force: true });
  }

  /** Phase 2: the rows issued a page per transaction, checked first unless allOrNothing checked them. */
  async #issue(cohort: CohortTables['cohorts'], stillHeld: () => Promise<void>): Promise<void> {
    await this.#issueCheckedPages(cohort.id, stillHeld);
    await this.#checkAndIssuePages(cohort.id, stillHeld);
    await this.#finish(cohort.id, 'done');
  }

  /** Rows checked and signed when the file was read (allOrNothing): stored with their credentials. */
  async #issueCheckedPages(id: string, stillHeld: () => Promise<void>): Promise<void> {
    for (;;) {
      await this.#betweenPages(stillHeld);
      const rows = await this.options.db
        .selectFrom('cohort_rows')
        .select(['cohort_id', 'row_number', 'row_key', 'signed', 'sealed_claim_code'])
        .where('cohort_id', '=', id)
        .where('state', '=', 'valid')
        .orderBy('row_number')
        .limit(ISSUE_PAGE)
        .execute();
      if (rows.length === 0) return;
      await issuePage(this.options, rows);
    }
  }

  /**
   * Rows only read: each page checked and signed, then issued. The next page is checked while
   * this one is stored, so that signing elsewhere than on this thread overlaps the storing.
   */
  async #checkAndIssuePages(id: string, stillHeld: () => Promise<void>): Promise<void> {
    let page = await this.#waitingRows(id, 0);
    let checking = page.length > 0 ? this.#checkPage(page) : undefined;
    while (checking) {
      const checked = await checking;
      page = await this.#waitingRows(id, page.at(-1)!.row_number);
      checking = page.length > 0 ? this.#checkPage(page) : undefined;
      try {
        await this.#betweenPages(stillHeld);
        await issueCheckedRows(this.options, id, checked);
      } catch (error) {
        // The next page's check is left unused: its rows stay waiting, for the job's next run.
        await checking?.catch(() => undefined);
        throw error;
      }
    }
  }

  #waitingRows(id: string, after: number) {
    return this.options.db
      .selectFrom('cohort_rows')
      .select(['row_number', 'cells'])
      .where('cohort_id', '=', id)
      .where('state', '=', 'waiting')
      .where('row_number', '>', after)
      .orderBy('row_number')
      .limit(ISSUE_PAGE)
      .execute();
  }

  /** The page's rows checked and signed in the signing pool's threads, with status list entries taken here. */
  async #checkPage(rows: readonly { row_number: number; cells: string }[]): Promise<CheckedRow[]> {
    const { credentials, signingPool } = this.options;
    const values = rows.map((row) => JSON.parse(row.cells) as CohortRow);
    const entries = await credentials.statusEntries(rows.length);
    const signed = await signingPool.signRows(
      values.map((cells, i) => ({
        request: issueRequestOfRow(cells),
        ...(entries[i] ? { status: entries[i] } : {}),
      })),
    );
    return signed.map((result, i) => {
      const { row_number, cells } = rows[i]!;
      const checked =
        'signed' in result
          ? { signed: result.signed }
          : { errors: rowErrorsOfProblem(row_number, problemOf(result.refused), values[i]) };
      return checkedRow(row_number, cells, values[i]!, checked);
    });
  }

  async #betweenPages(stillHeld: () => Promise<void>): Promise<void> {
    if (this.#stopped) throw new Stopped();
    // SQLite runs synchronously: let the server answer (a status, a claim) between pages.
    await turn();
    await stillHeld();
  }
}
