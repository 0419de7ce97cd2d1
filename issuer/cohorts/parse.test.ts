import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortFileError, type CohortFileKind, fileKindOf, readCohortFile, readHeaderOf } from './parse.ts';
import { templateCsv, templateXlsx } from './template.ts';

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

  it('reads line ends mixed in one file: the CRLF template with rows added in an editor that writes LF', async () => {
    const csv =
      'learnerReference,qualificationTitle,awardedOn\r\nS-1,Electrician,2026-06-30\nS-2,"Plumber\nand pipe fitter",2026-06-30\r\nS-3,Cook,2026-06-30\rS-4,Welder,2026-06-30\n';
    const rows = await rowsOf(fileWith(csv));
    expect(rows.map((r) => [r.row, r.values.learnerReference, r.values.qualificationTitle, r.problem])).toEqual([
      [2, 'S-1', 'Electrician', undefined],
      [3, 'S-2', 'Plumber\nand pipe fitter', undefined],
      [4, 'S-3', 'Cook', undefined],
      [5, 'S-4', 'Welder', undefined],
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

  it("takes a row's certificate language as the catalogue knows it, and refuses one it lacks", async () => {
    const rows = await rowsOf(
      fileWith('did,qualificationTitle,awardedOn,certificateLanguage\nd1,X,2026-06-30,fr-CA\nd2,X,2026-06-30,tlh\n'),
    );
    expect(rows[0]!.problem).toBeUndefined();
    expect(rows[0]!.values.certificateLanguage).toBe('fr-CA');
    expect(rows[1]!.problem).toBe(
      'certificateLanguage tlh is not a language certificates are printed in: give one of en, fr, es, ar, zh, pt, hi, or leave it empty',
    );
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
  it('reads the template: its example row with the first sheet only, refused as the example it is, unless it was changed', async () => {
    const path = fileWith(await templateXlsx());
    expect(await fileKindOf(path)).toBe('xlsx');
    const rows = await rowsOf(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 2,
      values: { learnerReference: 'STU-2026-0042', awardedOn: '2026-06-30', levelValue: '4' },
      problem:
        "this is the template's example row (STU-2026-0042, Amina Yusuf), not a graduate: replace it with one of yours, or delete it",
    });
    const changed = (await rowsOf(fileWith(templateCsv().replace('Amina Yusuf', 'Amina Yusuf Bello'))))[0]!;
    expect(changed.values.name).toBe('Amina Yusuf Bello');
    expect(changed.problem).toBeUndefined();
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

  /**
   * The template workbook with one part swapped for `megabytes` of a repeated row, written as it is
   * compressed (a thousand to one), so that the test never holds it whole.
   */
  async function workbookUnpackingTo(part: string, megabytes: number): Promise<string> {
    const parts = unzipSync(await templateXlsx());
    const path = join(dir, `bomb-${files++}.xlsx`);
    const fd = openSync(path, 'w');
    try {
      const zip = new Zip((error, chunk) => {
        if (error) throw error;
        writeSync(fd, chunk);
      });
      for (const [name, content] of Object.entries(parts)) {
        if (name === part) continue;
        const entry = new ZipDeflate(name);
        zip.add(entry);
        entry.push(content, true);
      }
      const big = new ZipDeflate(part, { level: 1 });
      zip.add(big);
      const megabyte = new TextEncoder().encode(
        '<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>'.repeat(2 ** 20 / 48),
      );
      for (let i = 0; i < megabytes; i++) big.push(megabyte, false);
      big.push(new Uint8Array(0), true);
      zip.end();
    } finally {
      closeSync(fd);
    }
    return path;
  }

  it('refuses a workbook whose shared strings unpack to more than the reader should hold, before reading it', async () => {
    const bomb = await workbookUnpackingTo('xl/sharedStrings.xml', 65);
    expect(statSync(bomb).size).toBeLessThan(2 * 2 ** 20);
    const error = await readHeaderOf(bomb, 'xlsx');
    expect(error?.message).toBe(
      'the workbook is far larger than any cohort once unpacked (its part xl/sharedStrings.xml unpacks to more than 64 MiB), even one of 100,000 rows; save it again from the spreadsheet as .xlsx or as CSV UTF-8',
    );
  });

  it('refuses a workbook that unpacks to more than 512 MiB in all, sheets included', async () => {
    const error = await readHeaderOf(await workbookUnpackingTo('xl/worksheets/sheet1.xml', 513), 'xlsx');
    expect(error?.message).toMatch(/\(it unpacks to more than 512 MiB\)/);
  }, 60_000);

  it('refuses a ZIP that is no workbook', async () => {
    const error = await readHeaderOf(fileWith(Buffer.from('PK\x03\x04garbage', 'latin1')), 'xlsx');
    expect(error?.message).toMatch(/not an XLSX workbook that can be read/);
  });
});
