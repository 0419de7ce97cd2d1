import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import { failpoint } from '../../core/failpoint.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { ClaimCodes } from '../claim-codes.ts';
import type { CredentialService } from '../credentials.ts';
import type { IssuerDb, IssuerTables } from '../db-schema.ts';
import type { CohortRow } from './columns.ts';
import type { CohortTables } from './schema.ts';
import { issueRequestOfRow, rowErrorsOfProblem } from './validate-row.ts';

export interface RowIssuing {
  db: IssuerDb;
  credentials: CredentialService;
  claimCodes: ClaimCodes;
  /** Seals each claim code until results.csv is downloaded. */
  box: SecretBox;
}

type Row = Pick<
  CohortTables['cohort_rows'],
  'cohort_id' | 'row_number' | 'state' | 'cells' | 'row_key' | 'vc_id' | 'issue_time'
>;

export const claimCodeContext = (cohortId: string, row: number) => `cohort claim code ${cohortId} ${row}`;

const ofRow = (row: Row) => (eb: ExpressionBuilder<IssuerTables, 'cohort_rows'>) =>
  eb.and([eb('cohort_id', '=', row.cohort_id), eb('row_number', '=', row.row_number)]);

/**
 * Issues one checked row exactly once, through the same CredentialService.issue as
 * POST /credentials/issue. Crash safety, step by step, each a committed change:
 * 1. the row's key is taken in `cohort_keys` (a unique key: a key taken before makes the row
 *    `already`) and the row becomes `issuing` with the credential's own id (urn:uuid) and its
 *    issue time chosen;
 * 2. the credential is issued and stored with that id and time;
 * 3. the row becomes `issued` with the credential id and its sealed claim code.
 * A row found `issuing` after a crash is looked up among the credentials stored at its issue time by
 * its own id: found, it gets a new claim code (the first was never shown); not found, it is issued
 * now. Nothing is lost or doubled.
 */
export async function issueRow(issuing: RowIssuing, row: Row): Promise<void> {
  if (row.state === 'issuing') return resumeRow(issuing, row);
  const vcId = `urn:uuid:${randomUUID()}`;
  const issueTime = new Date().toISOString();
  const taken = await issuing.db.transaction().execute(async (trx) => {
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
      return false;
    }
    await trx
      .updateTable('cohort_rows')
      .set({ state: 'issuing', vc_id: vcId, issue_time: issueTime })
      .where(ofRow(row))
      .execute();
    return true;
  });
  if (taken) await issueNow(issuing, row, vcId, issueTime);
}

async function issueNow(issuing: RowIssuing, row: Row, vcId: string, issueTime: string): Promise<void> {
  const request = issueRequestOfRow(JSON.parse(row.cells) as CohortRow);
  let issued: { id: string; claimCode: string };
  try {
    issued = await issuing.credentials.issue(
      { ...request, credential: { ...request.credential, id: vcId } },
      new Date(issueTime),
    );
  } catch (error) {
    if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
    // Refused now although it passed the check (e.g. the date moved on): the key is free again.
    await issuing.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('cohort_keys').where('row_key', '=', row.row_key!).execute();
      await trx
        .updateTable('cohort_rows')
        .set({ state: 'failed', errors: JSON.stringify(rowErrorsOfProblem(row.row_number, error)) })
        .where(ofRow(row))
        .execute();
    });
    return;
  }
  failpoint('cohort:after-issue');
  await recordIssued(issuing, row, issued.id, issued.claimCode);
}

async function recordIssued(issuing: RowIssuing, row: Row, credentialId: string, claimCode: string): Promise<void> {
  await issuing.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cohort_keys')
      .set({ credential_id: credentialId })
      .where('row_key', '=', row.row_key!)
      .execute();
    await trx
      .updateTable('cohort_rows')
      .set({
        state: 'issued',
        credential_id: credentialId,
        sealed_claim_code: issuing.box.seal(claimCode, claimCodeContext(row.cohort_id, row.row_number)),
      })
      .where(ofRow(row))
      .execute();
  });
}

async function resumeRow(issuing: RowIssuing, row: Row): Promise<void> {
  const credentialId = await credentialWithOwnId(issuing.db, row.vc_id!, row.issue_time!);
  if (credentialId) {
    const { code } = await issuing.claimCodes.renew(credentialId);
    return recordIssued(issuing, row, credentialId, code);
  }
  // Not stored: issue it now, at a new time recorded first (the old one would date it in the past).
  const issueTime = new Date().toISOString();
  await issuing.db.updateTable('cohort_rows').set({ issue_time: issueTime }).where(ofRow(row)).execute();
  await issueNow(issuing, row, row.vc_id!, issueTime);
}

/** The credential stored at `issueTime` whose own id, inside the signed token's payload, is `vcId`. */
async function credentialWithOwnId(db: IssuerDb, vcId: string, issueTime: string): Promise<string | undefined> {
  const quoted = JSON.stringify(vcId);
  const candidates = await db
    .selectFrom('credentials')
    .select(['id', 'jwt'])
    .where('issued_at', '=', issueTime)
    .execute();
  return candidates.find((c) =>
    Buffer.from(c.jwt.split('.')[1] ?? '', 'base64url')
      .toString('utf8')
      .includes(quoted),
  )?.id;
}
