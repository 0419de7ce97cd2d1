/**
 * Open Badges 3.0 from the issuer: every shape the issuer draws from a qualification, signed, and
 * its payload checked against 1EdTech's schema as published (../shared/conformance/openbadges/,
 * compiled here on its own); credentials that claim an OB type without conforming are refused.
 */
import { readFileSync } from 'node:fs';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { formatNamed } from '../../core/formats/index.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { jsonLdProblem } from '../../core/jsonld/expand.ts';
import { SCHEMAS_DIR } from '../../core/schemas.ts';
import { conformancePath } from '../../test/support/conformance.ts';
import { credentialToSign, DEFAULT_ISSUING } from '../credential-to-sign.ts';
import { OPEN_BADGE_SCHEMA_FILE, openBadgeSchemaErrors } from './schema.ts';

const Ajv2019 = Ajv2019Module as unknown as typeof Ajv2019Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SCHEMA = conformancePath('openbadges', OPEN_BADGE_SCHEMA_FILE);
const published = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
})();

const seed = Buffer.alloc(32, 7);
const INSTITUTION = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
const signer = nodeJoseSigner(ed25519PrivateKey(seed), `${INSTITUTION}#${INSTITUTION.slice('did:key:'.length)}`);
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const NOW = new Date('2026-11-30T12:00:00Z');
const SETTINGS = { ...DEFAULT_ISSUING, institutionName: 'Lagos Technical College' };

const qualificationRequest = (
  qualification: Record<string, unknown>,
  subject: Record<string, unknown> = { id: LEARNER },
) => ({
  openBadge: true,
  credential: {
    type: ['VerifiableCredential', 'QualificationCredential'],
    credentialSubject: {
      ...subject,
      qualification: { title: 'Electrical Installation', awardedOn: '2026-06-30', ...qualification },
    },
  },
});

