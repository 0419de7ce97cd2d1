import { stringify } from 'csv-stringify/sync';
import { COHORT_COLUMNS, EXAMPLE_ROW } from './columns.ts';

const names = COHORT_COLUMNS.map((c) => c.name);

/** The CSV template: the header and one example row, UTF-8 with a BOM so that Excel reads accents right. */
export function templateCsv(): string {
  return `\uFEFF${stringify([names, names.map((n) => EXAMPLE_ROW[n])], { record_delimiter: 'windows' })}`;
}

/** The XLSX template: the same, with each column's meaning as its header's note, and dates kept as text. */
export async function templateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: it is large, and most issuer starts never write a workbook.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet('Cohort');
  sheet.columns = COHORT_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: Math.max(14, c.name.length + 4) }));
  COHORT_COLUMNS.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.about;
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE_ROW);
  // Text format, so that a typed 2026-06-30 or 0042 is kept as written.
  for (const column of ['awardedOn', 'learnerReference', 'qualificationCode', 'occupationCode', 'levelValue'])
    sheet.getColumn(column).numFmt = '@';
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
