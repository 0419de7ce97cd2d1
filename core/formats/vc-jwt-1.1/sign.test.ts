import { generateKeyPairSync } from 'node:crypto';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import fc from 'fast-check';
import { getResolver as keyDidResolver } from 'key-did-resolver';
import { describe, expect, it } from 'vitest';
import { nodeJoseSigner } from '../../jose/signer.ts';
import { didKeyOfEd25519Key } from '../../trust-bundle/signed-bundle.ts';
import { vcJwtClaims } from './claims.ts';
import { signVcJwt, signWithDidJwtVc } from './sign.ts';

const { privateKey } = generateKeyPairSync('ed25519');
const did = didKeyOfEd25519Key(privateKey);
const signer = nodeJoseSigner(privateKey, `${did}#${did.slice('did:key:'.length)}`);
const V1 = 'https://www.w3.org/2018/credentials/v1';
const subject = { name: 'Amina Yusuf', qualification: { title: 'National Certificate', awardedOn: '2026-06-30' } };
const status = {
  id: 'https://issuer.example/status-lists/1#42',
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '42',
  statusListCredential: 'https://issuer.example/status-lists/1',
};

/** The shapes the issuer signs as VC-JWT 1.1, and some it could be given. */
const SHAPES: Record<string, Record<string, unknown>> = {
  'issuer string, subject id, status and schema': {
    '@context': [V1],
    id: 'urn:uuid:0b7e2a6e-8f0c-4a52-9d61-2f0e6f1c5a11',
    type: ['VerifiableCredential', 'QualificationCredential'],
    issuer: did,
    issuanceDate: '2026-07-01T09:30:00Z',
    credentialSubject: { id: 'did:example:learner', ...subject },
    credentialSchema: { id: 'urn:skillmark:schema:qualification-credential:1', type: 'JsonSchema' },
    credentialStatus: status,
  },
  'issuer object with name and description, no subject id': {
    '@context': [V1],
    type: ['VerifiableCredential', 'QualificationCredential'],
    issuer: { id: did, name: 'Polytechnic', description: 'A college' },
    issuanceDate: '2026-07-01T09:30:00.123Z',
    credentialSubject: { learnerReference: 'S-1', ...subject },
  },
  'expiration date, evidence, terms of use, refresh service': {
    '@context': [V1, 'https://example.org/extra'],
    id: 'urn:uuid:1',
    type: ['VerifiableCredential', 'QualificationCredential'],
    issuer: did,
    issuanceDate: '2026-07-01T09:30:00Z',
    expirationDate: '2031-07-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner', ...subject },
    evidence: [{ type: ['Evidence'], id: 'https://issuer.example/exam/1' }],
    termsOfUse: { type: 'IssuerPolicy', id: 'https://issuer.example/policy' },
    refreshService: { type: 'ManualRefreshService2018', id: 'https://issuer.example/refresh' },
    credentialStatus: [status],
  },
  'open badge types, issuer object, other members kept at the top': {
    '@context': [V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential'],
    name: 'Electrician',
    description: 'Badge',
    issuer: { id: did, type: ['Profile'], name: 'Polytechnic' },
    issuanceDate: '2026-07-01T09:30:00Z',
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:uuid:2', name: 'Electrician' } },
  },
  'a string context and type, repeated entries': {
    '@context': V1,
    type: 'VerifiableCredential',
    issuer: did,
    credentialSubject: { id: 'did:example:learner', name: 'A' },
  },
  'falsy and unreadable members left where did-jwt-vc leaves them': {
    '@context': [V1, V1],
    type: ['VerifiableCredential', 'VerifiableCredential'],
    issuer: did,
    id: '',
    issuanceDate: 'not a date',
    expirationDate: '',
    evidence: '',
    credentialStatus: null,
    credentialSubject: { id: null, name: 'A' },
  },
  'members named like numbers, a subject member named like the prototype': JSON.parse(
    `{"@context":["${V1}"],"1":"one","type":["VerifiableCredential"],"issuer":"${did}","credentialSubject":{"__proto__":2,"name":"A"}}`,
  ),
  'a member named like the prototype (did-jwt-vc maps this)': JSON.parse(
    `{"@context":["${V1}"],"1":"one","type":["VerifiableCredential"],"__proto__":{"x":1},"issuer":"${did}","credentialSubject":{"__proto__":2,"name":"A"}}`,
  ),
  'claims given as JWT claims already (did-jwt-vc maps these)': {
    '@context': [V1],
    type: ['VerifiableCredential'],
    issuer: did,
    sub: 'did:example:other',
    nbf: 1790000000,
    credentialSubject: { id: 'did:example:learner', name: 'A' },
  },
  'an issuer object without an id (did-jwt-vc maps this)': {
    '@context': [V1],
    type: ['VerifiableCredential'],
    issuer: { name: 'Polytechnic' },
    credentialSubject: { name: 'A' },
  },
};

