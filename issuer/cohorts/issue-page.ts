import { randomUUID } from 'node:crypto';
import { setImmediate as turn } from 'node:timers/promises';
import type { ExpressionBuilder } from 'kysely';
import { failpoint } from '../../core/failpoint.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { ClaimCodes } from '../claim-codes.ts';
import type { CredentialService } from '../credentials.ts';
import type { IssuerDb, IssuerTables } from '../db-schema.ts';
import type { CohortRow } from './columns.ts';
import type { CohortTables } from './schema.ts';
import { issueRequestOfRow, type RowError, rowErrorsOfProblem } from './validate-row.ts';
import { runPool } from './worker-pool.ts';

export interface RowIssuing {
  db: IssuerDb;
  credentials: CredentialService;
  claimCodes: ClaimCodes;
  /** Seals each claim code until results.csv is downloaded. */
  box: SecretBox;
}

export type PageRow = Pick<
  CohortTables['cohort_rows'],
  'cohort_id' | 'row_number' | 'state' | 'cells' | 'row_key' | 'vc_id' | 'issue_time'
>;

type Outcome = { row: PageRow; credentialId: string; claimCode: string } | { row: PageRow; errors: RowError[] };

export const claimCodeContext = (cohortId: string, row: number) => `cohort claim code ${cohortId} ${row}`;

const ofRow = (row: PageRow) => (eb: ExpressionBuilder<IssuerTables, 'cohort_rows'>) =>
  eb.and([eb('cohort_id', '=', row.cohort_id), eb('row_number', '=', row.row_number)]);

/**
 * Issues a page of checked rows, each exactly once, through the same CredentialService.issue as
 * POST /credentials/issue. Crash safety, step by step, each a committed change:
 * 1. one transaction takes each row's key in `cohort_keys` (a unique key: a key taken before
 *    makes the row `already`) and makes the row `issuing`, with the credential's own id (urn:uuid)
 *    and issue time chosen;
 * 2. each credential is issued and stored with that id and time (its own transaction);
 * 3. one transaction records the page: `issued` with the credential id and the sealed claim code.
 * A row found `issuing` after a crash is looked up among the credentials stored at its issue time,
 * by its own id: found, it gets a new claim code (the first was never shown); not found, it is
 * issued now. Nothing is lost or doubled, and a page costs two transactions besides the
 * credentials' own.
 */
export async function issuePage(issuing: RowIssuing, rows: readonly PageRow[], concurrency: number): Promise<void> {
  const taken = await takeKeys(issuing.db, rows);
  const outcomes: Outcome[] = [];
  const stored = new StoredCredentials(issuing.db);
  try {
    await runPool(taken, concurrency, async (row) => {
      // Signing and SQLite run synchronously: let the server answer between rows.
      await turn();
      const found = row.state === 'issuing' ? await stored.withOwnId(row.vc_id!, row.issue_time!) : undefined;
      if (found) {
        outcomes.push({ row, credentialId: found, claimCode: (await issuing.claimCodes.renew(found)).code });
        return;
      }
      outcomes.push(await issueNow(issuing, row));
    });
    failpoint('cohort:after-issue');
  } finally {
    // Also when a row failed unexpectedly: what was issued is recorded.
    await record(issuing, outcomes);
  }
}

/** Step 1: the page's new rows take their keys; those taken before are `already`. */
async function takeKeys(db: IssuerDb, rows: readonly PageRow[]): Promise<PageRow[]> {
  return db.transaction().execute(async (trx) => {
    const taken: PageRow[] = [];
    for (const row of rows) {
      if (row.state === 'issuing') {
        taken.push(row);
        continue;
      }
      const inserted = await trx
        .insertInto('cohort_keys')
        .values({ row_key: row.row_key!, cohort_id: row.cohort_id, row_number: row.row_number, credential_id: null })
        .onConflict((oc) => oc.column('row_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const holder = await trx
          .selectFrom('cohort_keys')
          .select('credential_id')
          .where('row_key', '=', row.row_key!)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('cohort_rows')
          .set({ state: 'already', credential_id: holder.credential_id })
          .where(ofRow(row))
          .execute();
        continue;
      }
      const chosen = { vc_id: `urn:uuid:${randomUUID()}`, issue_time: new Date().toISOString() };
      await trx
        .updateTable('cohort_rows')
        .set({ state: 'issuing', ...chosen })
        .where(ofRow(row))
        .execute();
      taken.push({ ...row, ...chosen, state: 'issuing' });
    }
    return taken;
  });
}

/** Step 2, for a row whose credential is not stored: issue it, at its chosen id and time. */
async function issueNow(issuing: RowIssuing, row: PageRow): Promise<Outcome> {
  const request = issueRequestOfRow(JSON.parse(row.cells) as CohortRow);
  try {
    const issued = await issuing.credentials.issue(
      { ...request, credential: { ...request.credential, id: row.vc_id! } },
      new Date(row.issue_time!),
    );
    return { row, credentialId: issued.id, claimCode: issued.claimCode };
  } catch (error) {
    // Refused now although it passed the check (e.g. the award date moved past the limit).
    if (error instanceof HttpProblem && error.status < 500)
      return { row, errors: rowErrorsOfProblem(row.row_number, error) };
    throw error;
  }
}

/** Step 3: the page's outcomes in one transaction; a refused row frees its key. */
async function record(issuing: RowIssuing, outcomes: readonly Outcome[]): Promise<void> {
  await issuing.db.transaction().execute(async (trx) => {
    for (const outcome of outcomes) {
      const { row } = outcome;
      if ('errors' in outcome) {
        await trx.deleteFrom('cohort_keys').where('row_key', '=', row.row_key!).execute();
        await trx
          .updateTable('cohort_rows')
          .set({ state: 'failed', errors: JSON.stringify(outcome.errors) })
          .where(ofRow(row))
          .execute();
        continue;
      }
      await trx
        .updateTable('cohort_keys')
        .set({ credential_id: outcome.credentialId })
        .where('row_key', '=', row.row_key!)
        .execute();
      await trx
        .updateTable('cohort_rows')
        .set({
          state: 'issued',
          credential_id: outcome.credentialId,
          sealed_claim_code: issuing.box.seal(outcome.claimCode, claimCodeContext(row.cohort_id, row.row_number)),
        })
        .where(ofRow(row))
        .execute();
    }
  });
}

/** The credentials stored at one time, read once per time: a crash leaves a page of rows to look up. */
class StoredCredentials {
  readonly #byTime = new Map<string, Promise<{ id: string; payload: string }[]>>();
  constructor(private readonly db: IssuerDb) {}

  /** The credential stored at `issueTime` whose own id, inside the signed token's payload, is `vcId`. */
  async withOwnId(vcId: string, issueTime: string): Promise<string | undefined> {
    let stored = this.#byTime.get(issueTime);
    if (!stored) {
      stored = this.db
        .selectFrom('credentials')
        .select(['id', 'jwt'])
        .where('issued_at', '=', issueTime)
        .execute()
        .then((rows) =>
          rows.map((c) => ({
            id: c.id,
            payload: Buffer.from(c.jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
          })),
        );
      this.#byTime.set(issueTime, stored);
    }
    const quoted = JSON.stringify(vcId);
    return (await stored).find((c) => c.payload.includes(quoted))?.id;
  }
}
