import type { Kysely, Migration } from 'kysely';

/**
 * checking: the file being read (with allOrNothing, each row checked and signed as it is read);
 * issuing: the rows being checked and issued a page at a time (with allOrNothing, the rows checked
 * before); then done or failed.
 */
export type CohortState = 'checking' | 'issuing' | 'done' | 'failed';
/**
 * waiting: read from the file, to be checked and issued; valid: checked and signed, waiting to
 * be stored (allOrNothing); issued; already: the key was issued before;
 * invalid: refused when checked. A page of rows changes state in one transaction with its
 * credentials (issue-page.ts).
 */
export type CohortRowState = 'waiting' | 'valid' | 'issued' | 'already' | 'invalid';

export interface CohortTables {
  cohorts: {
    id: string;
    state: CohortState;
    kind: 'csv' | 'xlsx';
    /** The uploaded file, kept until every row is read. */
    upload_path: string;
    all_or_nothing: number;
    total: number | null;
    failure: string | null;
    created_at: string;
    finished_at: string | null;
    /** When results.csv (with the claim codes) was downloaded in full; the sealed codes are gone since. */
    results_delivered_at: string | null;
  };
  cohort_rows: {
    cohort_id: string;
    row_number: number;
    state: CohortRowState;
    /** The row's cells (JSON), as read. */
    cells: string;
    /** SHA-256 of the row's idempotency key; null for a row refused before it had one. */
    row_key: string | null;
    errors: string | null;
    /** A valid row's credential as signed when checked (CredentialRows, JSON), until it is stored. */
    signed: string | null;
    credential_id: string | null;
    /** The claim code, sealed (core/secret-box.ts) until results.csv is downloaded. */
    sealed_claim_code: string | null;
  };
  /** One row per idempotency key ever issued: the unique key is what stops a second issuance. */
  cohort_keys: {
    row_key: string;
    cohort_id: string;
    row_number: number;
    credential_id: string | null;
  };
}

export const cohortMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cohorts')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('state', 'varchar(20)', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('upload_path', 'text', (c) => c.notNull())
      .addColumn('all_or_nothing', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer')
      .addColumn('failure', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('finished_at', 'varchar(40)')
      .addColumn('results_delivered_at', 'varchar(40)')
      .execute();
    await db.schema
      .createTable('cohort_rows')
      .addColumn('cohort_id', 'varchar(64)', (c) => c.notNull().references('cohorts.id'))
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('state', 'varchar(20)', (c) => c.notNull())
      .addColumn('cells', 'text', (c) => c.notNull())
      .addColumn('row_key', 'varchar(64)')
      .addColumn('errors', 'text')
      .addColumn('vc_id', 'varchar(100)')
      .addColumn('issue_time', 'varchar(40)')
      .addColumn('credential_id', 'varchar(64)')
      .addColumn('sealed_claim_code', 'text')
      .addPrimaryKeyConstraint('cohort_rows_pk', ['cohort_id', 'row_number'])
      .execute();
    await db.schema
      .createIndex('cohort_rows_by_state')
      .on('cohort_rows')
      .columns(['cohort_id', 'state', 'row_number'])
      .execute();
    await db.schema
      .createTable('cohort_keys')
      .addColumn('row_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('cohort_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('credential_id', 'varchar(64)')
      .execute();
  },
};

/**
 * A row's credential is signed once, when the row is checked, and kept until its page is stored
 * whole with it; so a row no longer keeps the credential id and time chosen before issuing (to find
 * it after a crash).
 */
export const cohortRowsSignedOnceMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cohort_rows').dropColumn('vc_id').execute();
    await db.schema.alterTable('cohort_rows').dropColumn('issue_time').execute();
    await db.schema.alterTable('cohort_rows').addColumn('signed', 'text').execute();
  },
};
