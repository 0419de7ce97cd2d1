import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { LANGUAGES, languageOfTag } from '../../core/messages/index.ts';
import { COLUMN_NAMES, type CohortColumn, type CohortRow, columnNamed, isTemplateExample } from './columns.ts';
import { unpackedSizeProblem } from './xlsx-unpacked-size.ts';

export type CohortFileKind = 'csv' | 'xlsx';

/** The most rows one upload may hold. */
export const MAX_COHORT_ROWS = 100_000;
/** The longest CSV record read: a file without line breaks must not be held whole in memory. */
const MAX_RECORD_CHARS = 64 * 1024;

/** Something about the whole file (its header, its form) that stops it from being read. */
export class CohortFileError extends Error {
  constructor(
    message: string,
    readonly row = 1,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** One data row: its number as the spreadsheet shows it (the header is row 1), and its cells by column. */
export interface ParsedRow {
  row: number;
  values: CohortRow;
  /** Why the row cannot be read as a whole (e.g. more cells than the header has columns). */
  problem?: string;
}

/** The kind of an uploaded file, from its first bytes (an XLSX file is a ZIP archive) and its declared type. */
export async function fileKindOf(path: string): Promise<CohortFileKind> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString('latin1') === 'PK\x03\x04' ? 'xlsx' : 'csv';
  } finally {
    await file.close();
  }
}

/** Semicolon when the header line has more semicolons than commas (outside quotes), as spreadsheets in many languages save it. */
async function csvDelimiterOf(path: string): Promise<',' | ';'> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(16 * 1024), 0, 16 * 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    let quoted = false;
    let commas = 0;
    let semicolons = 0;
    for (const char of head) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && (char === '\n' || char === '\r')) break;
      else if (!quoted && char === ',') commas++;
      else if (!quoted && char === ';') semicolons++;
    }
    return semicolons > commas ? ';' : ',';
  } finally {
    await file.close();
  }
}

/** The header's columns by position; refuses unknown or repeated columns and missing required ones. */
export function readHeader(cells: readonly string[]): (CohortColumn | undefined)[] {
  const columns = cells.map((cell) => (cell.trim() === '' ? undefined : columnNamed(cell)));
  const unknown = cells.filter((cell, i) => cell.trim() !== '' && columns[i] === undefined);
  if (unknown.length > 0)
    throw new CohortFileError(
      `the header names ${unknown.map((u) => `"${u.trim().slice(0, 60)}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a column' : 'are not columns'} of a cohort; the columns are ${COLUMN_NAMES.join(', ')} (see GET /cohorts/template.csv)`,
    );
  const repeated = columns.find((c, i) => c !== undefined && columns.indexOf(c) !== i);
  if (repeated) throw new CohortFileError(`the header names the column ${repeated} twice`, 1, repeated);
  for (const required of ['qualificationTitle', 'awardedOn'] as const)
    if (!columns.includes(required))
      throw new CohortFileError(`the header has no ${required} column, which every credential needs`, 1, required);
  if (!columns.includes('learnerReference') && !columns.includes('did'))
    throw new CohortFileError(
      'the header has neither a learnerReference nor a did column: each learner needs one of them',
      1,
      'learnerReference',
    );
  return columns;
}

