/**
 * The issue request turned into the credential to sign, with the issuer's clock injected: date
 * limits at their exact edges, members kept or refused but never replaced, and control characters
 * refused in every text member of the schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../core/http-problem.ts';
import { VC_V2_CONTEXT } from '../core/vc-contexts.ts';
import { credentialFromIssueRequest } from './issue-request.ts';

const INSTITUTION = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const NOW = new Date('2026-11-30T23:30:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

const iso = (time: number) => new Date(time).toISOString().replace(/\.000Z$/, 'Z');

function request(credential: Record<string, unknown> = {}, qualification: Record<string, unknown> = {}) {
  return {
    credential: {
      type: ['VerifiableCredential', 'QualificationCredential'],
      credentialSubject: {
        id: LEARNER,
        name: 'Amina Yusuf',
        qualification: { title: 'Electrician', awardedOn: '2026-06-30', ...qualification },
      },
      ...credential,
    },
  };
}

const issue = (body: Record<string, unknown>, now = NOW) => credentialFromIssueRequest(body, INSTITUTION, now);

/** The errors of the 422 the request gets. */
async function refusal(body: Record<string, unknown>): Promise<string[]> {
  const error = await issue(body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the request was accepted').toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).status).toBe(422);
  return (error as HttpProblem).extra.errors as string[];
}

describe('date limits, at their edges (issuer clock 2026-11-30T23:30:00Z)', () => {
  const accepted: [string, Record<string, unknown>, Record<string, unknown>?][] = [
    ['issuanceDate 5 minutes before the issuer clock', { issuanceDate: iso(NOW.getTime() - 5 * MINUTE) }],
    ['validFrom 366 days ahead', { '@context': [VC_V2_CONTEXT], validFrom: iso(NOW.getTime() + 366 * DAY) }],
    [
      'expirationDate exactly 100 years after issuanceDate',
      { issuanceDate: '2026-11-30T23:30:00Z', expirationDate: '2126-11-30T23:30:00Z' },
    ],
    ['awardedOn tomorrow in UTC (already today east of UTC)', {}, { awardedOn: '2026-12-01' }],
    ['awardedOn on 1 January 1900', {}, { awardedOn: '1900-01-01' }],
    ['startedOn on the award day', {}, { startedOn: '2026-06-30' }],
    ['a time zone offset', { issuanceDate: '2026-12-01T00:30:00+01:00' }],
  ];
  for (const [name, credential, qualification] of accepted) {
    it(`accepts ${name}`, async () => {
      await expect(issue(request(credential, qualification))).resolves.toBeDefined();
    });
  }

  const refused: [string, string, Record<string, unknown>, Record<string, unknown>?][] = [
    [
      'issuanceDate one second more than 5 minutes early',
      '/issuanceDate',
      { issuanceDate: iso(NOW.getTime() - 5 * MINUTE - 1000) },
    ],
    [
      'validFrom 367 days ahead',
      '/validFrom',
      { '@context': [VC_V2_CONTEXT], validFrom: iso(NOW.getTime() + 367 * DAY) },
    ],
    [
      'expirationDate a second beyond 100 years',
      '/expirationDate',
      { issuanceDate: '2026-11-30T23:30:00Z', expirationDate: '2126-11-30T23:30:01Z' },
    ],
    [
      'expirationDate equal to issuanceDate',
      '/expirationDate',
      { issuanceDate: '2026-11-30T23:30:00Z', expirationDate: '2026-11-30T23:30:00Z' },
    ],
    [
      'awardedOn the day after tomorrow in UTC',
      '/credentialSubject/qualification/awardedOn',
      {},
      { awardedOn: '2026-12-02' },
    ],
    ['awardedOn on 31 December 1899', '/credentialSubject/qualification/awardedOn', {}, { awardedOn: '1899-12-31' }],
    [
      'startedOn the day after the award',
      '/credentialSubject/qualification/startedOn',
      {},
      { startedOn: '2026-07-01' },
    ],
    ['a time with a 61st second', '/issuanceDate', { issuanceDate: '2026-11-30T23:59:60Z' }],
    [
      'a 29 February outside a leap year',
      '/credentialSubject/qualification/awardedOn',
      {},
      { awardedOn: '2026-02-29' },
    ],
  ];
  for (const [name, pointer, credential, qualification] of refused) {
    it(`refuses ${name}, naming ${pointer}`, async () => {
      expect(await refusal(request(credential, qualification))).toEqual([
        expect.stringMatching(new RegExp(`^${pointer} `)),
      ]);
    });
  }
});

describe('members are kept as sent or refused, never replaced', () => {
  it('fills in only what is absent: id, issuer, issuance date, schema and the @context of the configured format', async () => {
    const { credential, format } = await issue(request());
    expect(format.name).toBe('vc-jwt-1.1');
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      id: expect.stringMatching(/^urn:uuid:/),
      issuer: INSTITUTION,
      issuanceDate: '2026-11-30T23:30:00Z',
      credentialSchema: { id: 'urn:skillmark:schema:qualification-credential:1', type: 'JsonSchema' },
    });
  });

  it('keeps what is given, an issuer object with its name and description among it', async () => {
    const given = {
      id: 'urn:example:diploma:42',
      issuer: { id: INSTITUTION, name: 'Lagos Technical College', description: 'Since 1987.\nElectrical trades.' },
      issuanceDate: '2026-11-30T23:29:00Z',
    };
    const { credential } = await issue(request(given));
    expect(credential).toMatchObject(given);
  });

  for (const member of ['@context', 'id', 'type', 'issuer', 'issuanceDate', 'credentialSchema']) {
    it(`refuses "${member}": null`, async () => {
      expect(await refusal(request({ [member]: null }))).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^/${member} `))]),
      );
    });
  }

  it('says what an issuer may be when it is neither a DID nor an object', async () => {
    for (const issuer of [null, 42, ['did:example:1']]) {
      expect(await refusal(request({ issuer }))).toEqual([
        '/issuer must be the institution\'s DID, or an object with that DID as "id"',
      ]);
    }
  });

  it('says in one sentence that the learner must be named, by DID or by reference', async () => {
    const body = request();
    delete (body.credential.credentialSubject as { id?: string }).id;
    expect(await refusal(body)).toEqual([
      '/credentialSubject must name the learner: "id" (their DID) or "learnerReference" (the institution\'s own reference), or both',
    ]);
  });

  it('refuses "validFrom": null in a VC 2.0 credential', async () => {
    expect(await refusal(request({ '@context': [VC_V2_CONTEXT], validFrom: null }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/validFrom /)]),
    );
  });

  it('refuses a credential without "type" instead of assuming one', async () => {
    const body = request();
    delete (body.credential as { type?: unknown }).type;
    expect(await refusal(body)).toEqual(['(root) is missing "type"']);
  });
});

describe('control characters, in every text member', () => {
  /** Every optional member filled, so that every string of the schema is present. */
  const full = () =>
    request(
      {
        id: 'urn:example:diploma:42',
        issuer: { id: INSTITUTION, name: 'Lagos Technical College', description: 'Since 1987.' },
      },
      {
        code: 'EL-4',
        level: { framework: 'EQF', value: '4' },
        occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
        competencies: [{ title: 'Install low-voltage wiring', code: 'C1' }],
        startedOn: '2025-09-01',
      },
    );

  /** JSON pointers of every string in `value`, but the issuer's id (compared to the institution's DID first). */
  function stringPointers(value: unknown, pointer = ''): string[] {
    if (typeof value === 'string') return pointer === '/issuer/id' ? [] : [pointer];
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([key, child]) => stringPointers(child, `${pointer}/${key}`));
  }

  function withText(body: ReturnType<typeof full>, pointer: string, change: (text: string) => string) {
    const keys = pointer.split('/').slice(1);
    let parent: any = body.credential;
    for (const key of keys.slice(0, -1)) parent = parent[key];
    parent[keys.at(-1)!] = change(parent[keys.at(-1)!]);
    return body;
  }

  const pointers = stringPointers(full().credential);

  it('the full credential is accepted as it is, and has a dozen and more text members', async () => {
    await expect(issue(full())).resolves.toBeDefined();
    expect(pointers.length).toBeGreaterThan(15);
  });

  for (const [name, char] of [
    ['ESC', '\u001b'],
    ['NUL', '\u0000'],
    ['C1 CSI', '\u009b'],
    ['a right-to-left override', '\u202e'],
    ['a lone surrogate', '\udc00'],
  ] as const) {
    it(`refuses ${name} in each of them, naming it`, async () => {
      for (const pointer of pointers) {
        const errors = await refusal(withText(full(), pointer, (text) => `${text.slice(0, 3)}${char}${text.slice(3)}`));
        expect(errors, pointer).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${pointer} `))]));
      }
    });
  }

  it('names the refused character, which may not show when printed', async () => {
    const body = full();
    body.credential.credentialSubject.name = 'Amina\u2066 Yusuf';
    expect(await refusal(body)).toEqual([
      expect.stringMatching(/^\/credentialSubject\/name must not contain U\+2066: /),
    ]);
  });

  it('every string of the schema is a const, an enum, a date, or one of the checked kinds of text', () => {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'schemas', 'qualification-credential.schema.json'), 'utf8'),
    );
    const CHECKED = ['#/$defs/line', '#/$defs/paragraphs', '#/$defs/token', '#/$defs/did', '#/$defs/dateTime'];
    const unchecked: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      const isCondition = path.endsWith('/if');
      if (
        n.type === 'string' &&
        !isCondition &&
        n.pattern === undefined &&
        !CHECKED.includes(String(n.$ref)) &&
        n.format !== 'date'
      )
        unchecked.push(path);
      for (const [key, child] of Object.entries(n)) visit(child, `${path}/${key}`);
    };
    visit(schema, '');
    expect(unchecked).toEqual([]);
  });
});

