import { failpoint } from '../../core/failpoint.ts';
import { insertRows } from '../../core/insert-rows.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { CredentialRows, CredentialService } from '../credentials.ts';
import type { IssuerDb } from '../db-schema.ts';
import { type SearchTerm, searchRowsOfTerms } from '../search/terms-of-credential.ts';
import type { CohortTables } from './schema.ts';
import type { RowError } from './validate-row.ts';

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

/**
 * A row as checked: its cells, and either its errors or its key, signed credential and claim
 * code; or only read, waiting to be checked and issued.
 */
export type CheckedRow = { row_number: number; cells: string } & (
  | { errors: RowError[] }
  | { row_key: string; credential: CredentialRows; claimCode: string }
  | { waiting: true }
);

type Issuable = Extract<CheckedRow, { credential: CredentialRows }>;

export const claimCodeContext = (cohortId: string, row: number) => `cohort claim code ${cohortId} ${row}`;

/** SQLite allows 32766 parameters a statement: 500 rows of at most 10 columns stay well under it. */
const ROWS_PER_STATEMENT = 500;

interface KeyClaim {
  row_number: number;
  row_key: string;
  credential_id: string;
}

/**
 * Takes each row's idempotency key in `cohort_keys` (a unique key: a key taken before, by an
 * earlier upload, an earlier row of this file or another job, is not taken again), a statement
 * per ROWS_PER_STATEMENT rows. Answers the rows that took their key, and for the others the
 * credential that holds it.
 */
