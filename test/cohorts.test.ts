/**
 * A registrar's cohort on the real system (issuer, local ledger, verifier as child processes):
 * the templates, a dry run that names the rows and columns to fix, allOrNothing, an issue with
 * rows skipped, results.csv for a mail merge (claim codes once), a re-upload that issues nothing,
 * XLSX and a semicolon CSV with a BOM, each credential anchored and verified.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrBundle } from '../core/qr-bundle/index.ts';
import { waitUntilAllAnchored } from './support/anchoring.ts';
import { readReply } from './support/http.ts';
import { printedPage } from './support/printed-page.ts';
import { claimWhenAnchored, postJson, type RunningSystem, revokeCredential, startSystem } from './support/system.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER =
  'learnerReference,name,did,qualificationTitle,qualificationCode,levelFramework,levelValue,occupationCode,occupationTitle,occupationFramework,competencies,awardedOn';
const run = randomBytes(3).toString('hex');
const learner = (n: number, awardedOn = '2026-06-30', extra = '') =>
  `C-${run}-${n},Learner ${n},,Electrical Installation,NC-ELEC-4,EQF,4,7411,Electrician,ISCO-08,"Wiring; Testing${extra}",${awardedOn}`;
/** Competencies no QR code can hold: random text does not compress. */
const tooLargeForQr = Array.from({ length: 30 }, () => randomBytes(120).toString('hex')).join('; ');

// Row 1 is the header; the errors are at rows 3, 5, 6 and 7.
const COHORT_CSV = [
  HEADER,
  learner(1),
  learner(2, '30/06/2026'),
  learner(3),
  `C-${run}-4,Learner 4,,,,,,,,,,2026-06-30`,
  `,Learner 5,,Plumbing,,,,,,,,2026-06-30`,
  `C-${run}-7,Learner 7,,Electrical Installation,,,,,,,"${tooLargeForQr}",2026-06-30`,
  learner(8),
].join('\n');

let system: RunningSystem;
const admin = () => ({ authorization: `Bearer ${system.adminToken}` });

function upload(body: string | Uint8Array, type: string, query = '') {
  return fetch(`${system.issuerUrl}/cohorts${query}`, {
    method: 'POST',
    headers: { ...admin(), 'content-type': type },
    body: body as BodyInit,
  }).then(readReply);
}

async function cohortDone(id: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const status = (await fetch(`${system.issuerUrl}/cohorts/${id}`, { headers: admin() }).then(readReply)).body;
    if (status.status !== 'running') return status;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`cohort ${id} still running:\n${system.output()}`);
}

async function issueCohort(body: string | Uint8Array, type: string, query = ''): Promise<any> {
  const accepted = await upload(body, type, query);
  expect(accepted.status, accepted.text).toBe(202);
  expect(accepted.headers.get('location')).toBe(`/cohorts/${accepted.body.id}`);
  return cohortDone(accepted.body.id);
}

const results = async (id: string) => {
  const reply = await fetch(`${system.issuerUrl}/cohorts/${id}/results.csv`, { headers: admin() }).then(readReply);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
  return parse(reply.text, { bom: true, columns: true }) as Record<string, string>[];
};

const credentialCount = async () =>
  (await fetch(`${system.issuerUrl}/credentials?limit=500`, { headers: admin() }).then(readReply)).body.items.length;

beforeAll(async () => {
  system = await startSystem({ env: { ANCHOR_BATCH_SIZE: '50', ANCHOR_BATCH_WAIT_MS: '300' } });
}, 90_000);
afterAll(() => system?.destroy());

