import { setImmediate as turn } from 'node:timers/promises';
import type { ExpressionBuilder } from 'kysely';
import { failpoint } from '../../core/failpoint.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { CredentialService, SignedCredential } from '../credentials.ts';
import type { IssuerDb, IssuerTables } from '../db-schema.ts';
import type { CohortRow } from './columns.ts';
import type { CohortTables } from './schema.ts';
import { issueRequestOfRow, type RowError, rowErrorsOfProblem } from './validate-row.ts';
import { runPool } from './worker-pool.ts';

export interface RowIssuing {
  db: IssuerDb;
  credentials: CredentialService;
  /** Seals each claim code until results.csv is downloaded. */
  box: SecretBox;
}

export type PageRow = Pick<CohortTables['cohort_rows'], 'cohort_id' | 'row_number' | 'cells' | 'row_key'>;

type Outcome = { row: PageRow; signed: SignedCredential } | { row: PageRow; errors: RowError[] };

export const claimCodeContext = (cohortId: string, row: number) => `cohort claim code ${cohortId} ${row}`;

const ofRow = (row: PageRow) => (eb: ExpressionBuilder<IssuerTables, 'cohort_rows'>) =>
  eb.and([eb('cohort_id', '=', row.cohort_id), eb('row_number', '=', row.row_number)]);

/**
 * Issues a page of checked rows, each exactly once, through the same checks and signing as
 * POST /credentials/issue. The page is signed first (a bounded worker pool), then stored in ONE
 * transaction: each row's key in `cohort_keys` (a unique key: a key taken before makes the row
 * `already`), its credential, and the row `issued` with its sealed claim code. A crash before the
 * commit leaves the whole page to issue again, after it nothing: no row is lost or doubled, and a
 * page costs one commit rather than one per credential (measured: the commits were most of a
 * cohort's time on SQLite, bench/issue.ts).
 */
export async function issuePage(issuing: RowIssuing, rows: readonly PageRow[], concurrency: number): Promise<void> {
  const { db } = issuing;
  const taken = new Set(
    (
      await db
        .selectFrom('cohort_keys')
        .select('row_key')
        .where(
          'row_key',
          'in',
          rows.map((r) => r.row_key!),
        )
        .execute()
    ).map((k) => k.row_key),
  );
  const outcomes = new Map<PageRow, Outcome>();
  await runPool(
    rows.filter((row) => !taken.has(row.row_key!)),
    concurrency,
    async (row) => {
      // Signing runs synchronously: let the server answer between rows.
      await turn();
      outcomes.set(row, await signRow(issuing, row));
    },
  );
  failpoint('cohort:after-sign');
  await db.transaction().execute(async (trx) => {
    const issued: { row: PageRow; signed: SignedCredential }[] = [];
    const already: PageRow[] = [];
    for (const row of rows) {
      const outcome = outcomes.get(row);
      if (outcome && 'errors' in outcome) {
        await trx
          .updateTable('cohort_rows')
          .set({ state: 'failed', errors: JSON.stringify(outcome.errors) })
          .where(ofRow(row))
          .execute();
        continue;
      }
      const inserted =
        outcome &&
        (await trx
          .insertInto('cohort_keys')
          .values({
            row_key: row.row_key!,
            cohort_id: row.cohort_id,
            row_number: row.row_number,
            credential_id: outcome.signed.issued.id,
          })
          .onConflict((oc) => oc.column('row_key').doNothing())
          .executeTakeFirst());
      // Without a key of its own: issued before (this file again, an earlier row of it), or by a job that got there first.
      if (Number(inserted?.numInsertedOrUpdatedRows ?? 0) === 0) already.push(row);
      else issued.push(outcome!);
    }
    await issuing.credentials.store(
      trx,
      issued.map((i) => i.signed),
    );
    for (const { row, signed } of issued)
      await trx
        .updateTable('cohort_rows')
        .set({
          state: 'issued',
          credential_id: signed.issued.id,
          sealed_claim_code: issuing.box.seal(signed.issued.claimCode, claimCodeContext(row.cohort_id, row.row_number)),
        })
        .where(ofRow(row))
        .execute();
    for (const row of already) {
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
    }
  });
}

/** Signs a row's credential; a row refused now although it passed the check (e.g. the award date moved past the limit) gets its errors. */
async function signRow(issuing: RowIssuing, row: PageRow): Promise<Outcome> {
  try {
    return { row, signed: await issuing.credentials.sign(issueRequestOfRow(JSON.parse(row.cells) as CohortRow)) };
  } catch (error) {
    if (error instanceof HttpProblem && error.status < 500)
      return { row, errors: rowErrorsOfProblem(row.row_number, error) };
    throw error;
  }
}
