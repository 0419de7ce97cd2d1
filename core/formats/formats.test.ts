import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR } from '../../test/support/conformance.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { VC_DM2_JSON_LD_ONLY, VC_DM2_PLACEHOLDERS, VC_DM2_REFUSALS } from '../../test/support/vc-dm2-inputs.ts';
import { DidKeyResolver } from '../../verifier/did-key-resolver.ts';
import { keyLookup } from '../../verifier/key-lookup.ts';
import { didKeyOfJwk } from '../did-key-encoding.ts';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../ed25519.ts';
import { nodeJoseSigner } from '../jose/signer.ts';
import { envelopedCredential } from './envelopes.ts';
import { type ReadResult, readCredentialToken, readPresentationToken, validityAt } from './index.ts';
import { signVcJose, signVpJose } from './vc-jose-2.0/sign.ts';

// The conformance vectors that are verified (VC-JOSE-COSE, the VC DM 2.0 JWT fixtures, did-jwt-vc)
// go through the verifier's entry points in test/conformance-vectors.test.ts.
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('VC DM 2.0 test-suite credential inputs (vc-dm2/credential-*.json) as vc+jwt payloads', () => {
  const dir = path.join(CONFORMANCE_DIR, 'vc-dm2');
  const files = readdirSync(dir).filter((f) => f.startsWith('credential-') && !(f in VC_DM2_JSON_LD_ONLY));

  it('knows why every "-fail" input is refused', () => {
    expect(files.filter((f) => !f.endsWith('-ok.json')).sort()).toEqual(Object.keys(VC_DM2_REFUSALS).sort());
  });

  it.each(files)('%s', (file) => {
    const input = readJson(path.join(dir, file));
    // The suite's issuer fills in the issuer; do the same, but for the input about a missing issuer.
    if (input.issuer === undefined && file !== 'credential-no-issuer-fail.json') input.issuer = 'did:example:issuer';
    else if (isPlainRecord(input.issuer) && Object.keys(input.issuer).length === 0)
      input.issuer.id = 'did:example:issuer';
    for (const field of ['validFrom', 'validUntil'])
      if (input[field] in VC_DM2_PLACEHOLDERS) input[field] = VC_DM2_PLACEHOLDERS[input[field]];
    const result = readCredentialToken(token({ alg: 'EdDSA', typ: 'vc+jwt' }, input));
    const expected = VC_DM2_REFUSALS[file];
    if (expected === undefined) expect(detail(result)).toBe('ok');
    else expect(result).toEqual({ ok: false, reason: 'malformed_credential', detail: expected });
  });
});

const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

