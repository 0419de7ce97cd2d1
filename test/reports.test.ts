/**
 * The quarterly occupation report end to end, on a real system: a known data set issued through the
 * API (award dates on the quarter's edges, one credential revoked, education levels as registrars
 * write them), its table worked out by hand, in JSON, CSV and HTML; then the signed reports of two
 * real institutions on the same registry merged into the national table, and a tampered and an
 * unaccredited report refused.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalAccreditation, readDeployment } from '../contracts/deployment.ts';
import { connectProvider } from '../contracts/provider.ts';
import { loadConfig } from '../core/config.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { didKeyOfEd25519Key } from '../core/trust-bundle/signed-bundle.ts';
import { aggregateSignedReports, ReportsRefused } from '../issuer/reports/aggregate.ts';
import { reportCsv } from '../issuer/reports/report-csv.ts';
import { reportPage } from '../issuer/reports/report-page.ts';
import { signOccupationCounts } from '../issuer/reports/signed-report.ts';
import { type Issuer, openIssuer } from '../issuer/service.ts';
import { trustFromEnvironment } from '../verifier/index.ts';
import { freshKeyPair } from './support/keys.ts';
import { freePort } from './support/local-chain.ts';
import {
  issue,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  runIssuerCli,
  startSystem,
  tempDir,
} from './support/system.ts';

const LEVELS = ['primary', 'lower_secondary', 'upper_secondary', 'technician', 'senior_technician', 'unknown'];
const levels = (counts: (number | null)[]) => Object.fromEntries(LEVELS.map((level, i) => [level, counts[i]]));
const HIDDEN = levels([null, null, null, null, null, null]);

const OCCUPATIONS = {
  electrician: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
  welder: { title: 'Welder', code: '7212', framework: 'ISCO-08' },
  plumber: { title: 'Plumber', code: '7126', framework: 'ISCO-08' },
  cook: { title: 'Cook', code: '5120', framework: 'ISCO-08' },
  tailor: { title: 'Tailor' },
};
type Award = [keyof typeof OCCUPATIONS, awardedOn: string, educationLevel?: string];

/** One credential per entry, as a registrar would send them. */
async function issueAll(url: string, token: string, awards: Award[]): Promise<string[]> {
  // All at once, as a cohort's rows would come: the order of the ids is the order of the awards.
  return Promise.all(
    awards.map(async ([occupation, awardedOn, educationLevel], i) => {
      const request = qualificationRequest({ learnerReference: `L-${i}` });
      Object.assign(request.credential.credentialSubject.qualification, {
        occupation: OCCUPATIONS[occupation],
        awardedOn,
      });
      const response = await fetch(`${url}/credentials/issue`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...request, ...(educationLevel !== undefined ? { educationLevel } : {}) }),
      });
      const body = (await response.json()) as { credentialId: string };
      expect(response.status, JSON.stringify(body)).toBe(201);
      return body.credentialId;
    }),
  );
}

// Threshold 3 (REPORT_SUPPRESSION_THRESHOLD), so that a small data set shows every rule.
const AWARDS_A: Award[] = [
  // Plumber: 8 issued, one revoked below: 7, all lower secondary
  ...Array.from({ length: 8 }, (): Award => ['plumber', '2026-05-15', 'lower_secondary']),
  // Welder: 6, three primary and three without a level (unknown)
  ['welder', '2026-04-01', 'primary'],
  ['welder', '2026-04-02', 'Primary'],
  ['welder', '2026-06-30', 'primary'],
  ['welder', '2026-05-01'],
  ['welder', '2026-05-01', ''],
  ['welder', '2026-05-01', null as unknown as string],
  // Electrician: 6 in the quarter (4 upper secondary, 2 technicians), and one on each side of it
  ['electrician', '2026-04-01', 'Upper secondary'],
  ['electrician', '2026-04-30', 'upper-secondary'],
  ['electrician', '2026-05-30', 'upper_secondary'],
  ['electrician', '2026-06-30', 'UPPER SECONDARY'],
  ['electrician', '2026-06-01', 'technician'],
  ['electrician', '2026-06-29', 'technician'],
  ['electrician', '2026-03-31', 'technician'],
  ['electrician', '2026-07-01', 'technician'],
  // Cook: 2, Tailor: 1 (small totals)
  ['cook', '2026-05-05', 'primary'],
  ['cook', '2026-05-06', 'primary'],
  ['tailor', '2026-06-10', 'senior_technician'],
];

