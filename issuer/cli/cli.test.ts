import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { printedPage } from '../../test/support/printed-page.ts';
import {
  claimWhenAnchored,
  issue,
  qualificationRequest,
  type RunningSystem,
  runIssuerCli,
  startSystem,
  tempDir,
} from '../../test/support/system.ts';
import { EXIT } from './cli-error.ts';

let system: RunningSystem;

/** The template's header, saved by the CLI, and a row of it with the cells given (the others empty). */
async function templateColumns(dir: string) {
  const template = join(dir, 'template.csv');
  expect((await runIssuerCli(['cohort', 'template', '--out', template], env)).code).toBe(EXIT.ok);
  const header = readFileSync(template, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]!;
  const columns = header.split(',');
  return { header, row: (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',') };
}
/** A results.csv's lines, by column name. */
const csvRows = (file: string) => parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
let env: Record<string, string>;
const ids: string[] = [];

beforeAll(async () => {
  system = await startSystem();
  env = { SKILLMARK_ISSUER_URL: system.issuerUrl, SKILLMARK_ISSUER_TOKEN: system.adminToken };
  const claims: string[] = [];
  for (const reference of ['REG-0001', 'REG-0002', 'REG-0003']) {
    const issued = await issue(system, qualificationRequest({ learnerReference: reference }));
    expect(issued.status).toBe(201);
    ids.push(issued.body.credentialId);
    claims.push(issued.body.claim.url);
  }
  await Promise.all(claims.map((url) => claimWhenAnchored(url)));
}, 90_000);

afterAll(() => system?.destroy());