const decoded = (jwt: string) => jwt.split('.', 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
const outcome = (signing: Promise<string>) =>
  signing.then(
    (jwt) => ({ jwt }),
    (error: Error) => ({ error: `${error.constructor.name}: ${error.message}` }),
  );

describe('VC-JWT 1.1 signing', () => {
  it.each(Object.entries(SHAPES))('makes the token did-jwt-vc makes: %s', async (_, credential) => {
    const ours = await signVcJwt(credential, did, signer);
    const theirs = await signWithDidJwtVc(credential, did, signer);
    expect(decoded(ours)).toEqual(decoded(theirs));
    // Ed25519 signatures are deterministic: the same claims in the same order give the same token.
    expect(ours).toBe(theirs);
  });

  it('makes its own claims for the issuer’s credentials, leaving to did-jwt-vc those it maps otherwise', () => {
    const own = Object.entries(SHAPES).filter(([, credential]) => vcJwtClaims(credential, did) !== undefined);
    expect(own.length).toBe(Object.keys(SHAPES).length - 3);
  });

  it('is accepted by did-jwt-vc’s verifyCredential, issuer string or object', async () => {
    const resolver = new Resolver(keyDidResolver());
    for (const name of [
      'issuer string, subject id, status and schema',
      'issuer object with name and description, no subject id',
    ]) {
      const jwt = await signVcJwt(SHAPES[name]!, did, signer);
      const verified = await verifyCredential(jwt, resolver);
      expect(verified.verified).toBe(true);
      expect(verified.verifiableCredential.credentialSubject).toMatchObject(subject);
    }
  });

  it('signs an ECDSA key’s token with the same header and claims', async () => {
    const ec = nodeJoseSigner(
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      'did:example:issuer#key-1',
    );
    for (const credential of Object.values(SHAPES)) {
      const [ours, theirs] = await Promise.all([signVcJwt(credential, did, ec), signWithDidJwtVc(credential, did, ec)]);
      expect(decoded(ours)).toEqual(decoded(theirs));
    }
  });

  it('refuses what did-jwt-vc refuses, with its words', async () => {
    const refused = [
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: did,
        credentialSubject: { name: 'A' },
      },
      { '@context': [V1], type: ['QualificationCredential'], issuer: did, credentialSubject: { name: 'A' } },
      {
        '@context': [V1],
        type: ['VerifiableCredential'],
        issuer: did,
        credentialSubject: { id: 'did:example:learner' },
      },
      {
        '@context': [V1],
        type: ['VerifiableCredential'],
        issuer: did,
        issuanceDate: '+010000-01-01T00:00:00Z',
        credentialSubject: { name: 'A' },
      },
      { '@context': [V1], type: ['VerifiableCredential'], issuer: did, credentialSubject: [{ name: 'A' }] },
    ];
    for (const credential of refused) {
      const ours = await outcome(signVcJwt(credential, did, signer));
      expect(ours).toHaveProperty('error');
      expect(ours).toEqual(await outcome(signWithDidJwtVc(credential, did, signer)));
    }
  });

  it('makes the token did-jwt-vc makes, whatever the members', async () => {
    let ownClaims = 0;
    const value = fc.oneof(
      fc.constantFrom(V1, did, 'VerifiableCredential', '2026-07-01T09:30:00Z', '', 0, 1790000000, null),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const members = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'issuanceDate',
        'expirationDate',
        'evidence',
        'credentialStatus',
        'termsOfUse',
        'refreshService',
        'credentialSchema',
        'issuer',
        '2',
      ),
      value,
    );
    // Mostly none: did-jwt-vc maps these members itself.
    const jwtMembers = fc.oneof(
      { arbitrary: fc.constant({}), weight: 3 },
      {
        arbitrary: fc.dictionary(fc.constantFrom('sub', 'jti', 'nbf', 'exp', 'iat', 'iss', 'vc', 'context'), value),
        weight: 1,
      },
    );
    const issuers = fc.oneof(
      { arbitrary: fc.constantFrom<unknown>(did, { id: did, name: 'P' }), weight: 3 },
      { arbitrary: fc.constantFrom<unknown>({ name: 'P' }, '', 42), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(members, jwtMembers).map(([some, jwt]) => ({ ...some, ...jwt })),
        fc.dictionary(fc.constantFrom('id', 'name', 'type'), value),
        issuers,
        async (extra, subjectMembers, issuer) => {
          const credential = {
            '@context': [V1],
            type: ['VerifiableCredential'],
            issuer,
            ...extra,
            credentialSubject: { ...subjectMembers, name: 'A' },
          };
          if (vcJwtClaims(credential, did)) ownClaims++;
          const ours = await outcome(signVcJwt(credential, did, signer));
          expect(ours).toEqual(await outcome(signWithDidJwtVc(credential, did, signer)));
        },
      ),
      { numRuns: 400 },
    );
    expect(ownClaims).toBeGreaterThan(100);
  });
});
