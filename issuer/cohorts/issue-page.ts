import type { ExpressionBuilder } from 'kysely';
import { failpoint } from '../../core/failpoint.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { CredentialRows, CredentialService } from '../credentials.ts';
import type { IssuerDb, IssuerTables } from '../db-schema.ts';
import type { CohortTables } from './schema.ts';

export interface RowIssuing {
  db: IssuerDb;
  credentials: CredentialService;
  /** Seals each claim code until results.csv is downloaded. */
  box: SecretBox;
}

/** A valid row, with the credential signed when it was checked and its claim code, sealed. */
export type PageRow = Pick<
  CohortTables['cohort_rows'],
  'cohort_id' | 'row_number' | 'row_key' | 'signed' | 'sealed_claim_code'
>;

export const claimCodeContext = (cohortId: string, row: number) => `cohort claim code ${cohortId} ${row}`;

const ofRow = (row: PageRow) => (eb: ExpressionBuilder<IssuerTables, 'cohort_rows'>) =>
  eb.and([eb('cohort_id', '=', row.cohort_id), eb('row_number', '=', row.row_number)]);

/**
 * Issues a page of checked rows, each exactly once: their credentials were signed when the rows
 * were checked, by the same checks and signing as POST /credentials/issue (jobs.ts, checkRow). ONE
 * transaction stores the page: each row's key in `cohort_keys` (a unique key: a key taken before
 * makes the row `already`), its credential (CredentialService.store), and the row `issued`. A crash
 * before the commit leaves the whole page to store again, after it nothing: no row is lost or
 * doubled, and a page costs one commit rather than one per credential (measured: the commits were
 * most of a cohort's time on SQLite, bench/issue.ts).
 */
export async function issuePage(issuing: RowIssuing, rows: readonly PageRow[]): Promise<void> {
  failpoint('cohort:before-store');
  await issuing.db.transaction().execute(async (trx) => {
    const issued: { row: PageRow; credential: CredentialRows }[] = [];
    const already: PageRow[] = [];
    for (const row of rows) {
      const credential = JSON.parse(row.signed!) as CredentialRows;
      const inserted = await trx
        .insertInto('cohort_keys')
        .values({
          row_key: row.row_key!,
          cohort_id: row.cohort_id,
          row_number: row.row_number,
          credential_id: credential.row.id,
        })
        .onConflict((oc) => oc.column('row_key').doNothing())
        .executeTakeFirst();
      // Without a key of its own: issued before (this file again, an earlier row of it), or by a job that got there first.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) already.push(row);
      else issued.push({ row, credential });
    }
    await issuing.credentials.store(
      trx,
      issued.map((i) => i.credential),
    );
    for (const { row, credential } of issued)
      await trx
        .updateTable('cohort_rows')
        .set({ state: 'issued', credential_id: credential.row.id, signed: null })
        .where(ofRow(row))
        .execute();
    for (const row of already) {
      const holder = await trx
        .selectFrom('cohort_keys')
        .select('credential_id')
        .where('row_key', '=', row.row_key!)
        .executeTakeFirstOrThrow();
      // Its claim code was never the holder's: it goes with the signature nobody will store.
      await trx
        .updateTable('cohort_rows')
        .set({ state: 'already', credential_id: holder.credential_id, signed: null, sealed_claim_code: null })
        .where(ofRow(row))
        .execute();
    }
  });
}