/** Signs as the issuer would and returns the signed payload. */
async function issued(body: Record<string, unknown>): Promise<any> {
  const { credential, format } = await credentialToSign(body, INSTITUTION, NOW, SETTINGS);
  const jwt = await format.sign(credential, INSTITUTION, signer);
  expect(format).toBe(formatNamed('vc-jose-2.0'));
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

async function refusal(body: Record<string, unknown>): Promise<HttpProblem> {
  const error = await credentialToSign(body, INSTITUTION, NOW, SETTINGS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the request was accepted').toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).status).toBe(422);
  return error as HttpProblem;
}

describe('the bundled OB 3.0 schema', () => {
  it('is the published one, byte for byte', () => {
    expect(readFileSync(`${SCHEMAS_DIR}/${OPEN_BADGE_SCHEMA_FILE}`, 'utf8')).toBe(readFileSync(SCHEMA, 'utf8'));
  });

  it.each(['simple.json', 'complete.json', 'full_ex.json', 'minimal_valid_obv3.json', 'simple-did-key-method.json'])(
    "accepts 1EdTech's example %s",
    (file) => {
      expect(openBadgeSchemaErrors(JSON.parse(readFileSync(conformancePath('openbadges', file), 'utf8')))).toEqual([]);
    },
  );
});

describe('a qualification issued as an OB 3.0 AchievementCredential', () => {
  const shapes: [string, Record<string, unknown>, Record<string, unknown>?][] = [
    [
      'everything: EQF level, ISCO-08 occupation with its ESCO URI, competencies with ESCO skills and how they were assessed',
      {
        code: 'NC-ELEC-4',
        description: 'Installs and maintains low-voltage electrical systems in buildings.',
        criteria: 'Passed the practical and written examinations of all four units.',
        level: { framework: 'EQF', value: '4' },
        occupation: {
          title: 'Electrician',
          code: '7411',
          framework: 'ISCO-08',
          uri: 'http://data.europa.eu/esco/occupation/a7c1d23d-aeca-4bee-9a08-5993ed98b135',
        },
        competencies: [
          {
            title: 'Install low-voltage wiring',
            code: 'U1',
            uri: 'http://data.europa.eu/esco/skill/0c1bbcc1-1a3d-4c87-a2b3-4fd5d9e2d1e5',
            assessment: 'Practical examination',
          },
          { title: 'Test and inspect circuits', assessment: 'Recognition of prior learning: portfolio and interview' },
          { title: 'Work safely' },
        ],
        startedOn: '2025-09-01',
      },
    ],
    ['the title and award date only', {}],
    [
      "a national framework's level and an occupation without a URI",
      { level: { framework: 'Nigeria NSQF', value: '3' }, occupation: { title: 'Solar technician' } },
    ],
    ["the learner's reference and name, no DID", {}, { learnerReference: 'LTC-2026-0042', name: 'Amina Yusuf' }],
  ];

  it.each(shapes)('%s: conforms to the published schema', async (_, qualification, subject) => {
    const badge = await issued(qualificationRequest(qualification, subject));
    expect(published(badge), JSON.stringify(published.errors)).toBe(true);
    expect(badge.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(badge.issuer).toEqual({ id: INSTITUTION, type: ['Profile'], name: 'Lagos Technical College' });
  });

  // Not checked at issue (it costs about 9 ms a badge, docs/conformance.md): its terms are this code's own.
  it.each(shapes)('%s: is valid JSON-LD, every term defined by its contexts', async (_, qualification, subject) => {
    expect(await jsonLdProblem(await issued(qualificationRequest(qualification, subject)))).toBeUndefined();
  });

  it('the employer sees the skills: competencies as results, their assessment as evidence, the level and occupation as alignments', async () => {
    const badge = await issued(qualificationRequest(shapes[0]![1]));
    const { achievement, result } = badge.credentialSubject;
    expect(achievement).toMatchObject({
      name: 'Electrical Installation',
      humanCode: 'NC-ELEC-4',
      criteria: { narrative: 'Passed the practical and written examinations of all four units.' },
    });
    expect(achievement.alignment).toEqual([
      expect.objectContaining({
        targetName: 'Electrician',
        targetCode: '7411',
        targetFramework: 'ISCO-08',
        targetUrl: 'http://data.europa.eu/esco/occupation/a7c1d23d-aeca-4bee-9a08-5993ed98b135',
      }),
      expect.objectContaining({ targetCode: '4', targetUrl: 'http://data.europa.eu/snb/eqf/4' }),
    ]);
    expect(achievement.resultDescription.map((d: { name: string }) => d.name)).toEqual([
      'Install low-voltage wiring',
      'Test and inspect circuits',
      'Work safely',
    ]);
    expect(achievement.resultDescription[0].alignment[0].targetUrl).toMatch(/esco\/skill\//);
    expect(result).toEqual(
      achievement.resultDescription.map((d: { id: string }) => ({
        type: ['Result'],
        resultDescription: d.id,
        status: 'Completed',
      })),
    );
    expect(badge.evidence.map((e: { name: string; narrative: string }) => [e.name, e.narrative])).toEqual([
      ['Install low-voltage wiring', 'Practical examination'],
      ['Test and inspect circuits', 'Recognition of prior learning: portfolio and interview'],
    ]);
  });

  it('an ISCO-08 code alone aligns to its ESCO group; the same qualification names the same achievement for every learner', async () => {
    const q = { code: 'X1', occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' } };
    const [one, two] = await Promise.all([
      issued(qualificationRequest(q)),
      issued(qualificationRequest(q, { learnerReference: 'B' })),
    ]);
    expect(one.credentialSubject.achievement.alignment[0].targetUrl).toBe('http://data.europa.eu/esco/isco/C7411');
    expect(one.credentialSubject.achievement.id).toBe(two.credentialSubject.achievement.id);
    expect(one.id).not.toBe(two.id);
  });

  it('a VC 1.1 @context cannot be an Open Badge', async () => {
    const body = qualificationRequest({});
    const problem = await refusal({
      ...body,
      credential: { ...body.credential, '@context': ['https://www.w3.org/2018/credentials/v1'] },
    });
    expect(problem.detail).toMatch(/"@context" must begin with the VC 2.0 context/);
  });

  it('"openBadge" must be a boolean', async () => {
    expect((await refusal({ ...qualificationRequest({}), openBadge: 'yes' })).detail).toBe(
      '"openBadge" must be true or false.',
    );
  });
});

describe('a credential that claims an OB type is signed only if it conforms', () => {
  const example = () => {
    const { proof: _, ...credential } = JSON.parse(readFileSync(conformancePath('openbadges', 'simple.json'), 'utf8'));
    return { ...credential, issuer: { ...credential.issuer, id: INSTITUTION } };
  };

  it("1EdTech's example, issued by this institution, is signed as it is", async () => {
    const badge = await issued({ credential: example() });
    expect(published(badge)).toBe(true);
    expect(badge.credentialSubject).toEqual(example().credentialSubject);
  });

  it.each([
    [
      'no achievement',
      (c: any) => delete c.credentialSubject.achievement,
      '/credentialSubject is missing "achievement"',
    ],
    [
      'achievement without criteria',
      (c: any) => delete c.credentialSubject.achievement.criteria,
      '/credentialSubject/achievement is missing "criteria"',
    ],
    [
      'an achievement without a name',
      (c: any) => delete c.credentialSubject.achievement.name,
      '/credentialSubject/achievement is missing "name"',
    ],
    [
      'AchievementCredential without the OB context',
      (c: any) => {
        c['@context'] = ['https://www.w3.org/ns/credentials/v2'];
        c.type = ['VerifiableCredential', 'AchievementCredential'];
      },
      '/@context must NOT have fewer than 2 items',
    ],
  ])('%s: 422 naming the property', async (_, spoil, named) => {
    const credential = example();
    spoil(credential);
    const problem = await refusal({ credential });
    expect(problem.detail).toMatch(/claims an Open Badges 3.0 type but does not conform/);
    expect(problem.extra.errors).toContain(named);
  });

  it('a badge sent without validFrom gets the issuance date, which the OB schema requires', async () => {
    const { validFrom: _, ...undated } = example();
    expect((await issued({ credential: undated })).validFrom).toBe('2026-11-30T12:00:00Z');
  });

  it('a QualificationCredential that also claims a badge type is refused, not signed as a badge it is not', async () => {
    const body = qualificationRequest({});
    const problem = await refusal({
      credential: {
        ...body.credential,
        type: ['VerifiableCredential', 'QualificationCredential', 'OpenBadgeCredential'],
      },
    });
    expect(problem.detail).toMatch(/claims an Open Badges 3.0 type but does not conform/);
    expect(problem.extra.errors).toContain('/credentialSubject is missing "achievement"');
  });

  it('an operator who does not allow OB types gets them refused, naming the type', async () => {
    const error = await credentialToSign({ credential: example() }, INSTITUTION, NOW, {
      ...SETTINGS,
      issuableTypes: ['QualificationCredential'],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, detail: expect.stringContaining('does not issue OpenBadgeCredential') });
  });
});