describe('the format a request asks for (options.format)', () => {
  it('signs in the format the request names, its data model deciding the @context', async () => {
    const made = await issue({ ...request(), options: { format: 'sd-jwt-vc' } });
    expect(made.format.name).toBe('sd-jwt-vc');
    expect(made.credential['@context']).toEqual([VC_V2_CONTEXT]);
    expect(made.credential.validFrom).toBe('2026-11-30T23:30:00Z');
    expect((await issue(request())).format.name).toBe('vc-jwt-1.1');
  });

  it('refuses a format of the other data model than the @context the request gives', async () => {
    const error = await issue({
      ...request({ '@context': ['https://www.w3.org/2018/credentials/v1'] }),
      options: { format: 'sd-jwt-vc' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, title: 'Wrong format' });
  });

  it('refuses an SD-JWT VC for a learner without a key it can bind to', async () => {
    const withReference = {
      credential: {
        type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: {
          learnerReference: 'L-1',
          qualification: { title: 'Electrician', awardedOn: '2026-06-30' },
        },
      },
      options: { format: 'sd-jwt-vc' },
    };
    expect(await refusal(withReference)).toEqual([
      'an SD-JWT VC is bound to the learner\'s key: "credentialSubject.id" must be the learner\'s DID',
    ]);
  });
});
