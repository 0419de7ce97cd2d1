/**
 * Any VC 2.0 credential of an allowed type, as the VC API issuer takes it: every member the data
 * model allows is kept as sent, what it calls invalid is refused with 422 naming the property.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.ts';
import { HttpProblem } from '../core/http-problem.ts';
import { anyCredentialFromRequest } from './any-credential.ts';

const INSTITUTION = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const NOW = new Date('2026-11-30T12:00:00Z');
const base = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  type: ['VerifiableCredential', 'ExampleSkillCredential'],
  credentialSubject: { id: 'did:example:learner', skill: 'Welding' },
};
const make = (credential: Record<string, unknown>, issuable: readonly string[] | '*' = '*') =>
  anyCredentialFromRequest({ ...base, ...credential }, INSTITUTION, NOW, issuable);

function refusal(credential: Record<string, unknown>, issuable: readonly string[] | '*' = '*'): string {
  try {
    make(credential, issuable);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).status).toBe(422);
    // As every issuer error, each line starts with the JSON pointer of the property.
    for (const line of (error as HttpProblem).extra.errors as string[]) expect(line).toMatch(/^\/[@\w/]+ /);
    return (error as HttpProblem).detail!;
  }
  throw new Error('the credential was accepted');
}

describe('kept as sent', () => {
  const typed = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra });
  it.each<[string, Record<string, unknown>]>([
    [
      'an issuer object with a name and a description',
      { issuer: { id: INSTITUTION, name: 'LTC', description: 'A college' } },
    ],
    [
      'names and descriptions as language maps',
      {
        name: [
          { '@value': 'Soudure', '@language': 'fr' },
          { '@value': 'لحام', '@language': 'ar', '@direction': 'rtl' },
        ],
        description: { '@value': 'Welding', '@language': 'en' },
        issuer: { id: INSTITUTION, name: [{ '@value': 'LTC', '@language': 'en' }] },
      },
    ],
    ['several subjects', { credentialSubject: [{ id: 'did:example:a', skill: 'x' }, { name: 'B' }] }],
    ['credentialStatus', { credentialStatus: typed('BitstringStatusListEntry', { id: 'https://example.org/s#1' }) }],
    ['termsOfUse', { termsOfUse: [typed('OdrlPolicy2017', { id: 'https://example.org/p' })] }],
    ['evidence', { evidence: [typed('Evidence', { name: 'Portfolio' }), typed('Evidence')] }],
    ['refreshService', { refreshService: typed('VerifiableCredentialRefreshService2021', { id: 'https://e.org/r' }) }],
    ['relatedResource', { relatedResource: [{ id: 'https://example.org/logo.png', digestSRI: 'sha384-abc' }] }],
    ['credentialSchema as an object', { credentialSchema: { id: 'https://example.org/s.json', type: 'JsonSchema' } }],
    [
      'credentialSchema as an array',
      {
        credentialSchema: [
          { id: 'https://example.org/a.json', type: 'JsonSchema' },
          { id: 'urn:b', type: 'JsonSchema' },
        ],
      },
    ],
    ['validFrom and validUntil', { validFrom: '2026-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00+02:00' }],
  ])('%s', (_, extra) => {
    const credential = make(extra);
    for (const [name, value] of Object.entries(extra)) expect(credential[name]).toEqual(value);
  });

  it('the issuer adds only its own DID and an id, when absent; a credential without validFrom stays without', () => {
    const credential = make({});
    expect(credential).toEqual({ ...base, issuer: INSTITUTION, id: expect.stringMatching(/^urn:uuid:/) });
    expect(make({ validUntil: '2020-01-01T00:00:00Z' })).not.toHaveProperty('validFrom');
  });
});

describe('refused, naming the property, never repaired', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no @context (not injected)', { '@context': undefined }, 'the credential has no "@context"'],
    [
      'the base context not first',
      { '@context': ['https://www.w3.org/ns/credentials/examples/v2'] },
      'first "@context"',
    ],
    ['a VC 1.1 context', { '@context': ['https://www.w3.org/2018/credentials/v1'] }, 'first "@context"'],
    ['a name that is a number', { name: 7 }, '"name" must be a string or a language value object'],
    ['a language map with a stray key', { description: { '@value': 'x', lang: 'en' } }, '"description" must be'],
    ['an issuer name that is an object', { issuer: { id: INSTITUTION, name: { en: 'LTC' } } }, '"issuer.name" must be'],
    [
      'relatedResource without a digest',
      { relatedResource: { id: 'https://e.org/x' } },
      '"digestSRI" or a "digestMultibase"',
    ],
    ['relatedResource without an id', { relatedResource: [{ digestSRI: 'sha384-x' }] }, 'with a URL "id"'],
    ['relatedResource as strings', { relatedResource: ['https://e.org/x'] }, 'with a URL "id"'],
    [
      'relatedResource listing an id twice',
      {
        relatedResource: [
          { id: 'https://e.org/x', digestSRI: 'sha384-a' },
          { id: 'https://e.org/x', digestMultibase: 'uEiA' },
        ],
      },
      'lists "https://e.org/x" twice',
    ],
    [
      'an untyped credentialStatus',
      { credentialStatus: { id: 'https://e.org/s' } },
      'every "credentialStatus" must have a "type"',
    ],
    ['an empty subject', { credentialSubject: {} }, '"credentialSubject" must hold non-empty objects'],
    [
      'validUntil before validFrom',
      { validFrom: '2026-01-02T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' },
      '"validUntil" is before "validFrom"',
    ],
  ])('%s', (_, extra, named) => {
    expect(refusal(extra)).toContain(named);
  });

  it("another issuer's DID: this service signs only as itself", () => {
    expect(refusal({ issuer: 'did:example:other' })).toContain(`This service issues as ${INSTITUTION}`);
  });

  it('a type the operator does not allow, by name', () => {
    expect(refusal({}, ['QualificationCredential'])).toBe(
      '"type": this issuer does not issue ExampleSkillCredential (ISSUABLE_TYPES: QualificationCredential).',
    );
    expect(refusal({ type: ['VerifiableCredential'] }, ['QualificationCredential'])).toContain(
      'VerifiableCredential alone',
    );
  });
});

describe('ISSUABLE_TYPES', () => {
  it('defaults to the project type and Open Badges 3.0; * allows any; a list is read as it is', () => {
    expect(loadConfig({}).issuableTypes).toEqual([
      'QualificationCredential',
      'OpenBadgeCredential',
      'AchievementCredential',
    ]);
    expect(loadConfig({ ISSUABLE_TYPES: '*' }).issuableTypes).toBe('*');
    expect(loadConfig({ ISSUABLE_TYPES: 'A, https://example.org/#B' }).issuableTypes).toEqual([
      'A',
      'https://example.org/#B',
    ]);
    expect(() => loadConfig({ ISSUABLE_TYPES: 'A,,B' })).toThrow('ISSUABLE_TYPES: "" is not a type name');
  });
});