describe('VC 1.1 tokens made by did-jwt-vc (EdDSA, core/ed25519.ts)', () => {
  const seed = randomBytes(32);
  const issuerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  const holderSeed = randomBytes(32);
  const holderDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(holderSeed));
  const credential = {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    id: 'urn:uuid:6a1f2b9e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'QualificationCredential'],
    issuer: issuerDid,
    issuanceDate: '2026-06-30T10:00:00Z',
    expirationDate: '2031-06-30T10:00:00Z',
    credentialSchema: { id: 'https://skillmark.example/schemas/qualification-credential.json', type: 'JsonSchema' },
    credentialSubject: {
      id: holderDid,
      name: 'Amina Yusuf',
      qualification: { title: 'National Certificate in Electrical Installation' },
    },
  };
  const resolver = new DidKeyResolver();

  it('the credential reads, with the W3C form mapped back', async () => {
    const jwt = await createVerifiableCredentialJwt(
      credential,
      { did: issuerDid, signer: ed25519JwtSigner(seed), alg: 'EdDSA' },
      { header: { alg: 'EdDSA', kid: `${issuerDid}#${issuerDid.slice(8)}` } },
    );
    const read = readCredentialToken(jwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.format).toBe('vc-jwt-1.1');
    expect(read.value.issuer).toBe(issuerDid);
    expect(read.value.subjectIds).toEqual([holderDid]);
    expect(read.value.validFrom).toEqual(new Date('2026-06-30T10:00:00Z'));
    expect(read.value.validUntil).toEqual(new Date('2031-06-30T10:00:00Z'));
    expect(read.value.credential).toEqual(credential);
    expect(await read.value.checkProof(keyLookup(resolver))).toEqual({
      status: 'valid',
      keyId: `${issuerDid}#${issuerDid.slice(8)}`,
      alg: 'EdDSA',
    });
    expect(validityAt(read.value, new Date('2026-06-30T09:59:30Z'), 60)).toBe('within_validity_period');
    expect(validityAt(read.value, new Date('2026-06-30T09:58:00Z'), 60)).toBe('not_yet_valid');
    expect(validityAt(read.value, new Date('2031-06-30T10:00:00Z'))).toBe('expired');
  });

  it('the presentation reads: holder, nonce, audience, credentials (bare and enveloped), anchor receipts', async () => {
    const jwt = await createVerifiableCredentialJwt(credential, {
      did: issuerDid,
      signer: ed25519JwtSigner(seed),
      alg: 'EdDSA',
    });
    const receipt = { credentialHash: '0x00', merkleRoot: '0x01' };
    const vpJwt = await createVerifiablePresentationJwt(
      {
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [jwt, jwt],
          anchorReceipts: [receipt],
        } as never,
      },
      { did: holderDid, signer: ed25519JwtSigner(holderSeed), alg: 'EdDSA' },
      {
        challenge: 'c-123',
        domain: 'verifier.example',
        header: { alg: 'EdDSA', kid: `${holderDid}#${holderDid.slice(8)}` },
      },
    );
    const read = readPresentationToken(vpJwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({
      format: 'vp-jwt-1.1',
      holder: holderDid,
      nonce: 'c-123',
      audience: ['verifier.example'],
      credentialTokens: [jwt, jwt],
      anchorReceipts: [receipt],
      unsupportedCredentials: [],
    });
    expect(await read.value.checkProof(keyLookup(resolver))).toMatchObject({ status: 'valid', alg: 'EdDSA' });
    expect(readCredentialToken(vpJwt)).toMatchObject({
      ok: false,
      reason: 'malformed_credential',
      detail: /presentation/,
    });
    // A 1.1 VP may also carry enveloped credentials (did-jwt-vc cannot make one, so this one is hand-built).
    const enveloped = token(
      { alg: 'EdDSA', typ: 'JWT' },
      {
        iss: holderDid,
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [
            envelopedCredential(jwt),
            {
              '@context': ['https://www.w3.org/ns/credentials/v2'],
              type: ['EnvelopedVerifiableCredential'],
              id: `data:application/jwt,${jwt}`,
            },
          ],
        },
      },
    );
    expect(readPresentationToken(enveloped)).toMatchObject({
      ok: true,
      value: { credentialTokens: [jwt, jwt], anchorReceipts: [], audience: [] },
    });
    expect(readPresentationToken(jwt)).toMatchObject({
      ok: false,
      reason: 'malformed_presentation',
      detail: /credential/,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// VC 2.0 with JOSE made by core/formats/vc-jose-2.0, and the readers' strictness
// ---------------------------------------------------------------------------------------------

const V2 = 'https://www.w3.org/ns/credentials/v2';
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A token with the given header and payload; the signature is irrelevant to reading. */
const token = (header: Record<string, unknown>, payload: unknown) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
const VC_HEADER = { alg: 'EdDSA', kid: 'did:example:issuer#k', typ: 'vc+jwt', cty: 'vc' };
const VP_HEADER = { alg: 'EdDSA', kid: 'did:example:holder#k', typ: 'vp+jwt', cty: 'vp' };
const base = {
  '@context': [V2],
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner', skill: 'wiring' },
};
const jwsOf = (payload: unknown) => token(VC_HEADER, payload);
const detail = (result: ReadResult<unknown>) => (result.ok ? 'ok' : `${result.reason}: ${result.detail}`);

describe('VC 2.0 secured with JOSE (core/formats/vc-jose-2.0) round trip', () => {
  it('credential and presentation signed with a did:key read back and verify, with jose too', async () => {
    const pair = freshKeyPair('ec', { namedCurve: 'prime256v1' });
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const did = didKeyOfJwk(jwk);
    const signer = nodeJoseSigner(pair.privateKey, `${did}#${did.slice(8)}`);
    const credential = {
      ...base,
      issuer: { id: did, name: 'Training Centre' },
      validUntil: '2030-01-01T00:00:00+01:00',
    };
    const vcToken = await signVcJose(credential, signer);
    const read = readCredentialToken(vcToken);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({
      format: 'vc-jose-2.0',
      issuer: did,
      subjectIds: ['did:example:learner'],
      validFrom: new Date('2025-01-01T00:00:00Z'),
      validUntil: new Date('2029-12-31T23:00:00Z'),
    });
    expect(read.value.credential).toEqual(credential);
    const resolver = new DidKeyResolver();
    expect(await read.value.checkProof(keyLookup(resolver))).toMatchObject({ status: 'valid', alg: 'ES256' });
    await jose.compactVerify(vcToken, await jose.importJWK(jwk as jose.JWK, 'ES256'));

    const ed = freshKeyPair('ed25519');
    const holder = didKeyOfJwk(ed.publicKey.export({ format: 'jwk' }));
    const vpToken = await signVpJose(
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder,
        verifiableCredential: [envelopedCredential(vcToken)],
        nonce: 'n-1',
        aud: 'https://verifier.example',
        anchorReceipts: [{ r: 1 }],
      },
      nodeJoseSigner(ed.privateKey, `${holder}#${holder.slice(8)}`),
    );
    const vp = readPresentationToken(vpToken);
    if (!vp.ok) throw new Error(vp.detail);
    expect(vp.value).toMatchObject({
      format: 'vp-jose-2.0',
      holder,
      credentialTokens: [vcToken],
      nonce: 'n-1',
      audience: ['https://verifier.example'],
      anchorReceipts: [{ r: 1 }],
    });
    expect(await vp.value.checkProof(keyLookup(resolver))).toMatchObject({ status: 'valid', alg: 'EdDSA' });
  });

  it('signVcJose refuses vc/vp claims, non-objects and DER signatures', async () => {
    const ed = freshKeyPair('ed25519');
    const signer = nodeJoseSigner(ed.privateKey, 'k');
    await expect(signVcJose({ ...base, vc: {} }, signer)).rejects.toThrow(/vc/);
    await expect(signVcJose([] as never, signer)).rejects.toThrow(/object/);
    await expect(signVcJose(base, { kid: 'k', alg: 'ES256', sign: () => new Uint8Array(71) })).rejects.toThrow(
      /raw r\|\|s/,
    );
    expect(() => nodeJoseSigner(freshKeyPair('rsa', { modulusLength: 2048 }).privateKey, 'k')).toThrow();
  });
});

describe('readCredentialToken strictness', () => {
  it('accepts the media type forms the spec allows', () => {
    for (const header of [
      { ...VC_HEADER, typ: 'application/vc+jwt' },
      { ...VC_HEADER, typ: 'VC+JWT' },
      { alg: 'ES256', typ: 'vc+jwt' },
      { ...VC_HEADER, cty: 'application/vc' },
    ]) {
      expect(detail(readCredentialToken(token(header, base))), JSON.stringify(header)).toBe('ok');
    }
  });

  it.each([
    ['bad typ', token({ ...VC_HEADER, typ: 'bad+typ' }, base), /media type/],
    ['typ vp+jwt', token({ ...VC_HEADER, typ: 'vp+jwt' }, base), /presentation/],
    ['bad cty', token({ ...VC_HEADER, cty: 'bad+cty' }, base), /content type/],
    ['no typ on a 2.0 payload', token({ alg: 'EdDSA' }, base), /must have the media type/],
    ['typ JWT on a 2.0 payload', token({ alg: 'EdDSA', typ: 'JWT' }, base), /must have the media type/],
    ['vc claim in 2.0', jwsOf({ ...base, vc: {} }), /"vc" or "vp"/],
    ['crit header', token({ ...VC_HEADER, crit: ['exp'] }, base), /crit/],
    ['b64 header', token({ ...VC_HEADER, b64: false }, base), /b64/],
    ['no alg', token({ typ: 'vc+jwt' }, base), /alg/],
    ['iss differs from issuer', jwsOf({ ...base, iss: 'did:example:other' }), /"iss" claim/],
    ['sub differs from subject', jwsOf({ ...base, sub: 'did:example:other' }), /"sub" claim/],
    ['jti differs from id', jwsOf({ ...base, id: 'urn:uuid:1', jti: 'urn:uuid:2' }), /"jti" claim/],
    [
      'context order',
      jwsOf({ ...base, '@context': ['https://www.w3.org/ns/credentials/examples/v2', V2] }),
      /first "@context"/,
    ],
    [
      '1.1 context in 2.0',
      jwsOf({ ...base, '@context': ['https://www.w3.org/2018/credentials/v1'] }),
      /first "@context"/,
    ],
    ['no VerifiableCredential type', jwsOf({ ...base, type: ['ExampleCredential'] }), /VerifiableCredential/],
    ['no credentialSubject', jwsOf({ ...base, credentialSubject: undefined }), /credentialSubject/],
    ['empty credentialSubject', jwsOf({ ...base, credentialSubject: {} }), /non-empty/],
    ['subject id not a URL', jwsOf({ ...base, credentialSubject: { id: 'alice' } }), /credentialSubject.id/],
    ['issuer object without id', jwsOf({ ...base, issuer: { name: 'x' } }), /issuer.id/],
    ['issuer not a URL', jwsOf({ ...base, issuer: 'Training Centre' }), /issuer/],
    ['no issuer', jwsOf({ ...base, issuer: undefined }), /issuer/],
    ['validFrom without time zone', jwsOf({ ...base, validFrom: '2025-01-01T00:00:00' }), /dateTimeStamp/],
    ['validFrom not a date', jwsOf({ ...base, validFrom: '2025-02-30T00:00:00Z' }), /dateTimeStamp/],
    ['validFrom a number', jwsOf({ ...base, validFrom: 1735689600 }), /dateTimeStamp/],
    ['validUntil before validFrom', jwsOf({ ...base, validUntil: '2024-01-01T00:00:00Z' }), /before/],
    ['exp a string', jwsOf({ ...base, exp: '2030' }), /NumericDate/],
    ['exp before validFrom', jwsOf({ ...base, exp: 1000 }), /before it becomes valid/],
    [
      'untyped credentialStatus',
      jwsOf({ ...base, credentialStatus: { id: 'https://example.org/status/1' } }),
      /credentialStatus/,
    ],
    ['credentialSchema without id', jwsOf({ ...base, credentialSchema: { type: 'JsonSchema' } }), /credentialSchema/],
    ['untyped top-level extension', jwsOf({ ...base, badExtension: { huh: 'what?' } }), /badExtension/],
    [
      'payload nested too deep',
      jwsOf({ ...base, credentialSubject: { id: 'did:example:a', x: JSON.parse('['.repeat(100) + ']'.repeat(100)) } }),
      /nested/,
    ],
    ['not a JWS', 'hello', /3 dot-separated parts/],
    ['no vc claim', token({ alg: 'EdDSA' }, { iss: 'did:example:a' }), /no "vc" claim/],
    ['1.1: vc not an object', token({ alg: 'EdDSA' }, { iss: 'did:example:a', vc: 'x' }), /not an object/],
    [
      '1.1: iss missing',
      token(
        { alg: 'EdDSA' },
        {
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential'],
            credentialSubject: { a: 1 },
          },
        },
      ),
      /issuer \("iss"\)/,
    ],
    [
      '1.1: nbf out of range',
      token(
        { alg: 'EdDSA' },
        {
          iss: 'did:example:a',
          nbf: 1e20,
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential'],
            credentialSubject: { a: 1 },
          },
        },
      ),
      /NumericDate/,
    ],
    [
      '1.1: sub differs from subject id',
      token(
        { alg: 'EdDSA' },
        {
          iss: 'did:example:a',
          sub: 'did:example:b',
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential'],
            credentialSubject: { id: 'did:example:c' },
          },
        },
      ),
      /sub/,
    ],
    ['1.1: cty present', token({ alg: 'EdDSA', cty: 'JWT' }, { iss: 'did:example:a', vc: {} }), /content type/],
  ])('rejects %s', (_, input, why) => {
    const result = readCredentialToken(input);
    expect(result.ok).toBe(false);
    expect(detail(result)).toMatch(why);
  });

  it('accepts typed or linked extensions, multiple subjects, offsets and fractions in dates, string iat', () => {
    const result = readCredentialToken(
      jwsOf({
        ...base,
        image: { id: 'https://example.org/badge.png', type: 'Image' },
        endorsement: [{ type: ['VerifiableCredential', 'EndorsementCredential'] }],
        awardedDate: '2025-01-01',
        credentialSubject: [{ id: 'did:example:a', x: 1 }, { name: 'no id' }],
        validFrom: '2025-01-01T00:00:00.123+05:30',
        iat: '2025-01-01T00:00:00Z',
        nbf: 1735689600,
      }),
    );
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.subjectIds).toEqual(['did:example:a']);
    // validFrom (2024-12-31T18:30:00.123Z) and nbf (2025-01-01T00:00:00Z): the later wins
    expect(result.value.validFrom).toEqual(new Date('2025-01-01T00:00:00Z'));
  });
});