let system: RunningSystem;
let revokedId: string;

beforeAll(async () => {
  system = await startSystem({ env: { REPORT_SUPPRESSION_THRESHOLD: '3' } });
  const ids = await issueAll(system.issuerUrl, system.adminToken, AWARDS_A);
  revokedId = ids[0]!;
  expect((await revokeCredential(system, revokedId, { reason: 'issuedInError' })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await system?.destroy();
});

const report = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${system.issuerUrl}/reports/occupations?${query}`, {
    headers: { authorization: `Bearer ${system.adminToken}`, ...headers },
  });

describe('the issue request’s educationLevel', () => {
  it('is refused with a 422 naming the field and the allowed values when it names no level', async () => {
    const refused = await issue(system, {
      ...qualificationRequest({ learnerReference: 'X' }),
      educationLevel: 'university',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      '"educationLevel" must be one of primary, lower_secondary, upper_secondary, technician, senior_technician, unknown; got "university".',
    );
  });

  it('is a 400 when it is not text at all', async () => {
    const refused = await issue(system, { ...qualificationRequest({ learnerReference: 'X' }), educationLevel: 3 });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('"educationLevel" must be text naming a level, such as "upper_secondary".');
  });
});

describe('the table of 2026-Q2, worked out by hand (threshold 3)', () => {
  // Plumber 7 (8 issued, 1 revoked), Welder 6, Electrician 6 (2 of its 8 outside the quarter),
  // Cook 2, Tailor 1: 22 in all.
  const expected = {
    quarter: '2026-Q2',
    total: 22,
    rows: [
      // 7/22 = 31.818…%
      {
        rank: 1,
        occupation: { code: '7126', title: 'Plumber' },
        total: 7,
        byEducationLevel: levels([0, 7, 0, 0, 0, 0]),
        share: 31.82,
      },
      // equal totals (6): by code, 7212 before 7411; 6/22 = 27.2727…%
      {
        rank: 2,
        occupation: { code: '7212', title: 'Welder' },
        total: 6,
        byEducationLevel: levels([3, 0, 0, 0, 0, 3]),
        share: 27.27,
      },
      // technician 2 is below 3, so its partner, the smallest other count (the first zero: primary), is hidden too
      {
        rank: 3,
        occupation: { code: '7411', title: 'Electrician' },
        total: 6,
        byEducationLevel: levels([null, 0, 4, null, 0, 0]),
        share: 27.27,
      },
      // totals 2 and 1 are hidden; being two, they cannot be told apart from 22 - 19 = 3
      { rank: 4, occupation: { code: '5120', title: 'Cook' }, total: null, byEducationLevel: HIDDEN, share: null },
      { rank: 5, occupation: { code: null, title: 'Tailor' }, total: null, byEducationLevel: HIDDEN, share: null },
    ],
    suppressionThreshold: 3,
  };

  it('is the JSON answer', async () => {
    const response = await report('quarter=2026-Q2');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject(expected);
  });

  it('is the CSV answer, suppressed counts written as such, with the quarter total last', async () => {
    const response = await report('quarter=2026-Q2&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="occupations-2026-Q2.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'quarter,rank,occupation_code,occupation_title,total,primary,lower_secondary,upper_secondary,technician,senior_technician,unknown,share_percent',
      '2026-Q2,1,7126,Plumber,7,0,7,0,0,0,0,31.82',
      '2026-Q2,2,7212,Welder,6,3,0,0,0,0,3,27.27',
      '2026-Q2,3,7411,Electrician,6,suppressed,0,4,suppressed,0,0,27.27',
      '2026-Q2,4,5120,Cook,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed',
      '2026-Q2,5,,Tailor,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed',
      '2026-Q2,,,all occupations,22,,,,,,,100.00',
      '',
    ]);
  });

  it('is a page in the reader’s language, right to left in Arabic, with its bar chart', async () => {
    const french = await report('quarter=2026-Q2&format=html', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(french.headers.get('content-type')).toMatch(/^text\/html/);
    expect(french.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const page = await french.text();
    expect(page).toContain('<html lang="fr" dir="ltr">');
    expect(page).toContain('<p class="quarter">Skillmark Demo Training Centre</p>');
    expect(page).toContain('Principaux métiers de formation');
    expect(page).toContain('Trimestre 2 de 2026');
    expect(page).toContain('22 personnes ont obtenu une qualification');
    expect(page).toContain('masqué');
    expect(page).toMatch(/<svg role="img"[^>]*viewBox="0 0 400 /);
    expect(page.match(/<rect /g)).toHaveLength(3); // the three shown totals
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');

    const arabic = await (await report('quarter=2026-Q2&format=html&lang=ar')).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('أهم المهن التي جرى التدريب عليها');
  });
});

describe('other quarters and wrong questions', () => {
  it('counts a credential in the quarter of its award date: 2026-03-31 in Q1, alone, so hidden', async () => {
    expect(await (await report('quarter=2026-Q1')).json()).toMatchObject({
      total: null,
      rows: [{ rank: 1, occupation: { code: '7411' }, total: null, byEducationLevel: HIDDEN }],
    });
    expect(await (await report('quarter=2025-Q4')).json()).toMatchObject({ total: 0, rows: [] });
  });

  it('answers a quarter that is not one with a 400 in plain words', async () => {
    for (const quarter of ['', 'quarter=2026-Q5', 'quarter=Q2', 'quarter=2026-06']) {
      const response = await report(quarter);
      expect(response.status, quarter).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(
        /^"quarter" must name a quarter as a year and Q1 to Q4, such as 2026-Q2/,
      );
    }
    const format = await report('quarter=2026-Q2&format=pdf');
    expect(format.status).toBe(400);
    expect(((await format.json()) as { detail: string }).detail).toBe('"format" must be json, csv or html.');
  });

  it('needs a token with the report scope, as its OpenAPI description says', async () => {
    const response = await fetch(`${system.issuerUrl}/reports/occupations?quarter=2026-Q2`);
    expect(response.status).toBe(401);
    const api = (await (await fetch(`${system.issuerUrl}/openapi.json`)).json()) as any;
    const operation = api.paths['/reports/occupations'].get;
    expect(operation.security).toEqual([{ apiToken: ['report'] }]);
    expect(Object.keys(operation.responses[200].content)).toEqual([
      'application/json',
      'text/csv',
      'text/html',
      'application/jose',
    ]);
  });
});

describe('the national table from signed reports', () => {
  let second: Issuer;
  let secondUrl: string;
  const secondToken = 'second-institution-token-0123456789';
  const secondDir = tempDir('skillmark-second-institution-');
  let registries: ReturnType<typeof trustFromEnvironment>['registries'];

  beforeAll(async () => {
    registries = trustFromEnvironment({ LEDGER_PORT: String(system.ports.ledger) }, system.dataDir).registries;
    const deployment = readDeployment(system.dataDir)!;
    const ledgerUrl = `http://127.0.0.1:${system.ports.ledger}`;
    const port = await freePort();
    second = await openIssuer({
      config: loadConfig({
        SKILLMARK_DATA_DIR: secondDir,
        ISSUER_PORT: String(port),
        REPORT_SUPPRESSION_THRESHOLD: '3',
      }),
      ledger: { rpcUrls: [ledgerUrl], chainId: deployment.chainId, registry: deployment.registry },
      institutionName: 'Second Training Centre',
      adminToken: secondToken,
      log: () => {},
    });
    const provider = connectProvider(ledgerUrl, deployment.chainId);
    await ensureLocalAccreditation(provider, deployment, {
      address: second.ledgerAddress,
      did: second.did,
      name: 'Second Training Centre',
    });
    provider.destroy();
    await second.start();
    secondUrl = `http://127.0.0.1:${port}`;
    await issueAll(secondUrl, secondToken, [
      ['plumber', '2026-04-10', 'lower_secondary'],
      ['plumber', '2026-04-11', 'lower_secondary'],
      ['cook', '2026-06-01', 'primary'],
      ['cook', '2026-06-02', 'primary'],
    ]);
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    rmSync(secondDir, { recursive: true, force: true });
  });

  const signedReport = async (url: string, token: string) => {
    const response = await fetch(`${url}/reports/occupations?quarter=2026-Q2&signed=true`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jose');
    return response.text();
  };

  it('merges two accredited institutions’ exact counts and suppresses in the merged table', async () => {
    const national = await aggregateSignedReports(
      [
        { name: 'first.jws', text: await signedReport(system.issuerUrl, system.adminToken) },
        { name: 'second.jws', text: await signedReport(secondUrl, secondToken) },
      ],
      { registries, suppressionThreshold: 3 },
    );
    expect(national.institutions.map((i) => [i.file, i.name, i.registry])).toEqual([
      ['first.jws', 'Skillmark Demo Training Centre', 'Local development registry'],
      ['second.jws', 'Second Training Centre', 'Local development registry'],
    ]);
    // Plumber 7 + 2, Welder 6, Electrician 6, Cook 2 + 2 = 4, Tailor 1: 26. The first institution
    // publishes its own table, with its 7 plumbers: a national 9 would give the second's 2 back,
    // which its own table hides, so the Plumber's total is hidden; so is the Cook's (4 - 2), and the
    // Tailor's 1. Three hidden totals: none of them follows from the quarter's 26.
    expect(national.report).toMatchObject({
      quarter: '2026-Q2',
      total: 26,
      rows: [
        { rank: 1, occupation: { code: '7212' }, total: 6, byEducationLevel: levels([3, 0, 0, 0, 0, 3]), share: 23.08 },
        {
          rank: 2,
          occupation: { code: '7411' },
          total: 6,
          byEducationLevel: levels([null, 0, 4, null, 0, 0]),
          share: 23.08,
        },
        { rank: 3, occupation: { code: '5120' }, total: null, share: null },
        { rank: 4, occupation: { code: '7126' }, total: null, share: null },
        { rank: 5, occupation: { code: null, title: 'Tailor' }, total: null, share: null },
      ],
    });
    expect(reportCsv(national.report)).toContain('2026-Q2,1,7212,');
    const page = String(
      await reportPage(national.report, 'es', { institutions: national.institutions.map((i) => i.name) }),
    );
    expect(page).toContain(
      'Unión de los informes firmados de: Skillmark Demo Training Centre, Second Training Centre.',
    );
  });

  it('refuses a tampered report and one signed by an institution no trusted registry accredits, naming each', async () => {
    const genuine = await signedReport(system.issuerUrl, system.adminToken);
    const [header, payload, signature] = genuine.split('.') as [string, string, string];
    const changed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    changed.occupations[0].byEducationLevel.lower_secondary += 100;
    const tampered = `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;

    const { privateKey } = freshKeyPair('ed25519');
    const did = didKeyOfEd25519Key(privateKey);
    const stranger = await signOccupationCounts(
      {
        quarter: '2026-Q2',
        educationLevels: [{ code: 'unknown' }],
        occupations: [{ code: '1', title: 'A', byEducationLevel: { unknown: 50 } }],
      },
      { did, name: 'Diploma Mill' },
      nodeJoseSigner(privateKey, `${did}#${did.slice('did:key:'.length)}`),
      new Date(),
    );

    const refusal = await aggregateSignedReports(
      [
        { name: 'tampered.jws', text: tampered },
        { name: 'second.jws', text: await signedReport(secondUrl, secondToken) },
        { name: 'mill.jws', text: stranger },
        { name: 'notes.txt', text: 'the figures are in the spreadsheet' },
      ],
      { registries, suppressionThreshold: 3 },
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ReportsRefused);
    expect((refusal as ReportsRefused).problems).toEqual([
      expect.stringMatching(
        /^tampered\.jws was changed after it was signed: its signature does not match its content\./,
      ),
      `mill.jws is signed by ${did}, which no trusted registry lists for an accredited institution.`,
      expect.stringMatching(/^notes\.txt is not a signed report \(/),
    ]);
  });

  it('refuses two reports of one institution, and reports of different quarters', async () => {
    const text = await signedReport(secondUrl, secondToken);
    const q3 = await (
      await fetch(`${secondUrl}/reports/occupations?quarter=2026-Q3&signed=true`, {
        headers: { authorization: `Bearer ${secondToken}` },
      })
    ).text();
    await expect(
      aggregateSignedReports(
        [
          { name: 'a.jws', text },
          { name: 'b.jws', text },
          { name: 'c.jws', text: q3 },
        ],
        { registries, suppressionThreshold: 3 },
      ),
    ).rejects.toMatchObject({
      problems: [
        'The reports are for different quarters (a.jws: 2026-Q2, b.jws: 2026-Q2, c.jws: 2026-Q3); merge one quarter at a time.',
        "a.jws and b.jws are both from Second Training Centre; give each institution's report once.",
        "a.jws and c.jws are both from Second Training Centre; give each institution's report once.",
      ],
    });
  });

  it('through the registrar CLI: the quarter as a table, signed to a file, and the files merged by the authority', async () => {
    const dir = tempDir('skillmark-report-cli-');
    const asInstitution = (url: string, token: string) => ({
      SKILLMARK_ISSUER_URL: url,
      SKILLMARK_ISSUER_TOKEN: token,
    });
    const printed = await runIssuerCli(
      ['report', '--quarter', '2026-Q2'],
      asInstitution(system.issuerUrl, system.adminToken),
    );
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^2026-Q2: \d+ people awarded a qualification$/m);
    expect(printed.stdout).toMatch(/^rank +occupation +people +share$/m);
    const files = [join(dir, 'first.jws'), join(dir, 'second.jws')];
    for (const [file, env] of [
      [files[0]!, asInstitution(system.issuerUrl, system.adminToken)],
      [files[1]!, asInstitution(secondUrl, secondToken)],
    ] as const) {
      const signed = await runIssuerCli(['report', '--quarter', '2026-Q2', '--signed', '--out', file], env);
      expect(signed.code, signed.stderr).toBe(0);
    }
    // The authority needs no issuer: only the signed files and the trusted registry.
    const authority = {
      SKILLMARK_DATA_DIR: system.dataDir,
      LEDGER_PORT: String(system.ports.ledger),
      REPORT_SUPPRESSION_THRESHOLD: '3',
    };
    const merged = await runIssuerCli(['--json', 'report', 'aggregate', ...files], authority);
    expect(merged.code, merged.stderr).toBe(0);
    const national = JSON.parse(merged.stdout);
    expect(national.total).toBe(26);
    expect(national.institutions.map((i: { name: string }) => i.name)).toEqual([
      'Skillmark Demo Training Centre',
      'Second Training Centre',
    ]);
    const csv = join(dir, 'national.csv');
    expect(
      (await runIssuerCli(['report', 'aggregate', ...files, '--format', 'csv', '--out', csv], authority)).code,
    ).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFFquarter,rank,occupation_code/);

    const [header, payload, signature] = readFileSync(files[1]!, 'utf8').trim().split('.');
    const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    changed.occupations[0].byEducationLevel.lower_secondary += 100;
    writeFileSync(files[1]!, [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join('.'));
    const refused = await runIssuerCli(['report', 'aggregate', ...files], authority);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/second\.jws was changed after it was signed/);
  });

  it('refuses a report signed with a key the institution reported compromised, and takes one signed with its new key', async () => {
    const before = await signedReport(secondUrl, secondToken);
    const rotation = await fetch(`${secondUrl}/signing-key/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secondToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ compromisedSince: '2026-01-01T00:00:00Z' }),
    });
    expect(rotation.status).toBe(200);
    await expect(
      aggregateSignedReports([{ name: 'old-key.jws', text: before }], { registries, suppressionThreshold: 3 }),
    ).rejects.toMatchObject({
      problems: [
        'old-key.jws: Second Training Centre reported the key that signed it compromised on 2026-01-01T00:00:00.000Z (Local development registry); ask for a report signed with its new key.',
      ],
    });
    const after = await aggregateSignedReports(
      [{ name: 'new-key.jws', text: await signedReport(secondUrl, secondToken) }],
      {
        registries,
        suppressionThreshold: 3,
      },
    );
    expect(after.institutions.map((i) => i.name)).toEqual(['Second Training Centre']);
    expect(after.report.total).toBe(4);
  });
});
