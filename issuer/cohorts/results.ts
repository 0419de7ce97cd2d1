import { stringify } from 'csv-stringify/sync';
import { inertCsvText } from '../../core/inert-csv-text.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import { shortIdOf } from '../../core/short-id.ts';
import type { ClaimCodes } from '../claim-codes.ts';
import type { IssuerDb } from '../db-schema.ts';
import type { CohortRow } from './columns.ts';
import { currentClaimCodeOf } from './row-claim-code.ts';
import type { RowError } from './validate-row.ts';

const HEADER = [
  'row',
  'status',
  'learnerReference',
  'name',
  'did',
  'credentialId',
  'shortId',
  'claimCode',
  'claimUrl',
  'claimExpiresAt',
  'errors',
];
const PAGE = 1000;
const shortIdOfHash = (hash: string | null) => (hash ? shortIdOf(hash) : '');
const STATUS = { issued: 'issued', already: 'alreadyIssued', invalid: 'failed' } as const;

export interface ResultsOptions {
  db: IssuerDb;
  box: SecretBox;
  claimCodes: ClaimCodes;
  publicUrl: string;
}

/**
 * results.csv, streamed a page of rows at a time: each row's learner, credential id and, for a
 * mail merge, its claim code and URL. Claim codes are kept sealed only until this file has been
 * read to its end once: then they are deleted, and later downloads leave the code cells empty (a
 * learner who lost theirs gets a new one with POST /credentials/{id}/claim). A code renewed since
 * the cohort was issued is left out too: it no longer works.
 */
export function resultsCsv(options: ResultsOptions, cohortId: string): ReadableStream<Uint8Array> {
  const { db, box, claimCodes, publicUrl } = options;
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([HEADER], { record_delimiter: 'windows' })}`));
        return;
      }
      const rows = await db
        .selectFrom('cohort_rows')
        .leftJoin('credentials', 'credentials.id', 'cohort_rows.credential_id')
        // A row repeated within one page was found `already` before its twin was issued: the key knows the credential.
        .leftJoin('cohort_keys', 'cohort_keys.row_key', 'cohort_rows.row_key')
        .leftJoin('credentials as held', 'held.id', 'cohort_keys.credential_id')
        .select([
          'cohort_rows.row_number',
          'cohort_rows.state',
          'cohort_rows.cells',
          'cohort_rows.credential_id',
          'cohort_rows.sealed_claim_code',
          'cohort_rows.errors',
          'credentials.claim_code_hash',
          'credentials.claim_code_issued_at',
          'credentials.issued_at',
          'cohort_keys.credential_id as key_credential_id',
          'credentials.credential_hash',
          'held.credential_hash as held_hash',
        ])
        .where('cohort_rows.cohort_id', '=', cohortId)
        .where('cohort_rows.row_number', '>', after)
        .orderBy('cohort_rows.row_number')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) {
        await forgetClaimCodes(db, cohortId);
        controller.close();
        return;
      }
      after = rows.at(-1)!.row_number;
      const records = rows.map((r) => {
        const cells = JSON.parse(r.cells) as CohortRow;
        const code = currentClaimCodeOf(box, cohortId, r);
        const errors = r.errors ? (JSON.parse(r.errors) as RowError[]) : [];
        return [
          r.row_number,
          STATUS[r.state as keyof typeof STATUS] ?? r.state,
          inertCsvText(cells.learnerReference ?? ''),
          inertCsvText(cells.name ?? ''),
          cells.did ?? '',
          r.credential_id ?? r.key_credential_id ?? '',
          // As the certificate prints it, for a clerk matching paper to a line.
          shortIdOfHash(r.credential_hash ?? r.held_hash),
          code ?? '',
          code ? `${publicUrl}/claims/${code}` : '',
          code ? claimCodes.expiryOf(r.claim_code_issued_at ?? r.issued_at!) : '',
          errors.map((e) => e.message).join('; '),
        ];
      });
      controller.enqueue(encoder.encode(stringify(records, { record_delimiter: 'windows' })));
    },
  });
}

/** After the first complete download: the claim codes are no longer kept, even sealed. */
async function forgetClaimCodes(db: IssuerDb, cohortId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cohort_rows')
      .set({ sealed_claim_code: null })
      .where('cohort_id', '=', cohortId)
      .where('sealed_claim_code', 'is not', null)
      .execute();
    await trx
      .updateTable('cohorts')
      .set({ results_delivered_at: new Date().toISOString() })
      .where('id', '=', cohortId)
      .where('results_delivered_at', 'is', null)
      .execute();
  });
}