function rowOf(row: number, columns: readonly (CohortColumn | undefined)[], cells: readonly string[]): ParsedRow {
  const values: CohortRow = {};
  cells.forEach((cell, i) => {
    const column = columns[i];
    const value = cell.trim();
    if (column && value !== '') values[column] = value;
  });
  const extra = cells.slice(columns.length).filter((cell) => cell.trim() !== '').length;
  if (extra > 0) return { row, values, problem: `the row has ${extra} more cell(s) than the header has columns` };
  // Bytes that are not UTF-8 decode to U+FFFD: a spreadsheet saved as "CSV" in a legacy encoding.
  const garbled = Object.entries(values).find(([, v]) => v?.includes('\uFFFD'));
  if (garbled)
    return {
      row,
      values,
      problem: `${garbled[0]} holds characters that are not UTF-8: save the file as "CSV UTF-8" (or as XLSX) and upload it again`,
    };
  if (values.certificateLanguage !== undefined && !languageOfTag(values.certificateLanguage))
    return {
      row,
      values,
      problem: `certificateLanguage ${values.certificateLanguage} is not a language certificates are printed in: give one of ${Object.keys(LANGUAGES).join(', ')}, or leave it empty`,
    };
  if (isTemplateExample(values))
    return {
      row,
      values,
      problem: `this is the template's example row (${values.learnerReference}, ${values.name}), not a graduate: replace it with one of yours, or delete it`,
    };
  return { row, values };
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function plainCsvError(error: CsvError): CohortFileError {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? ` near line ${line}` : '';
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return new CohortFileError(`the file ends inside a quoted cell${where}: a closing " is missing`, line ?? 1);
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return new CohortFileError(`a row${where} is longer than ${MAX_RECORD_CHARS} characters`, line ?? 1);
  return new CohortFileError(`the file is not a CSV file that can be read${where}: ${error.message}`, line ?? 1);
}

async function* csvRecords(path: string): AsyncGenerator<string[]> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: await csvDelimiterOf(path),
      encoding: 'utf8',
      relax_column_count: true,
      relax_quotes: true,
      // Any line end, even mixed: the template comes with CRLF, and rows added in a text editor
      // (or with `cat >>`) end with LF. Otherwise the first line's end is the only one known.
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_CHARS,
    }),
  );
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (error instanceof CsvError) throw plainCsvError(error);
    throw error;
  }
}

/** A cell's text: Excel gives dates, numbers, formulas and rich text as objects. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

async function* xlsxRecords(path: string): AsyncGenerator<{ row: number; cells: string[] }> {
  const tooLarge = await unpackedSizeProblem(path);
  if (tooLarge)
    throw new CohortFileError(
      `the workbook is far larger than any cohort once unpacked (${tooLarge}), even one of ${MAX_COHORT_ROWS.toLocaleString('en')} rows; save it again from the spreadsheet as .xlsx or as CSV UTF-8`,
    );
  // Loaded on first use: it is large, and most issuer starts never read a workbook.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        // Row values are 1-based: index 0 is always empty.
        yield { row: row.number, cells: Array.from(values.slice(1), cellText) };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof CohortFileError) throw error;
    throw new CohortFileError(
      `the file is not an XLSX workbook that can be read (${(error as Error).message.split('\n')[0]}); save it again from the spreadsheet as .xlsx or as CSV UTF-8`,
    );
  }
}

async function* numbered(kind: CohortFileKind, path: string): AsyncGenerator<{ row: number; cells: string[] }> {
  if (kind === 'xlsx') {
    yield* xlsxRecords(path);
    return;
  }
  let row = 0;
  for await (const cells of csvRecords(path)) yield { row: ++row, cells };
}

/**
 * Reads an uploaded cohort file row by row, never holding more than one row: CSV (UTF-8 with or
 * without BOM, comma or semicolon, quoted cells, CRLF or LF) or XLSX (its first sheet). Blank rows
 * are skipped but keep their numbers. Throws CohortFileError for a file that cannot be read.
 */
export async function* readCohortFile(path: string, kind: CohortFileKind): AsyncGenerator<ParsedRow> {
  let columns: (CohortColumn | undefined)[] | undefined;
  let count = 0;
  for await (const { row, cells } of numbered(kind, path)) {
    if (!columns) {
      if (isBlank(cells)) continue;
      if (row !== 1) throw new CohortFileError(`the header must be the first row; row 1 is empty`);
      columns = readHeader(cells);
      continue;
    }
    if (isBlank(cells)) continue;
    if (++count > MAX_COHORT_ROWS)
      throw new CohortFileError(
        `the file has more than ${MAX_COHORT_ROWS.toLocaleString('en')} learners: split it into several files`,
        row,
      );
    yield rowOf(row, columns, cells);
  }
  if (!columns) throw new CohortFileError('the file is empty: it needs a header row and one row per learner');
}

/** Why the file cannot be a cohort (its form, its header, no learner at all), read from its first rows; undefined when it can. */
export async function readHeaderOf(path: string, kind: CohortFileKind): Promise<CohortFileError | undefined> {
  try {
    for await (const _row of readCohortFile(path, kind)) return undefined;
    return new CohortFileError('the file has a header but no learner rows', 2);
  } catch (error) {
    if (error instanceof CohortFileError) return error;
    throw error;
  }
}