async function takeKeys(
  trx: IssuerDb,
  cohortId: string,
  claims: readonly KeyClaim[],
): Promise<{ took: Set<number>; holderOf: Map<string, string | null> }> {
  const took = new Set<number>();
  for (let i = 0; i < claims.length; i += ROWS_PER_STATEMENT) {
    const inserted = await trx
      .insertInto('cohort_keys')
      .values(claims.slice(i, i + ROWS_PER_STATEMENT).map((claim) => ({ ...claim, cohort_id: cohortId })))
      .onConflict((oc) => oc.column('row_key').doNothing())
      .returning('row_number')
      .execute();
    for (const { row_number } of inserted) took.add(row_number);
  }
  const others = claims.filter((claim) => !took.has(claim.row_number)).map((claim) => claim.row_key);
  const holderOf = new Map<string, string | null>();
  for (let i = 0; i < others.length; i += ROWS_PER_STATEMENT) {
    const holders = await trx
      .selectFrom('cohort_keys')
      .select(['row_key', 'credential_id'])
      .where('row_key', 'in', others.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
    for (const holder of holders) holderOf.set(holder.row_key, holder.credential_id);
  }
  return { took, holderOf };
}

/**
 * Issues a page of `waiting` rows as they were just checked, each exactly once, in ONE
 * transaction: each valid row's key (takeKeys), the credentials of the rows that took theirs
 * (CredentialService.store), and every row of the page, `issued` with its sealed claim code,
 * `already` with the credential that holds its key, or `invalid` with its errors. A crash before
 * the commit leaves the page `waiting`, to check again, after it nothing: no row is lost or
 * doubled. One commit a page, and each credential written once, rather than stored signed in its
 * row and copied later (measured: the copy was a third of a 10,000-row cohort's time on SQLite,
 * bench/issue.ts).
 */
export async function issueCheckedRows(
  issuing: RowIssuing,
  cohortId: string,
  rows: readonly CheckedRow[],
): Promise<void> {
  failpoint('cohort:before-store');
  const valid = rows.filter((row): row is Issuable => 'credential' in row);
  await issuing.db.transaction().execute(async (trx) => {
    const { took, holderOf } = await takeKeys(
      trx,
      cohortId,
      valid.map((row) => ({ row_number: row.row_number, row_key: row.row_key, credential_id: row.credential.row.id })),
    );
    await issuing.credentials.store(
      trx,
      valid.filter((row) => took.has(row.row_number)).map((row) => row.credential),
    );
    const stored = rows.map((row): CohortTables['cohort_rows'] => {
      if (!('credential' in row)) return unissuedRow(cohortId, row);
      const common = { cohort_id: cohortId, row_number: row.row_number, cells: row.cells, signed: null };
      const issued = took.has(row.row_number);
      return {
        ...common,
        state: issued ? 'issued' : 'already',
        row_key: row.row_key,
        errors: null,
        credential_id: issued ? row.credential.row.id : (holderOf.get(row.row_key) ?? null),
        // A row already issued: its claim code was never the holder's, it goes with the signature nobody stores.
        sealed_claim_code: issued ? issuing.box.seal(row.claimCode, claimCodeContext(cohortId, row.row_number)) : null,
      };
    });
    // The page's rows are replaced whole: two statements rather than an update per row.
    for (let i = 0; i < stored.length; i += ROWS_PER_STATEMENT) {
      const part = stored.slice(i, i + ROWS_PER_STATEMENT);
      await trx
        .deleteFrom('cohort_rows')
        .where('cohort_id', '=', cohortId)
        .where(
          'row_number',
          'in',
          part.map((row) => row.row_number),
        )
        .execute();
      await insertRows(trx, 'cohort_rows', part);
    }
  });
}

/** A row stored without a credential: `invalid` with its errors, or `waiting` to be checked. */
function unissuedRow(cohortId: string, row: Exclude<CheckedRow, Issuable>): CohortTables['cohort_rows'] {
  return {
    cohort_id: cohortId,
    row_number: row.row_number,
    cells: row.cells,
    state: 'errors' in row ? 'invalid' : 'waiting',
    row_key: null,
    errors: 'errors' in row ? JSON.stringify(row.errors) : null,
    signed: null,
    credential_id: null,
    sealed_claim_code: null,
  };
}

/**
 * Stores a chunk of rows as read or checked, issuing nothing: each valid row (a cohort with
 * allOrNothing) `valid` with its signed credential and sealed claim code, for issuePage once every
 * row has passed; each row only read `waiting`, for issueCheckedRows.
 */
export async function storeCheckedRows(
  issuing: RowIssuing,
  cohortId: string,
  rows: readonly CheckedRow[],
): Promise<void> {
  const stored = rows.map((row): CohortTables['cohort_rows'] =>
    'credential' in row
      ? {
          cohort_id: cohortId,
          row_number: row.row_number,
          cells: row.cells,
          state: 'valid',
          row_key: row.row_key,
          errors: null,
          signed: JSON.stringify(row.credential),
          credential_id: null,
          sealed_claim_code: issuing.box.seal(row.claimCode, claimCodeContext(cohortId, row.row_number)),
        }
      : unissuedRow(cohortId, row),
  );
  await issuing.db.transaction().execute(async (trx) => {
    for (let i = 0; i < stored.length; i += ROWS_PER_STATEMENT)
      await insertRows(trx, 'cohort_rows', stored.slice(i, i + ROWS_PER_STATEMENT));
  });
}

/**
 * A row's credential as signed when it was checked. One checked before migration 015 (its job
 * resumed after the upgrade) carries its qualification's words per credential: they are keyed now.
 */
export function credentialRowsOf(signed: string): CredentialRows {
  const credential = JSON.parse(signed) as CredentialRows | (Omit<CredentialRows, 'terms'> & { terms: SearchTerm[] });
  if (!Array.isArray(credential.terms)) return credential as CredentialRows;
  const terms = searchRowsOfTerms(credential.row.id, credential.terms);
  return { ...credential, row: { ...credential.row, qualification_key: terms.qualificationKey }, terms };
}

/**
 * Issues a page of rows checked and stored `valid` beforehand (a cohort with allOrNothing, issued
 * only once every row passed), each exactly once, in ONE transaction: the keys (takeKeys), the
 * credentials of the rows that took theirs, and each row `issued` or `already`.
 */
export async function issuePage(issuing: RowIssuing, rows: readonly PageRow[]): Promise<void> {
  failpoint('cohort:before-store');
  if (rows.length === 0) return;
  const cohortId = rows[0]!.cohort_id;
  await issuing.db.transaction().execute(async (trx) => {
    const signed = rows.map((row) => ({ row, credential: credentialRowsOf(row.signed!) }));
    const { took, holderOf } = await takeKeys(
      trx,
      cohortId,
      signed.map(({ row, credential }) => ({
        row_number: row.row_number,
        row_key: row.row_key!,
        credential_id: credential.row.id,
      })),
    );
    await issuing.credentials.store(
      trx,
      signed.filter(({ row }) => took.has(row.row_number)).map(({ credential }) => credential),
    );
    for (const { row, credential } of signed) {
      const issued = took.has(row.row_number);
      await trx
        .updateTable('cohort_rows')
        .set(
          issued
            ? { state: 'issued', credential_id: credential.row.id, signed: null }
            : {
                state: 'already',
                credential_id: holderOf.get(row.row_key!) ?? null,
                signed: null,
                sealed_claim_code: null,
              },
        )
        .where('cohort_id', '=', cohortId)
        .where('row_number', '=', row.row_number)
        .execute();
    }
  });
}
