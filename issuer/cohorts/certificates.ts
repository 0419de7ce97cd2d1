import { languageOfTag } from '../../core/messages/index.ts';
import {
  addCertificatePage,
  type CertificateSources,
  certificateContentOf,
  certificateDocument,
  claimOnCertificate,
  drawCertificate,
} from '../certificate/index.ts';
import type { CohortRow } from './columns.ts';
import type { ResultsOptions } from './results.ts';
import { currentClaimCodeOf } from './row-claim-code.ts';

/** Rows read from the database at a time. */
const ROWS_PER_QUERY = 200;
/** Certificates drawn each time the reader asks for more: the PDF grows only as fast as it is read. */
const CERTIFICATES_PER_PULL = 4;

export type CohortCertificateSources = Pick<ResultsOptions, 'db' | 'box' | 'claimCodes'> &
  Pick<CertificateSources, 'credentials' | 'institution' | 'publicUrl' | 'verifierUrl'>;

/** What the cohort's credentials are waiting for, before its certificates can all be printed. */
export interface CohortPrintability {
  /** Credentials that can be printed: issued or already issued, anchored, not revoked. */
  printable: number;
  /** Credentials still waiting to be anchored (no QR code yet). */
  pending: number;
}

/** The credential of each issued (or already issued) row: the row's own, or the one its key was issued with before. */
function cohortCredentials(sources: Pick<ResultsOptions, 'db'>, cohortId: string) {
  return sources.db
    .selectFrom('cohort_rows')
    .leftJoin('cohort_keys', 'cohort_keys.row_key', 'cohort_rows.row_key')
    .innerJoin('credentials', (join) =>
      join.on((eb) =>
        eb('credentials.id', '=', eb.fn.coalesce('cohort_rows.credential_id', 'cohort_keys.credential_id')),
      ),
    )
    .where('cohort_rows.cohort_id', '=', cohortId)
    .where('cohort_rows.state', 'in', ['issued', 'already']);
}

export async function cohortPrintability(
  sources: Pick<ResultsOptions, 'db'>,
  cohortId: string,
): Promise<CohortPrintability> {
  const counts = await cohortCredentials(sources, cohortId)
    .select(['credentials.status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('credentials.status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
  return { printable: count('anchored'), pending: count('pending') };
}

/** The language a row asks its learner's certificate to be printed in (its certificateLanguage cell), if any. */
function languageOfRow(cells: string): string | undefined {
  const asked = (JSON.parse(cells) as CohortRow).certificateLanguage;
  return asked === undefined ? undefined : languageOfTag(asked);
}

/**
 * One PDF with the certificate of every learner of the cohort, in the spreadsheet's row order:
 * the institution's copy, with the learner's claim code while the issuer still keeps it (until
 * results.csv is first downloaded in full) and it is current. Revoked credentials are left out.
 * It is streamed: a few certificates are drawn each time the reader asks for more, so a cohort of
 * any size is printed in bounded memory, and the fonts are embedded once for the whole file.
 * Unlike a single certificate, the file carries no QR text in its Info dictionary: each page's QR
 * code is what a verifier reads.
 */
export function cohortCertificatesPdf(
  sources: CohortCertificateSources,
  cohortId: string,
  /** The language of the printed words (core/messages/). */
  language: string,
): ReadableStream<Uint8Array> {
  const doc = certificateDocument({
    Title: `Certificates of cohort ${cohortId}`,
    Author: sources.institution,
    Subject: 'Skillmark certificates',
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let after = 0;
  let drawn = 0;
  let exhausted = false;
  /** The next rows to print, with what tells whether their sealed claim code still works. */
  const rowsAfter = (row: number) =>
    cohortCredentials(sources, cohortId)
      .select([
        'cohort_rows.row_number',
        'cohort_rows.cells',
        'credentials.id as credential_id',
        'cohort_rows.sealed_claim_code',
        'credentials.claim_code_hash',
        'credentials.issued_at',
        'credentials.claim_code_issued_at',
      ])
      .where('credentials.status', '=', 'anchored')
      .where('cohort_rows.row_number', '>', row)
      .orderBy('cohort_rows.row_number')
      .limit(ROWS_PER_QUERY)
      .execute();
  let queue: Awaited<ReturnType<typeof rowsAfter>> = [];

  const nextRow = async () => {
    if (queue.length === 0 && !exhausted) {
      queue = await rowsAfter(after);
      exhausted = queue.length < ROWS_PER_QUERY;
      after = queue.at(-1)?.row_number ?? after;
    }
    return queue.shift();
  };

  /** The row's claim code while the issuer keeps it, it is the credential's current one and it has not expired. */
  const claimOf = (row: (typeof queue)[number]) => {
    const code = currentClaimCodeOf(sources.box, cohortId, row);
    return code && !sources.claimCodes.expired(row.claim_code_issued_at ?? row.issued_at)
      ? claimOnCertificate(code, sources.publicUrl)
      : undefined;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
    },
    async pull(controller) {
      for (let i = 0; i < CERTIFICATES_PER_PULL; i++) {
        const row = await nextRow();
        if (!row) {
          doc.end();
          await ended;
          controller.close();
          return;
        }
        const record = await sources.credentials.get(row.credential_id);
        // Anchored when the row was read; a revocation since then leaves it out.
        if (!record.qr || record.status === 'revoked') continue;
        const claim = claimOf(row);
        if (drawn > 0) addCertificatePage(doc);
        drawCertificate(
          doc,
          certificateContentOf(record.credential, {
            institution: sources.institution,
            shortId: record.shortId,
            qrText: record.qr,
            ...(claim ? { claim } : {}),
            ...(sources.verifierUrl ? { verifierUrl: sources.verifierUrl } : {}),
            language: languageOfRow(row.cells) ?? language,
          }),
        );
        drawn++;
      }
    },
  });
}
