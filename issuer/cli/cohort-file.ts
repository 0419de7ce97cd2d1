import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { CliError, EXIT } from './cli-error.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type a cohort file is sent with, from its name: the issuer takes CSV and XLSX. */
export function cohortFileType(file: string): string {
  if (!existsSync(file)) throw new CliError(`There is no file ${file}: check the name and the folder.`, EXIT.usage);
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return 'text/csv';
  if (extension === '.xlsx') return XLSX_TYPE;
  throw new CliError(
    `${file} is neither a .csv nor an .xlsx file. Save the spreadsheet as CSV (UTF-8) or Excel workbook (.xlsx).`,
    EXIT.usage,
  );
}

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** A row error as the registrar looks for it in the spreadsheet: row, then column. */
export function rowErrorLine(error: RowError): string {
  return `  row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`;
}