describe('cohort from a spreadsheet, on the real system', () => {
  it('gives the templates, each with the columns and one example row that a dry run names as the example, not to be issued', async () => {
    const template = await fetch(`${system.issuerUrl}/cohorts/template.csv`);
    expect(template.status).toBe(200);
    const bytes = Buffer.from(await template.arrayBuffer());
    // A BOM first, so that Excel reads the file as UTF-8.
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = { text: bytes.toString('utf8') };
    expect(csv.text).toMatch(
      /^\uFEFFlearnerReference,name,did,qualificationTitle,.*,awardedOn,educationLevel,openBadge,certificateLanguage\r\n/,
    );
    const xlsx = await fetch(`${system.issuerUrl}/cohorts/template.xlsx`);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(1).getCell(12).value).toBe('awardedOn');

    const checked = await upload(csv.text, 'text/csv', '?dryRun=true');
    expect(checked.body).toEqual({
      rows: 1,
      valid: 0,
      alreadyIssued: 0,
      errors: [
        {
          row: 2,
          message:
            "this is the template's example row (STU-2026-0042, Amina Yusuf), not a graduate: replace it with one of yours, or delete it",
        },
      ],
    });
    // Any cell of it changed, it is a graduate's row like any other, and it passes.
    const edited = await upload(csv.text.replace('STU-2026-0042', `STU-${run}`), 'text/csv', '?dryRun=true');
    expect(edited.body).toEqual({ rows: 1, valid: 1, alreadyIssued: 0, errors: [] });
  });

  it('refuses without the admin token, other media types and a file that is no cohort, issuing nothing', async () => {
    const anonymous = await fetch(`${system.issuerUrl}/cohorts`, { method: 'POST', body: COHORT_CSV }).then(readReply);
    expect(anonymous.status).toBe(401);
    expect((await upload('{}', 'application/json')).status).toBe(415);
    const wrongHeader = await upload('student,course\nA,B\n', 'text/csv');
    expect(wrongHeader.status).toBe(422);
    expect(wrongHeader.body.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining('"student"') });
    expect((await upload('not a workbook', XLSX)).status).toBe(400);
    expect(await credentialCount()).toBe(0);
  });

  it('dry run: names each row and column to fix, in plain words, issuing nothing', async () => {
    const reply = await upload(COHORT_CSV, 'text/csv', '?dryRun=true');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ rows: 7, valid: 3, alreadyIssued: 0 });
    expect(reply.body.errors).toEqual([
      { row: 3, column: 'awardedOn', message: 'awardedOn must be a date written YYYY-MM-DD, such as 2026-06-30' },
      { row: 5, column: 'qualificationTitle', message: 'qualificationTitle is empty: it is required here' },
      { row: 6, column: 'learnerReference', message: 'learnerReference or did must be given: the row has neither' },
      {
        row: 7,
        message: expect.stringMatching(/^the credential's QR code would need \d+ characters .* more than the 3391/),
      },
    ]);
    expect(await credentialCount()).toBe(0);
  });

  it('allOrNothing: a file with errors issues nothing and says why', async () => {
    const status = await issueCohort(COHORT_CSV, 'text/csv', '?allOrNothing=true');
    expect(status).toMatchObject({ status: 'failed', total: 7, issued: 0, failed: 4, allOrNothing: true });
    expect(status.detail).toMatch(/^4 of 7 rows have errors and allOrNothing was asked: nothing was issued/);
    expect(status.errors.map((e: { row: number }) => e.row)).toEqual([3, 5, 6, 7]);
    expect(await credentialCount()).toBe(0);
  });

  let firstCohort: string;
  it('issues the valid rows, skips and reports the others; results.csv gives the claim codes once', async () => {
    const status = await issueCohort(COHORT_CSV, 'text/csv');
    firstCohort = status.id;
    expect(status).toMatchObject({ status: 'done', total: 7, issued: 3, alreadyIssued: 0, failed: 4 });
    expect(status.claimCodesKept).toBe(true);
    expect(status.errors.map((e: { row: number }) => e.row)).toEqual([3, 5, 6, 7]);

    const rows = await results(status.id);
    expect(rows.map((r) => [r.row, r.status, r.learnerReference])).toEqual([
      ['2', 'issued', `C-${run}-1`],
      ['3', 'failed', `C-${run}-2`],
      ['4', 'issued', `C-${run}-3`],
      ['5', 'failed', `C-${run}-4`],
      ['6', 'failed', ''],
      ['7', 'failed', `C-${run}-7`],
      ['8', 'issued', `C-${run}-8`],
    ]);
    expect(rows[1]!.errors).toContain('awardedOn must be a date');
    const issued = rows.filter((r) => r.status === 'issued');
    for (const row of issued) {
      expect(row.shortId).toMatch(/^[0-9a-f]{8}$/);
      expect(row.claimCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      expect(row.claimUrl).toBe(`${system.issuerUrl}/claims/${row.claimCode}`);
    }
    // The learner collects it with the code, and the verifier finds it valid.
    const bundle = await claimWhenAnchored(issued[0]!.claimUrl!);
    const verdict = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: bundle.credential,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(verdict.body.verdict ?? verdict.body.status, verdict.text).toBe('valid');
    const record = await fetch(`${system.issuerUrl}/credentials/${issued[0]!.credentialId}`, { headers: admin() });
    const stored = await record.json();
    expect(stored.subject).toEqual({ learnerReference: `C-${run}-1` });
    // The short id in results.csv is the one the certificate prints.
    expect(stored.shortId).toBe(issued[0]!.shortId);

    // Downloaded in full once: the codes are no longer kept, and the cohort's status says so.
    const after = await fetch(`${system.issuerUrl}/cohorts/${status.id}`, { headers: admin() }).then(readReply);
    expect(after.body).toMatchObject({ claimCodesKept: false, resultsDeliveredAt: expect.stringMatching(/^\d{4}-/) });
    const again = await results(status.id);
    expect(again.map((r) => r.credentialId)).toEqual(rows.map((r) => r.credentialId));
    expect(again.every((r) => r.claimCode === '' && r.claimUrl === '')).toBe(true);
  });

  it("results.csv shows a learner's text that a spreadsheet would run as a formula, and does not let it run", async () => {
    const csv = [
      HEADER,
      learner(20).replace('Learner 20', '=2+5*cmd|A1'),
      learner(21).replace(`C-${run}-21`, `+C-${run}-21`),
    ].join('\n');
    const status = await issueCohort(csv, 'text/csv');
    expect(status).toMatchObject({ status: 'done', issued: 2 });
    const rows = await results(status.id);
    expect(rows.map((r) => [r.learnerReference, r.name])).toEqual([
      [`C-${run}-20`, "'=2+5*cmd|A1"],
      [`'+C-${run}-21`, 'Learner 21'],
    ]);
  });

  it('uploading the same file again issues nothing new: each row already issued is named with its credential', async () => {
    const before = await credentialCount();
    const dry = await upload(COHORT_CSV, 'text/csv', '?dryRun=true');
    expect(dry.body).toMatchObject({ rows: 7, valid: 3, alreadyIssued: 3 });
    const status = await issueCohort(COHORT_CSV, 'text/csv');
    expect(status).toMatchObject({ status: 'done', issued: 0, alreadyIssued: 3, failed: 4 });
    expect(await credentialCount()).toBe(before);
    const first = await results(firstCohort);
    const second = await results(status.id);
    expect(second.filter((r) => r.status === 'alreadyIssued').map((r) => r.credentialId)).toEqual(
      first.filter((r) => r.status === 'issued').map((r) => r.credentialId),
    );
  });

  it('issues from an XLSX workbook (its first sheet, dates typed as dates) and from a semicolon CSV with a BOM and CRLF', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Graduates');
    sheet.addRow([
      'learnerReference',
      'name',
      'qualificationTitle',
      'competencies',
      'awardedOn',
      'rowKey',
      'educationLevel',
    ]);
    sheet.addRow([
      `X-${run}-1`,
      'Zoë Dupont',
      'Plomberie',
      'Soudure; Lecture de plans',
      new Date(Date.UTC(2026, 5, 29)),
      '',
      'Upper secondary',
    ]);
    sheet.addRow([`X-${run}-2`, 'علي حسن', 'Plumbing', '', '2026-06-29', `key-${run}`]);
    const xlsx = await issueCohort(new Uint8Array(await workbook.xlsx.writeBuffer()), XLSX);
    expect(xlsx).toMatchObject({ status: 'done', total: 2, issued: 2, failed: 0 });
    const [zoe] = await results(xlsx.id);
    expect(zoe).toMatchObject({ name: 'Zoë Dupont', status: 'issued' });
    const bundle = await claimWhenAnchored(zoe!.claimUrl!);
    const claims = JSON.parse(Buffer.from(bundle.credential.split('.')[1]!, 'base64url').toString());
    expect(JSON.stringify(claims)).toContain('"awardedOn":"2026-06-29"');

    const semicolons = `\uFEFFlearnerReference;name;qualificationTitle;competencies;awardedOn\r\nS-${run}-1;"Yusuf; Amina";Électricité;"Câblage; Essais";2026-06-28\r\nS-${run}-2;Li Wei;Électricité;;2026-06-28\r\nS-${run}-1;Amina Yusuf;Électricité;;2026-06-28\r\n`;
    const csv = await issueCohort(semicolons, 'text/csv; charset=utf-8');
    expect(csv).toMatchObject({ status: 'done', total: 3, issued: 2, alreadyIssued: 1, failed: 0 });
    // The last row repeats the first learner's qualification and date: issued once.
    const lines = await results(csv.id);
    expect(lines.map((r) => [r.name, r.status])).toEqual([
      ['Yusuf; Amina', 'issued'],
      ['Li Wei', 'issued'],
      ['Amina Yusuf', 'alreadyIssued'],
    ]);
    expect(lines[2]!.credentialId).toBe(lines[0]!.credentialId);

    await waitUntilAllAnchored(system);
  });

  it('anchors a cohort in as few ledger transactions as the batch size allows (ANCHOR_BATCH_SIZE=50)', async () => {
    const lines = [HEADER, ...Array.from({ length: 120 }, (_, i) => learner(1000 + i))];
    const status = await issueCohort(lines.join('\n'), 'text/csv');
    expect(status).toMatchObject({ status: 'done', issued: 120 });
    await waitUntilAllAnchored(system);
    const batchSizes = new Map<string, number>();
    for (const row of await results(status.id)) {
      const record = await fetch(`${system.issuerUrl}/credentials/${row.credentialId}`, { headers: admin() });
      const root = (await record.json()).anchorReceipt.merkleRoot;
      batchSizes.set(root, (batchSizes.get(root) ?? 0) + 1);
    }
    expect([...batchSizes.values()].sort((a, b) => b - a)).toEqual([50, 50, 20]);
  });

  it("prints the cohort's certificates in one PDF: a page each, in row order, claim codes while kept, revoked left out", async () => {
    const names = ['Amina Yusuf', 'أمينة يوسف', 'Jean-Baptiste Kaboré'];
    // The second learner's certificate in Arabic, the others in the language the PDF is asked in.
    const languages = ['', 'ar', ''];
    const lines = [
      `${HEADER},certificateLanguage`,
      ...names.map((name, i) => `${learner(3000 + i).replace(`Learner ${3000 + i}`, name)},${languages[i]}`),
    ];
    const status = await issueCohort(lines.join('\n'), 'text/csv');
    expect(status).toMatchObject({ status: 'done', issued: 3 });
    const certificates = async (query = '') => {
      for (let i = 0; i < 300; i++) {
        const reply = await fetch(`${system.issuerUrl}/cohorts/${status.id}/certificates.pdf${query}`, {
          headers: admin(),
        });
        if (reply.status !== 409) return reply;
        const problem = await reply.json();
        // The only 409 a finished cohort with issued rows may answer: its credentials are still being anchored.
        expect(problem.title).toBe('Not anchored yet');
        expect(reply.headers.get('retry-after')).toBe('5');
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('the certificates were never printed');
    };
    const reply = await certificates();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const page = await printedPage(Buffer.from(await reply.arrayBuffer()));
    try {
      expect(await page.pages()).toBe(3);
      const text = await page.text();
      const rows = await results(status.id);
      for (const [i, row] of rows.entries()) {
        expect(text).toContain(names[i]!.split(' ')[0]);
        expect(text).toContain(row.claimCode);
      }
      expect(text.match(/This is to certify that/g)).toHaveLength(2);
      expect(text).toContain('نشهد بأن');
      // Each page's QR code holds its row's credential, as an independent decoder reads the rendered page.
      for (const [i, row] of rows.entries()) {
        const scanned = decodeQrBundle(await page.scan(await page.image(150, 1, i + 1)));
        const record = await fetch(`${system.issuerUrl}/credentials/${row.credentialId}`, { headers: admin() });
        expect(scanned.credential).toBe((await record.json()).credential);
      }
    } finally {
      page.remove();
    }

    // results.csv was downloaded in full: the codes are gone; a revoked credential is not printed.
    expect(
      (await revokeCredential(system, (await results(status.id))[1]!.credentialId!, { reason: 'issuedInError' }))
        .status,
    ).toBe(200);
    // Printed again, in Spanish this time.
    const again = await printedPage(Buffer.from(await (await certificates('?lang=es')).arrayBuffer()));
    try {
      expect(await again.pages()).toBe(2);
      const text = await again.text();
      expect(text).toContain('Se certifica que');
      expect(text).not.toContain('código de recogida');
      expect(text).not.toContain(names[1]!.split(' ')[0]);
    } finally {
      again.remove();
    }
  });

  it('refuses to print a cohort that issued nothing, and an unknown one', async () => {
    const failed = await issueCohort(COHORT_CSV, 'text/csv', '?allOrNothing=true');
    const reply = await fetch(`${system.issuerUrl}/cohorts/${failed.id}/certificates.pdf`, { headers: admin() });
    expect(reply.status).toBe(409);
    expect((await reply.json()).title).toBe('No certificate to print');
    const unknown = `${system.issuerUrl}/cohorts/00000000-0000-4000-8000-000000000000/certificates.pdf`;
    expect((await fetch(unknown, { headers: admin() })).status).toBe(404);
    expect((await fetch(`${system.issuerUrl}/cohorts/${failed.id}/certificates.pdf`)).status).toBe(401);
  });

  it('answers 404 for an unknown cohort', async () => {
    const unknown = await fetch(`${system.issuerUrl}/cohorts/00000000-0000-4000-8000-000000000000`, {
      headers: admin(),
    });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${system.issuerUrl}/cohorts/nope`, { headers: admin() })).status).toBe(404);
  });
});