describe('skillmark-issuer, the registrar CLI', () => {
  it('teaches itself: --help lists the commands, the token and the exit codes', async () => {
    const help = await runIssuerCli(['--help'], {});
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/revoke/);
    expect(help.stdout).toMatch(/SKILLMARK_ISSUER_TOKEN/);
    expect(help.stdout).toMatch(/Exit codes/);
    const revokeHelp = await runIssuerCli(['revoke', '--help'], {});
    expect(revokeHelp.stdout).toMatch(/Examples:\n {2}skillmark-issuer revoke/);
    expect(revokeHelp.stdout).toMatch(/withdrawnByAssessmentBody/);
  });

  it('lists and shows credentials, in sentences and as JSON', async () => {
    const list = await runIssuerCli(['list'], env);
    expect(list.code).toBe(EXIT.ok);
    const shortIds = JSON.parse((await runIssuerCli(['--json', 'list'], env)).stdout)
      .items.filter((item: { id: string }) => ids.includes(item.id))
      .map((item: { shortId: string }) => item.shortId);
    expect(shortIds).toHaveLength(ids.length);
    // Each learner by name and reference, each credential by the short id its certificate prints.
    for (const shortId of shortIds) expect(list.stdout).toContain(shortId);
    expect(list.stdout).toMatch(
      /Amina Yusuf \(REG-0002\) +National Certificate in Electrical Installation +anchored on the ledger +[0-9a-f]{8}$/m,
    );

    const show = await runIssuerCli(['show', ids[0]!], env);
    expect(show.code).toBe(EXIT.ok);
    expect(show.stdout).toMatch(/Learner +Amina Yusuf \(REG-0001\)/);
    expect(show.stdout).toMatch(/Issued at +\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(show.stdout).toMatch(/QR code +\d+ characters/);

    const json = await runIssuerCli(['--json', 'show', ids[0]!], env);
    const record = JSON.parse(json.stdout);
    expect(record).toMatchObject({ id: ids[0], status: 'anchored', shortId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    // The short id, as a clerk reads it off the certificate or the learner's wallet.
    const byShortId = await runIssuerCli(['show', record.shortId], env);
    expect(byShortId.code, byShortId.stderr).toBe(EXIT.ok);
    expect(byShortId.stdout).toContain(`${ids[0]} (short id ${record.shortId})`);
  });

  it('revokes a list from a file in one request and one ledger transaction, and reports each credential', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const file = join(tempDir('skillmark-revoke-'), 'results.csv');
    writeFileSync(
      file,
      `learnerReference,credentialId\nREG-0002,${ids[1]}\nREG-0003,${ids[2]}\nREG-0003,${ids[2]}\nnobody,${unknown}\n`,
    );
    const run = await runIssuerCli(['--json', 'revoke', '--from', file, '--reason', 'issuedInError'], env);
    expect(run.code).toBe(EXIT.failed);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ reason: 'issuedInError', revoked: 2, alreadyRevoked: 0, notRevoked: 1 });
    expect(report.transactions).toHaveLength(1);
    expect(report.outcomes.find((o: { id: string }) => o.id === unknown).outcome).toBe('unknown');

    const again = await runIssuerCli(['revoke', ids[1]!], env);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toMatch(/already revoked +\S+ \(on \d{4}-\d{2}-\d{2}\)/);
    expect(again.stdout).toMatch(/0 revoked \(0 ledger transactions\), 1 already revoked, 0 not revoked/);

    const revoked = await runIssuerCli(['list', '--status', 'revoked'], env);
    expect(revoked.stdout).toMatch(/REG-0003\) .* revoked on \d{4}-\d{2}-\d{2} \(issuedInError\)/);
    expect(revoked.stdout).not.toContain('REG-0001');
  });

  it('searches by name without accents, by qualification and dates, as a table or JSON', async () => {
    const byName = await runIssuerCli(['search', '--name', 'AMINA', '--reference', 'REG-0001'], env);
    expect(byName.code).toBe(EXIT.ok);
    expect(byName.stdout).toMatch(/^issued +learner +qualification +state +short id$/m);
    expect(byName.stdout).toMatch(
      /Amina Yusuf \(REG-0001\) +National Certificate in Electrical Installation +anchored on the ledger/,
    );
    expect(byName.stdout).not.toContain('REG-0002');

    const json = await runIssuerCli(
      ['--json', 'search', '--qualification', 'electrical', '--awarded-from', '2026-06-30', '--status', 'revoked'],
      env,
    );
    expect(json.code).toBe(EXIT.ok);
    const found = JSON.parse(json.stdout).items.map((i: { id: string }) => i.id);
    expect(found.sort()).toEqual([ids[1], ids[2]].sort());

    const badDate = await runIssuerCli(['search', '--awarded-from', '30/06/2026'], env);
    expect(badDate.code).toBe(EXIT.usage);
    expect(badDate.stderr).toMatch(/write the date YYYY-MM-DD/);
  });

  it('takes a cohort from the template through check and issue to the claim codes, and issues nothing twice', async () => {
    const dir = tempDir('skillmark-cohort-cli-');
    const { header, row } = await templateColumns(dir);
    const learner = (n: number, awardedOn = '2026-06-30') => ({
      learnerReference: `COH-${n}`,
      name: `Learner ${n}`,
      qualificationTitle: 'Certificate in Solar Installation',
      qualificationCode: 'SOLAR-3',
      awardedOn,
    });
    const file = join(dir, 'graduates.csv');
    writeFileSync(file, [header, row(learner(1)), row(learner(2, '30/06/2026')), row(learner(3))].join('\n'));

    const check = await runIssuerCli(['cohort', 'check', file], env);
    expect(check.code).toBe(EXIT.rowErrors);
    expect(check.stdout).toMatch(/3 rows: 2 ready to issue, 0 issued before, 1 with errors/);
    expect(check.stdout).toMatch(/row 3, awardedOn: /);

    const results = join(dir, 'claim-codes.csv');
    const issued = await runIssuerCli(['cohort', 'issue', file, '--results', results], env);
    expect(issued.code).toBe(EXIT.rowErrors);
    expect(issued.stdout).toMatch(/3 rows: 2 issued, 0 already issued before, 1 with errors/);
    const mailMerge = readFileSync(results, 'utf8');
    expect(mailMerge).toContain('COH-1');
    expect(mailMerge).toContain('COH-3');

    const again = await runIssuerCli(['--json', 'cohort', 'issue', file], env);
    const second = JSON.parse(again.stdout);
    expect(second).toMatchObject({ status: 'done', issued: 0, alreadyIssued: 2, failed: 1 });

    // The rows issued by the first upload are printed for the second too, waiting for the ledger if need be.
    const pdf = join(dir, 'certificates.pdf');
    const printed = await runIssuerCli(['cohort', 'certificates', second.id, '--out', pdf, '--lang', 'fr'], env);
    expect(printed.code, printed.stderr).toBe(EXIT.ok);
    expect(printed.stdout).toContain(`Certificates written to ${pdf}.`);
    expect(printed.stderr).not.toMatch(/carry no claim code/);
    const page = await printedPage(readFileSync(pdf));
    try {
      expect(await page.pages()).toBe(2);
      const text = await page.text();
      expect(text).toMatch(/Learner 1[\s\S]*Learner 3/);
      // In the language asked for.
      expect(text).toContain('Nous certifions que');
    } finally {
      page.remove();
    }
    const unknownLanguage = await runIssuerCli(
      ['cohort', 'certificates', second.id, '--out', pdf, '--lang', 'tlh'],
      env,
    );
    expect(unknownLanguage.code).toBe(EXIT.usage);
    expect(unknownLanguage.stderr).toMatch(/--lang.*tlh.*Allowed choices are en, fr/);
  });

  it('prints the certificates before the results, so each carries its claim code, and says when the codes are gone', async () => {
    const dir = tempDir('skillmark-cohort-codes-');
    const { header, row } = await templateColumns(dir);
    const plumber = (n: number) =>
      row({
        learnerReference: `CODE-${n}`,
        name: `Coded Learner ${n}`,
        qualificationTitle: 'Certificate in Plumbing',
        qualificationCode: 'PLUMB-2',
        awardedOn: '2026-06-30',
      });
    const file = join(dir, 'plumbers.csv');
    writeFileSync(file, [header, plumber(1), plumber(2)].join('\n'));

    const help = await runIssuerCli(['cohort', '--help'], {});
    expect(help.stdout.indexOf('--certificates')).toBeGreaterThan(-1);
    expect(help.stdout).toMatch(/Certificates first, then results/);

    const pdf = join(dir, 'certificates.pdf');
    const results = join(dir, 'claim-codes.csv');
    const issued = await runIssuerCli(['cohort', 'issue', file, '--certificates', pdf, '--results', results], env);
    expect(issued.code, issued.stderr).toBe(EXIT.ok);
    expect(issued.stdout).toMatch(/2 rows: 2 issued, 0 already issued before, 0 with errors/);
    expect(issued.stdout.indexOf('Certificates written')).toBeLessThan(issued.stdout.indexOf('Claim codes written'));
    const codes = csvRows(results).map((row) => row.claimCode!);
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const page = await printedPage(readFileSync(pdf));
    try {
      const text = await page.text();
      for (const code of codes) expect(text).toContain(code);
    } finally {
      page.remove();
    }
    const id = /Cohort (\S+) started/.exec(issued.stdout)![1]!;

    // The same file again: nothing new to issue, and it says so instead of inviting an upload.
    const check = await runIssuerCli(['cohort', 'check', file], env);
    expect(check.code).toBe(EXIT.ok);
    expect(check.stdout).toMatch(/2 rows: 0 ready to issue, 2 issued before, 0 with errors/);
    expect(check.stdout).toMatch(/All 2 rows were issued before: issuing this file again issues nothing new/);
    expect(check.stdout).not.toMatch(/cohort issue/);

    // Later files have no codes: said on stderr, with how to give a learner a new one.
    const again = join(dir, 'again.csv');
    const second = await runIssuerCli(['cohort', 'results', id, '--out', again], env);
    expect(second.code, second.stderr).toBe(EXIT.ok);
    expect(second.stderr).toMatch(
      /The claim codes were given out once already .* and are no longer kept: .*again\.csv has none/,
    );
    expect(second.stderr).toMatch(/skillmark-issuer claim-code <credential id>/);
    const reprinted = await runIssuerCli(['cohort', 'certificates', id, '--out', join(dir, 'later.pdf')], env);
    expect(reprinted.code, reprinted.stderr).toBe(EXIT.ok);
    expect(reprinted.stderr).toMatch(
      /These certificates carry no claim code: this cohort's results\.csv was downloaded before/,
    );

    // One learner's new code, on a certificate.
    const credentialId = csvRows(again)[0]!.credentialId!;
    const single = join(dir, 'one.pdf');
    const renewed = await runIssuerCli(['--json', 'claim-code', credentialId, '--certificate', single], env);
    expect(renewed.code, renewed.stderr).toBe(EXIT.ok);
    const grant = JSON.parse(renewed.stdout);
    expect(grant).toMatchObject({ credentialId, certificate: single });
    const one = await printedPage(readFileSync(single));
    try {
      expect(await one.text()).toContain(grant.claim.code);
    } finally {
      one.remove();
    }
  });

  it('keeps the claim codes when the file for them cannot be written, and says why in one sentence', async () => {
    const dir = tempDir('skillmark-cohort-unwritable-');
    const { header, row } = await templateColumns(dir);
    const file = join(dir, 'welders.csv');
    writeFileSync(
      file,
      [
        header,
        row({
          learnerReference: 'WELD-1',
          name: 'Welder One',
          qualificationTitle: 'Certificate in Welding',
          awardedOn: '2026-06-30',
        }),
      ].join('\n'),
    );
    const missing = join(dir, 'no-such-folder', 'claim-codes.csv');
    const cannotWrite = new RegExp(
      `^Cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist\\.$`,
      'm',
    );

    // Refused before the upload: nothing is issued.
    const refused = await runIssuerCli(['cohort', 'issue', file, '--results', missing], env);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toMatch(cannotWrite);
    expect((await runIssuerCli(['cohort', 'check', file], env)).stdout).toMatch(/1 ready to issue, 0 issued before/);

    const issued = await runIssuerCli(['cohort', 'issue', file], env);
    expect(issued.code, issued.stderr).toBe(EXIT.ok);
    const id = /Cohort (\S+) started/.exec(issued.stdout)![1]!;
    // Refused before the download, which would have made the issuer delete its copy of the codes.
    const lost = await runIssuerCli(['cohort', 'results', id, '--out', missing], env);
    expect(lost.code).toBe(EXIT.usage);
    expect(lost.stderr).toMatch(cannotWrite);
    expect(lost.stderr).not.toMatch(/unexpectedly/);
    const results = join(dir, 'claim-codes.csv');
    expect((await runIssuerCli(['cohort', 'results', id, '--out', results], env)).code).toBe(EXIT.ok);
    expect(csvRows(results)[0]!.claimCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    const folder = await runIssuerCli(['report', '--quarter', '2026-Q2', '--format', 'csv', '--out', dir], env);
    expect(folder.code).toBe(EXIT.usage);
    expect(folder.stderr).toBe(`Cannot write ${dir}: it is a folder.\n`);
  });

  it('prints report data byte for byte, as --out writes it, and refuses --json with csv', async () => {
    const dir = tempDir('skillmark-report-out-');
    const file = join(dir, 'q2.csv');
    const written = await runIssuerCli(['report', '--quarter', '2026-Q2', '--format', 'csv', '--out', file], env);
    expect(written.code, written.stderr).toBe(EXIT.ok);
    const printed = await runIssuerCli(['report', '--quarter', '2026-Q2', '--format', 'csv'], env);
    expect(printed.code, printed.stderr).toBe(EXIT.ok);
    expect(printed.stdout).not.toContain('\\u000d');
    expect(printed.stdout).toBe(readFileSync(file, 'utf8'));
    expect(printed.stdout).toMatch(/\r\n$/);

    const json = await runIssuerCli(['report', '--quarter', '2026-Q2', '--format', 'json'], env);
    expect(json.code, json.stderr).toBe(EXIT.ok);
    expect(JSON.parse(json.stdout)).toMatchObject({ quarter: '2026-Q2' });

    const table = await runIssuerCli(['report', '--quarter', '2026-Q2'], env);
    expect(table.stdout).toMatch(/^rank +occupation +people +share$/m);
    expect(table.stdout).toMatch(/^Counts below 5 are suppressed /m);
    // A quarter of one award, and one of none, in words rather than "suppressed people" or an empty table.
    const early = qualificationRequest({ learnerReference: 'EARLY-1' });
    early.credential.credentialSubject.qualification.awardedOn = '2025-02-10';
    expect((await issue(system, early)).status).toBe(201);
    const few = await runIssuerCli(['report', '--quarter', '2025-Q1'], env);
    expect(few.stdout).toMatch(/^2025-Q1: fewer than 5 people awarded a qualification \(the number is suppressed\)$/m);
    const none = await runIssuerCli(['report', '--quarter', '1999-Q1'], env);
    expect(none.stdout).toBe('1999-Q1: no qualification awarded\n');
    const help = await runIssuerCli(['report', 'quarter', '--help'], {});
    expect(help.stdout).not.toMatch(/default: "json"/);
    // `report --help` shows the subcommands, not their options: it says where those are.
    const reportHelp = await runIssuerCli(['report', '--help'], {});
    expect(reportHelp.stdout).toMatch(/Every option: skillmark-issuer report quarter --help/);
    // Commander wraps the option descriptions at the terminal's width.
    const aggregateHelp = (await runIssuerCli(['report', 'aggregate', '--help'], {})).stdout.replace(/\s+/g, ' ');
    expect(aggregateHelp).toContain('SKILLMARK_DATA_DIR, on LEDGER_RPC_URL or its node at LEDGER_PORT');
    expect(aggregateHelp).toMatch(/refuses the whole merge/);
    expect((await runIssuerCli(['--help'], {})).stdout).toMatch(/print the quarter's occupation report/);

    const both = await runIssuerCli(['--json', 'report', '--quarter', '2026-Q2', '--format', 'csv'], env);
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toMatch(/--json prints JSON and --format csv prints CSV: choose one/);

    // One institution's signed report, merged: "1 report", and the printed CSV alone on stdout.
    const jws = join(dir, 'ours.jws');
    expect((await runIssuerCli(['report', '--quarter', '2026-Q2', '--signed', '--out', jws], env)).code).toBe(EXIT.ok);
    const authority = { SKILLMARK_DATA_DIR: system.dataDir, LEDGER_PORT: String(system.ports.ledger) };
    const merged = await runIssuerCli(['report', 'aggregate', jws, '--format', 'csv'], authority);
    expect(merged.code, merged.stderr).toBe(EXIT.ok);
    expect(merged.stderr).toMatch(/^Merged 1 report: /);
    expect(merged.stdout).toMatch(/^\uFEFFquarter,rank,occupation_code/);

    const noTrustFile = await runIssuerCli(
      ['report', 'aggregate', jws, '--trust', join(dir, 'missing.json')],
      authority,
    );
    expect(noTrustFile.code).toBe(EXIT.usage);
    expect(noTrustFile.stderr).toMatch(/^cannot read trust configuration .*missing\.json: ENOENT/);
    expect(noTrustFile.stderr).not.toMatch(/unexpectedly/);
  });

  it('says plainly what is wrong with the token, the address or the arguments', async () => {
    const noToken = await runIssuerCli(['list'], { SKILLMARK_ISSUER_URL: system.issuerUrl });
    expect(noToken.code).toBe(EXIT.usage);
    expect(noToken.stderr).toMatch(/Set SKILLMARK_ISSUER_TOKEN/);

    const wrongToken = await runIssuerCli(['list'], { ...env, SKILLMARK_ISSUER_TOKEN: 'not-the-token' });
    expect(wrongToken.code).toBe(EXIT.usage);
    expect(wrongToken.stderr).toMatch(/does not know the token in SKILLMARK_ISSUER_TOKEN \(mistyped, or revoked\)/);

    // A known token without the right: the issuer's own words name the scope it lacks.
    const created = await runIssuerCli(['--json', 'tokens', 'create', 'front desk', '--scope', 'read'], env);
    expect(created.code, created.stderr).toBe(EXIT.ok);
    const reader = { ...env, SKILLMARK_ISSUER_TOKEN: JSON.parse(created.stdout).token };
    expect((await runIssuerCli(['list'], reader)).code).toBe(EXIT.ok);
    const notAllowed = await runIssuerCli(['revoke', ids[0]!], reader);
    expect(notAllowed.code).toBe(EXIT.usage);
    expect(notAllowed.stderr).toMatch(/the token "front desk" does not have the "revoke" scope/i);
    expect(notAllowed.stderr).not.toMatch(/does not know the token/);

    const nobodyThere = await runIssuerCli(['list'], { ...env, SKILLMARK_ISSUER_URL: 'http://127.0.0.1:9' });
    expect(nobodyThere.code).toBe(EXIT.unreachable);
    expect(nobodyThere.stderr).toMatch(/cannot be reached/);

    const badStatus = await runIssuerCli(['list', '--status', 'lost'], env);
    expect(badStatus.code).toBe(EXIT.usage);
    expect(badStatus.stderr).toMatch(/use one of pending, anchored, revoked/);

    const nothingToRevoke = await runIssuerCli(['revoke'], env);
    expect(nothingToRevoke.code).toBe(EXIT.usage);
    expect(nothingToRevoke.stderr).toMatch(/Say which credentials/);

    // Said before asking the issuer, which would answer a 400 about a quarter "undefined".
    const noQuarter = await runIssuerCli(['report', '--format', 'csv'], env);
    expect(noQuarter.code).toBe(EXIT.usage);
    expect(noQuarter.stderr).toMatch(/required option '--quarter <quarter>' not specified/);
    expect(noQuarter.stderr).not.toMatch(/undefined/);

    const signedCsv = await runIssuerCli(
      [
        'report',
        '--quarter',
        '2026-Q2',
        '--signed',
        '--format',
        'csv',
        '--out',
        join(tempDir('skillmark-signed-'), 'q2.jws'),
      ],
      env,
    );
    expect(signedCsv.code).toBe(EXIT.usage);
    expect(signedCsv.stderr).toMatch(/^A signed report is a signed JSON file \(JWS\), never CSV: leave out --format/);
  });
  it('shows, finds and revokes a selectively disclosable credential (SD-JWT VC) as it does any other', async () => {
    const learner = didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32)));
    const issued = await issue(system, {
      ...qualificationRequest({ id: learner, learnerReference: 'REG-SD-1' }),
      options: { format: 'sd-jwt-vc' },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    await claimWhenAnchored(issued.body.claim.url);
    const id: string = issued.body.credentialId;

    const show = await runIssuerCli(['show', id], env);
    expect(show.code, show.stderr).toBe(EXIT.ok);
    expect(show.stdout).toMatch(/^National Certificate in Electrical Installation/m);
    expect(show.stdout).toMatch(/Learner +Amina Yusuf \(REG-SD-1\)/);
    expect(show.stdout).toMatch(/DID +did:key:z6Mk/);
    expect(show.stdout).toMatch(/State +anchored on the ledger/);

    const found = await runIssuerCli(['--json', 'search', '--did', learner], env);
    expect(JSON.parse(found.stdout).items.map((i: { id: string }) => i.id)).toEqual([id]);

    const revoked = await runIssuerCli(['revoke', id, '--reason', 'issuedInError'], env);
    expect(revoked.code, revoked.stderr).toBe(EXIT.ok);
    expect(revoked.stdout).toMatch(/1 revoked \(one ledger transaction\)/);
    const after = await runIssuerCli(['show', id], env);
    expect(after.stdout).toMatch(/State +revoked on \d{4}-\d{2}-\d{2} \(issuedInError\)/);
  });
});
