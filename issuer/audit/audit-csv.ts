import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { inertCsvText } from '../../core/inert-csv-text.ts';
import type { AuditEntry } from './audit-log.ts';

const COLUMNS = ['at', 'token_name', 'token_id', 'method', 'route', 'targets', 'status', 'client'];

async function* linesOf(entries: AsyncIterable<AuditEntry>) {
  for await (const e of entries)
    yield [
      e.at,
      inertCsvText(e.tokenName ?? ''),
      e.tokenId ?? '',
      e.method,
      e.route,
      e.targets.join(' '),
      e.status,
      inertCsvText(e.client),
    ];
}

/** The entries as CSV (RFC 4180, CRLF), streamed as they are read from the database. */
export function auditCsv(entries: AsyncIterable<AuditEntry>): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns: COLUMNS, record_delimiter: 'windows' });
  const lines = Readable.from(linesOf(entries));
  lines.on('error', (error) => csv.destroy(error));
  return Readable.toWeb(lines.pipe(csv)) as ReadableStream<Uint8Array>;
}
