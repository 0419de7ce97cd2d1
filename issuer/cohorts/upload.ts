import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { HttpProblem } from '../../core/http-problem.ts';
import { type CohortFileKind, fileKindOf } from './parse.ts';

/** The largest upload: 100,000 rows of about 600 bytes. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SNIFFED_TYPES = ['application/octet-stream', ''];

/**
 * Streams the request body to a file of its own (0600) in `dir`, never holding it in memory, and
 * tells CSV from XLSX. Refuses other media types (415), bodies over MAX_UPLOAD_BYTES (413) and a
 * declared XLSX that is not one (400).
 */
export async function saveUpload(c: Context, dir: string): Promise<{ path: string; kind: CohortFileKind }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = type === XLSX_TYPE ? 'xlsx' : CSV_TYPES.includes(type) ? 'csv' : undefined;
  if (!declared && !SNIFFED_TYPES.includes(type))
    throw new HttpProblem(
      415,
      'Unsupported media type',
      `Send the cohort as CSV ("Content-Type: text/csv") or as an Excel workbook ("Content-Type: ${XLSX_TYPE}").`,
    );
  const body = c.req.raw.body;
  if (!body) throw new HttpProblem(400, 'Empty upload', 'The request has no file: send the spreadsheet as the body.');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${randomUUID()}.upload`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) done(new HttpProblem(413, 'Upload too large', tooLarge));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream), limit, createWriteStream(path, { mode: 0o600 }));
    const kind = await fileKindOf(path);
    if (declared === 'xlsx' && kind !== 'xlsx')
      throw new HttpProblem(
        400,
        'Not an XLSX file',
        'The upload was declared as an Excel workbook but is not one: save it as .xlsx, or send CSV as text/csv.',
      );
    return { path, kind };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

const tooLarge = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB: split the cohort into several files.`;