describe('readPresentationToken strictness', () => {
  const vcToken = jwsOf(base);
  const vpBase = {
    '@context': [V2],
    type: 'VerifiablePresentation',
    holder: 'did:example:holder',
    verifiableCredential: [envelopedCredential(vcToken)],
  };
  const vpOf = (payload: unknown) => token(VP_HEADER, payload);

  it('reads a minimal 2.0 presentation, iss as holder, and SD-JWT/COSE credentials as unsupported', () => {
    expect(detail(readPresentationToken(vpOf(vpBase)))).toBe('ok');
    const withIss = readPresentationToken(vpOf({ ...vpBase, holder: undefined, iss: 'did:example:holder' }));
    expect(withIss.ok && withIss.value.holder).toBe('did:example:holder');
    const mixed = readPresentationToken(
      vpOf({
        ...vpBase,
        verifiableCredential: [
          ...vpBase.verifiableCredential,
          { '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+sd-jwt,abc~' },
          { '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+cose;base64,0oRY' },
        ],
      }),
    );
    expect(mixed.ok && mixed.value.unsupportedCredentials).toEqual([
      { index: 1, mediaType: 'application/vc+sd-jwt' },
      { index: 2, mediaType: 'application/vc+cose' },
    ]);
    expect(mixed.ok && mixed.value.credentialTokens).toEqual([vcToken]);
  });

  it.each([
    [
      '21 credentials',
      vpOf({ ...vpBase, verifiableCredential: Array.from({ length: 21 }, () => envelopedCredential(vcToken)) }),
      /more than 20/,
    ],
    [
      'a bare JWT string in 2.0',
      vpOf({ ...vpBase, verifiableCredential: [vcToken] }),
      /EnvelopedVerifiableCredential objects/,
    ],
    ['an unsecured embedded credential', vpOf({ ...vpBase, verifiableCredential: [base] }), /not secured/],
    [
      'an unknown media type',
      vpOf({
        ...vpBase,
        verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: 'data:text/plain,hello' }],
      }),
      /media type/,
    ],
    [
      'a vc+jwt that is not a JWS',
      vpOf({
        ...vpBase,
        verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,not a jws' }],
      }),
      /compact JWS/,
    ],
    ['holder and iss differ', vpOf({ ...vpBase, iss: 'did:example:other' }), /"iss" claim/],
    ['no holder', vpOf({ ...vpBase, holder: undefined }), /no holder/],
    ['nonce not a string', vpOf({ ...vpBase, nonce: 5 }), /nonce/],
    ['aud not strings', vpOf({ ...vpBase, aud: [1] }), /aud/],
    ['anchorReceipts not an array', vpOf({ ...vpBase, anchorReceipts: {} }), /anchorReceipts/],
    ['vp claim in 2.0', vpOf({ ...vpBase, vp: {} }), /"vc" or "vp"/],
    ['typ vc+jwt', token(VC_HEADER, vpBase), /credential/],
    ['no VerifiablePresentation type', vpOf({ ...vpBase, type: ['Presentation'] }), /VerifiablePresentation/],
    [
      '1.1: holder not a URL',
      token(
        { alg: 'EdDSA', typ: 'JWT' },
        {
          iss: 'holder',
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            verifiableCredential: [vcToken],
          },
        },
      ),
      /holder/,
    ],
    [
      '1.1: vp.holder differs from iss',
      token(
        { alg: 'EdDSA' },
        {
          iss: 'did:example:a',
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            holder: 'did:example:b',
            verifiableCredential: [vcToken],
          },
        },
      ),
      /holder/,
    ],
  ])('rejects %s', (_, input, why) => {
    const result = readPresentationToken(input);
    expect(result.ok).toBe(false);
    expect(detail(result)).toMatch(why);
  });
});
