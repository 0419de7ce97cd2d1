import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortFileError, type CohortFileKind, fileKindOf, readCohortFile, readHeaderOf } from './parse.ts';
import { templateXlsx } from './template.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-parse-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let files = 0;
function fileWith(content: string | Uint8Array): string {
  const path = join(dir, `upload-${files++}`);
  writeFileSync(path, content);
  return path;
}

async function rowsOf(path: string, kind?: CohortFileKind) {
  const rows = [];
  for await (const row of readCohortFile(path, kind ?? (await fileKindOf(path)))) rows.push(row);
  return rows;
}

describe('reading a cohort CSV', () => {
  it('reads semicolons, a BOM, CRLF, quoted cells with separators, quotes and line breaks, keeping row numbers', async () => {
    const csv = [
      '\uFEFFlearnerReference;name;qualificationTitle;awardedOn;competencies',
      'S-1;"Yusuf; Amina";Electrician;2026-06-30;"Wiring; Testing"',
      ';;;;',
      'S-2;"Li ""Wei""\nZhang";Plumber;2026-06-29;',
      'S-3;Zoë Dupont;Électricien;2026-06-28;',
    ].join('\r\n');
    const rows = await rowsOf(fileWith(csv));
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          learnerReference: 'S-1',
          name: 'Yusuf; Amina',
          qualificationTitle: 'Electrician',
          awardedOn: '2026-06-30',
          competencies: 'Wiring; Testing',
        },
      },
      {
        row: 4,
        values: {
          learnerReference: 'S-2',
          name: 'Li "Wei"\nZhang',
          qualificationTitle: 'Plumber',
          awardedOn: '2026-06-29',
        },
      },
      {
        row: 5,
        values: {
          learnerReference: 'S-3',
          name: 'Zoë Dupont',
          qualificationTitle: 'Électricien',
          awardedOn: '2026-06-28',
        },
      },
    ]);
  });

  it('reads commas with LF, header names in any case, and says which row has cells past the header', async () => {
    const csv =
      'LearnerReference , qualificationtitle,awardedOn\nS-1,"Electrician, level 4",2026-06-30\nS-2,Plumber,2026-06-30,extra\n';
    const rows = await rowsOf(fileWith(csv));
    expect(rows[0]).toEqual({
      row: 2,
      values: { learnerReference: 'S-1', qualificationTitle: 'Electrician, level 4', awardedOn: '2026-06-30' },
    });
    expect(rows[1]?.problem).toBe('the row has 1 more cell(s) than the header has columns');
  });

  it('names a cell that is not UTF-8', async () => {
    const latin1 = Buffer.from(
      'learnerReference,name,qualificationTitle,awardedOn\nS-1,Zo\xeb,Electrician,2026-06-30\n',
      'latin1',
    );
    const [row] = await rowsOf(fileWith(latin1));
    expect(row?.problem).toMatch(/^name holds characters that are not UTF-8: save the file as "CSV UTF-8"/);
  });

  it.each([
    [
      'unknown columns',
      'learnerReference,qualificationTitle,awardedOn,email\n',
      /"email", which is not a column of a cohort/,
    ],
    ['a required column missing', 'learnerReference,qualificationTitle\n', /no awardedOn column/],
    ['no learner column', 'name,qualificationTitle,awardedOn\n', /neither a learnerReference nor a did column/],
    ['a repeated column', 'did,did,qualificationTitle,awardedOn\n', /names the column did twice/],
    ['an empty file', '', /the file is empty/],
    ['a header without learners', 'did,qualificationTitle,awardedOn\n', /a header but no learner rows/],
    [
      'an unclosed quote',
      'did,qualificationTitle,awardedOn\ndid:key:x,"Electrician,2026-06-30\n',
      /a closing " is missing/,
    ],
  ])('refuses a file with %s, in plain words', async (_what, content, message) => {
    const error = await readHeaderOf(fileWith(content), 'csv');
    expect(error).toBeInstanceOf(CohortFileError);
    expect(error?.message).toMatch(message);
  });
});

describe('reading a cohort XLSX', () => {
  it('reads the template: its example row with the first sheet only', async () => {
    const path = fileWith(await templateXlsx());
    expect(await fileKindOf(path)).toBe('xlsx');
    const rows = await rowsOf(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 2,
      values: { learnerReference: 'STU-2026-0042', awardedOn: '2026-06-30', levelValue: '4' },
    });
  });

  it('turns dates, numbers, formulas and rich text into text, and keeps spreadsheet row numbers across blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Graduates');
    sheet.addRow(['learnerReference', 'qualificationTitle', 'levelFramework', 'levelValue', 'awardedOn']);
    sheet.addRow([
      42,
      { richText: [{ text: 'Electrical ' }, { text: 'Installation', font: { bold: true } }] },
      'EQF',
      { formula: '2+2', result: 4 },
      new Date(Date.UTC(2026, 5, 30)),
    ]);
    sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
    sheet.getRow(5).values = ['S-5', 'Plumbing', '', '', '2026-06-29'];
    workbook.addWorksheet('Notes').addRow(['not', 'read']);
    const path = fileWith(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await rowsOf(path)).toEqual([
      {
        row: 2,
        values: {
          learnerReference: '42',
          qualificationTitle: 'Electrical Installation',
          levelFramework: 'EQF',
          levelValue: '4',
          awardedOn: '2026-06-30',
        },
      },
      { row: 5, values: { learnerReference: 'S-5', qualificationTitle: 'Plumbing', awardedOn: '2026-06-29' } },
    ]);
  });

  it('refuses a ZIP that is no workbook', async () => {
    const error = await readHeaderOf(fileWith(Buffer.from('PK\x03\x04garbage', 'latin1')), 'xlsx');
    expect(error?.message).toMatch(/not an XLSX workbook that can be read/);
  });
});
