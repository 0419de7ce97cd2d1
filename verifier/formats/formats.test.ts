import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc';
import { ES256KSigner } from 'did-jwt';
import { Wallet } from 'ethers';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { envelopedCredential, nodeJoseSigner, signVcJose, signVpJose } from '../../core/vc-jose.ts';
import { DidKeyResolver, keyFromJwk, verifyJwsSignature, type VerificationKey } from '../did-keys.ts';
import { didKeyOfJwk } from '../did-methods/did-key.ts';
import type { ParsedJws } from '../jws.ts';
import { readCredentialToken, readPresentationToken, validityAt, type ReadResult } from './index.ts';
import { CONFORMANCE_DIR } from '../../test/support/conformance.ts';

const CONFORMANCE = CONFORMANCE_DIR;
const VJC = path.join(CONFORMANCE, 'vc-jose-cose');
const readText = (file: string) => readFileSync(path.join(VJC, file), 'utf8');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

interface Case {
  name: string;
  number: number;
  input_file: string;
  key_file: string;
  fn: 'issue' | 'verify';
  feature: string;
  expected_result: 'success' | 'failure';
}
const mapping = readJson(path.join(VJC, 'expected.json')) as Record<string, Case[]>;
const allCases = Object.values(mapping).flat();
const joseCases = allCases.filter((c) => c.feature.includes('jose'));
const skippedCases = allCases.filter((c) => !c.feature.includes('jose'));

/** A key file's public key only, pinned to its alg (the private parts are ignored). */
function vectorKey(keyFile: string): { key: VerificationKey; kid: string; vm: Record<string, any> } {
  const vm = readJson(path.join(VJC, keyFile));
  const { d: _d, ...publicJwk } = vm.publicKeyJwk;
  const outcome = keyFromJwk(vm.id, publicJwk);
  if (!outcome.ok) throw new Error(outcome.why);
  return { key: outcome.key, kid: vm.publicKeyJwk.kid, vm };
}
const vmFiles = readdirSync(VJC).filter((f) => /^vm-.*\.json$/.test(f));
/** The vector key whose JWK kid (a thumbprint) the header names, for credentials inside presentations. */
const keyByKid = (kid: unknown) => vmFiles.map(vectorKey).find((k) => k.kid === kid);

/** Some presentation vectors expired in December 2024: the clock is pinned inside their window. */
const PINNED_NOW = new Date('2024-12-16T06:00:00Z');

type Verdict = { ok: true } | { ok: false; why: string };

function signatureHolds(jws: ParsedJws, key: VerificationKey, kid: string, vmId: string): Verdict {
  const headerKid = jws.header.kid;
  if (headerKid !== undefined && headerKid !== kid && headerKid !== vmId) return { ok: false, why: `kid ${String(headerKid)} is not the key file's` };
  return verifyJwsSignature(key, jws.signingInput, jws.signature, String(jws.header.alg)) ? { ok: true } : { ok: false, why: `signature (${String(jws.header.alg)}) does not verify with ${key.alg} key` };
}

function verifyCredentialVector(token: string, keyFile: string): Verdict {
  const read = readCredentialToken(token);
  if (!read.ok) return { ok: false, why: `${read.reason}: ${read.detail}` };
  const { key, kid, vm } = vectorKey(keyFile);
  const signature = signatureHolds(read.value.jws, key, kid, vm.id);
  if (!signature.ok) return signature;
  const validity = validityAt(read.value, PINNED_NOW);
  return validity === 'within_validity_period' ? { ok: true } : { ok: false, why: validity };
}

function verifyPresentationVector(token: string, keyFile: string): Verdict & { inner?: number; unsupported?: string[] } {
  const read = readPresentationToken(token);
  if (!read.ok) return { ok: false, why: `${read.reason}: ${read.detail}` };
  const { key, kid, vm } = vectorKey(keyFile);
  const signature = signatureHolds(read.value.jws, key, kid, vm.id);
  if (!signature.ok) return signature;
  const validity = validityAt(read.value, PINNED_NOW);
  if (validity !== 'within_validity_period') return { ok: false, why: `presentation ${validity}` };
  for (const credential of read.value.credentialTokens) {
    const inner = readCredentialToken(credential);
    if (!inner.ok) return { ok: false, why: `inner credential: ${inner.detail}` };
    const innerKey = keyByKid(inner.value.jws.header.kid);
    if (!innerKey) return { ok: false, why: 'inner credential key unknown' };
    const innerSignature = signatureHolds(inner.value.jws, innerKey.key, innerKey.kid, innerKey.vm.id);
    if (!innerSignature.ok) return { ok: false, why: `inner credential: ${innerSignature.why}` };
  }
  return { ok: true, inner: read.value.credentialTokens.length, unsupported: read.value.unsupportedCredentials.map((u) => u.mediaType) };
}

describe('VC-JOSE-COSE conformance vectors (w3c/vc-jose-cose-test-suite)', () => {
  it('lists the vectors this verifier skips: COSE/SD-JWT not supported', () => {
    const skipped = skippedCases.map((c) => `${c.name} [${c.feature}, ${c.fn}]: skipped, COSE/SD-JWT not supported`);
    console.info(`Skipped ${skipped.length} vectors:\n  ${skipped.join('\n  ')}`);
    expect(skipped).toHaveLength(9 + 10);
    expect(skippedCases.every((c) => /cose|sdjwt/.test(c.feature))).toBe(true);
    expect(joseCases).toHaveLength(16);
  });

  const verifyCases = joseCases.filter((c) => c.fn === 'verify');
  it.each(verifyCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const token = readText(c.input_file).trim();
    const verdict = c.feature.startsWith('credential') ? verifyCredentialVector(token, c.key_file) : verifyPresentationVector(token, c.key_file);
    expect(verdict.ok ? 'success' : 'failure', verdict.ok ? 'verified' : verdict.why).toBe(c.expected_result);
  });

  it('7. the multi-credential presentation: its vc+jwt credential verifies; the SD-JWT and COSE ones are reported as unsupported', () => {
    const verdict = verifyPresentationVector(readText('presentation-jose-multiple.txt').trim(), 'vm-p384.json');
    expect(verdict).toEqual({ ok: true, inner: 1, unsupported: ['application/vc+sd-jwt', 'application/vc+cose'] });
    // Without the pinned clock the presentation has expired.
    const read = readPresentationToken(readText('presentation-jose-multiple.txt').trim());
    expect(read.ok && validityAt(read.value, new Date('2025-06-01T00:00:00Z'))).toBe('expired');
  });

  it('the failures fail for the reason the vector is about', () => {
    const reason = (file: string, kind: 'credential' | 'presentation') => {
      const token = readText(file).trim();
      const read: ReadResult<unknown> = kind === 'credential' ? readCredentialToken(token) : readPresentationToken(token);
      return read.ok ? 'read ok' : `${read.reason}: ${read.detail}`;
    };
    expect(reason('credential-jose-bad-media-type.txt', 'credential')).toMatch(/media type \(typ\) "bad\+typ"/);
    expect(reason('presentation-jose-bad-media-type.txt', 'presentation')).toMatch(/media type \(typ\) "bad\+typ"/);
    expect(reason('credential-jose-vc-vp-claims.txt', 'credential')).toMatch(/must not carry "vc" or "vp"/);
    expect(reason('presentation-jose-bad-credential.txt', 'presentation')).toMatch(/malformed_presentation: credential 1's id is not a data: URL/);
    expect(reason('credential-minimal.json', 'credential')).toMatch(/^malformed_jws/);
    expect(reason('presentation-single.json', 'presentation')).toMatch(/^malformed_jws/);
    expect(verifyCredentialVector(readText('credential-jose-bad-signature.txt').trim(), 'vm-ed25519.json')).toMatchObject({ ok: false, why: /signature/ });
    expect(verifyCredentialVector(readText('credential-jose-unknown-extensions.txt').trim(), 'vm-ed25519.json')).toMatchObject({ ok: false, why: /kid|ES512/ });
  });

  const issueCases = joseCases.filter((c) => c.fn === 'issue');
  it.each(issueCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const input = readJson(path.join(VJC, c.input_file));
    const { key, vm } = vectorKey(c.key_file);
    const signer = nodeJoseSigner(createPrivateKey({ key: vm.secretKeyJwk, format: 'jwk' }), vm.id);
    const isCredential = c.feature.startsWith('credential');
    const token = isCredential ? await signVcJose(input, signer) : await signVpJose(input, signer);
    // Independent check with jose
    const { payload, protectedHeader } = await jose.compactVerify(token, await jose.importJWK(vm.publicKeyJwk, vm.publicKeyJwk.alg));
    expect(protectedHeader).toEqual({ alg: vm.publicKeyJwk.alg, kid: vm.id, typ: isCredential ? 'vc+jwt' : 'vp+jwt', cty: isCredential ? 'vc' : 'vp' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(input);
    const read: ReadResult<{ jws: ParsedJws }> = isCredential ? readCredentialToken(token) : readPresentationToken(token);
    const outcome = read.ok && verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, String(read.value.jws.header.alg)) ? 'success' : 'failure';
    expect(outcome, read.ok ? 'read ok' : read.detail).toBe(c.expected_result);
    if (c.expected_result === 'failure') expect(read.ok).toBe(false); // rejected by the reader, not by the signature
  });

  it.each(vmFiles)('signVcJose with %s verifies with jose and with verifyJwsSignature', async (file) => {
    const { key, vm } = vectorKey(file);
    const token = await signVcJose(readJson(path.join(VJC, 'credential-minimal.json')), nodeJoseSigner(createPrivateKey({ key: vm.secretKeyJwk, format: 'jwk' }), vm.id));
    await jose.compactVerify(token, await jose.importJWK(vm.publicKeyJwk, vm.publicKeyJwk.alg));
    const read = readCredentialToken(token);
    expect(read.ok && verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, String(read.value.jws.header.alg))).toBe(true);
  });
});

describe('VC DM 2.0 test-suite credential inputs (vc-dm2/credential-*.json) as vc+jwt payloads', () => {
  const dir = path.join(CONFORMANCE, 'vc-dm2');
  /** These need JSON-LD processing (term redefinition, @vocab), or hold a placeholder the suite replaces. */
  const outOfScope: Record<string, string> = {
    'credential-redef-type-fail.json': 'JSON-LD: protected term redefinition',
    'credential-redef-type2-fail.json': 'JSON-LD: protected term redefinition',
    'credential-type-mapped-nonurl-fail.json': 'JSON-LD: type mapped to a non-URL',
    'credential-type-unmapped-fail.json': 'JSON-LD: @vocab null leaves the type unmapped',
    'credential-validUntil-validFrom-ok.json': 'the suite replaces "PAST DATE" before use',
  };
  const files = readdirSync(dir).filter((f) => f.startsWith('credential-') && !(f in outOfScope));
  it.each(files)('%s', (file) => {
    const input = readJson(path.join(dir, file));
    // The suite's issuer fills in the issuer; do the same.
    if (input.issuer === undefined) input.issuer = 'did:example:issuer';
    else if (isPlainRecord(input.issuer) && Object.keys(input.issuer).length === 0) input.issuer.id = 'did:example:issuer';
    const result = readCredentialToken(token({ alg: 'EdDSA', typ: 'vc+jwt' }, input));
    expect(result.ok ? 'ok' : 'fail', detail(result)).toBe(/-ok\.json$/.test(file) ? 'ok' : 'fail');
  });
});

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('VC DM 2.0 test-suite JWT fixtures (vc-dm2-fixtures/jwt-fixtures.json)', () => {
  const fixtures = readJson(path.join(CONFORMANCE, 'vc-dm2-fixtures/jwt-fixtures.json'));
  const resolver = new DidKeyResolver();

  it('the VP-JWT (EdDSA did:key, aud example.com, nonce 123456789) reads and verifies, and so does its enveloped ES256 did:key VC-JWT', async () => {
    const read = readPresentationToken(fixtures.vp_jwt);
    if (!read.ok) throw new Error(read.detail);
    const vp = read.value;
    expect(vp.format).toBe('vp-jwt-1.1');
    expect(vp.holder).toBe('did:key:z6Mkj8h3kzWZrPiucoyY9LGCTpXhCqBoX3doDmHz5MaPxnvi');
    expect(vp.audience).toEqual(['example.com']);
    expect(vp.nonce).toBe('123456789');
    expect(vp.credentialTokens).toHaveLength(1);
    const holderKey = await resolver.keyFor(vp.holder, vp.jws.header.kid as string, 'authentication');
    expect(verifyJwsSignature(holderKey, vp.jws.signingInput, vp.jws.signature, vp.jws.header.alg as string)).toBe(true);

    const vc = readCredentialToken(vp.credentialTokens[0]!);
    if (!vc.ok) throw new Error(vc.detail);
    expect(vc.value).toMatchObject({ format: 'vc-jwt-1.1', issuer: 'did:key:zDnaeTQKDbXQT4batxKcnMQYQ8JynjqC5Xz1uMk5euG2ht8nq', subjectIds: ['did:example:alice'] });
    const issuerKey = await resolver.keyFor(vc.value.issuer, vc.value.jws.header.kid as string, 'assertionMethod');
    expect(issuerKey.alg).toBe('ES256');
    expect(verifyJwsSignature(issuerKey, vc.value.jws.signingInput, vc.value.jws.signature, 'ES256')).toBe(true);
  });

  it('the stand-alone VC-JWT reads; its issuer is an https URL with no published key, so its signature cannot be checked', async () => {
    const read = readCredentialToken(fixtures.vc_jwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({
      format: 'vc-jwt-1.1',
      issuer: 'https://example.edu/issuers/565049',
      subjectIds: ['did:example:ebfeb1f712ebc6f1c276e12ec21'],
      validFrom: new Date('2010-01-01T00:00:00Z'),
    });
    expect(read.value.credential).toMatchObject({ id: 'http://example.edu/credentials/3732', validFrom: '2010-01-01T00:00:00Z', issuer: 'https://example.edu/issuers/565049' });
    await expect(resolver.keyFor(read.value.issuer, undefined)).rejects.toMatchObject({ reason: 'unsupported_did_method' });
    // Nor is it signed by the fixtures' only ES256 key.
    const other = await resolver.keyFor('did:key:zDnaeTQKDbXQT4batxKcnMQYQ8JynjqC5Xz1uMk5euG2ht8nq', undefined);
    expect(verifyJwsSignature(other, read.value.jws.signingInput, read.value.jws.signature, 'ES256')).toBe(false);
  });
});

describe('did-jwt-vc fixtures (ES256K-R, did:ethr)', () => {
  const fixtures = readJson(path.join(CONFORMANCE, 'did-jwt-vc/fixtures.json'));
  /** The DID documents of the did-jwt-vc test: EcdsaSecp256k1RecoveryMethod2020 with ethereumAddress = did.substring(9). */
  const stubDocuments = new DidKeyResolver({
    methods: {
      ethr: async (did) => ({
        document: {
          '@context': 'https://w3id.org/did/v1',
          id: did,
          verificationMethod: [{ id: `${did}#owner`, type: 'EcdsaSecp256k1RecoveryMethod2020', controller: did, ethereumAddress: did.substring(9) }],
          authentication: [`${did}#owner`],
          assertionMethod: [`${did}#owner`],
        },
      }),
    },
  });
  const derived = new DidKeyResolver({ ethrChainId: 1 });

  it.each([['the fixture documents', stubDocuments], ['documents derived offline (unchanged identity)', derived]] as const)('the VC-JWT and the VP-JWT read and verify with %s', async (_, resolver) => {
    const vc = readCredentialToken(fixtures.VC_JWT);
    if (!vc.ok) throw new Error(vc.detail);
    expect(vc.value).toMatchObject({ format: 'vc-jwt-1.1', issuer: 'did:ethr:0xf1232f840f3ad7d23fcdaa84d6c66dac24efb198', subjectIds: ['did:ethr:0x435df3eda57154cf8cf7926079881f2912f54db4'], validFrom: new Date(1562950282 * 1000) });
    const issuerKey = await resolver.keyFor(vc.value.issuer, undefined, 'assertionMethod');
    expect(issuerKey.alg).toBe('ES256K-R');
    expect(verifyJwsSignature(issuerKey, vc.value.jws.signingInput, vc.value.jws.signature, 'ES256K-R')).toBe(true);
    expect(verifyJwsSignature(issuerKey, Buffer.concat([vc.value.jws.signingInput, Buffer.from('x')]), vc.value.jws.signature, 'ES256K-R')).toBe(false);

    const vp = readPresentationToken(fixtures.PRESENTATION_JWT);
    if (!vp.ok) throw new Error(vp.detail);
    expect(vp.value).toMatchObject({ format: 'vp-jwt-1.1', holder: 'did:ethr:0xF1232F840f3aD7d23FcDaA84d6C66dac24EFb198', credentialTokens: [fixtures.VC_JWT], audience: [], anchorReceipts: [] });
    const holderKey = await resolver.keyFor(vp.value.holder, undefined, 'authentication');
    expect(verifyJwsSignature(holderKey, vp.value.jws.signingInput, vp.value.jws.signature, 'ES256K-R')).toBe(true);
  });

  it('a did-jwt ES256K-R credential for a fresh did:ethr verifies; another account does not', async () => {
    const wallet = Wallet.createRandom();
    const did = `did:ethr:${wallet.address}`;
    const jwt = await createVerifiableCredentialJwt(
      { sub: 'did:example:learner', nbf: 1_700_000_000, vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { skill: 'wiring' } } },
      { did, signer: ES256KSigner(Buffer.from(wallet.privateKey.slice(2), 'hex'), true), alg: 'ES256K-R' },
    );
    const read = readCredentialToken(jwt);
    if (!read.ok) throw new Error(read.detail);
    const key = await derived.keyFor(read.value.issuer, undefined);
    expect(verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, 'ES256K-R')).toBe(true);
    const stranger = await derived.keyFor(`did:ethr:${Wallet.createRandom().address}`, undefined);
    expect(verifyJwsSignature(stranger, read.value.jws.signingInput, read.value.jws.signature, 'ES256K-R')).toBe(false);
  });
});

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
    credentialSubject: { id: holderDid, name: 'Amina Yusuf', qualification: { title: 'National Certificate in Electrical Installation' } },
  };
  const resolver = new DidKeyResolver();

  it('the credential reads, with the W3C form mapped back', async () => {
    const jwt = await createVerifiableCredentialJwt(credential, { did: issuerDid, signer: ed25519JwtSigner(seed), alg: 'EdDSA' }, { header: { alg: 'EdDSA', kid: `${issuerDid}#${issuerDid.slice(8)}` } });
    const read = readCredentialToken(jwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.format).toBe('vc-jwt-1.1');
    expect(read.value.issuer).toBe(issuerDid);
    expect(read.value.subjectIds).toEqual([holderDid]);
    expect(read.value.validFrom).toEqual(new Date('2026-06-30T10:00:00Z'));
    expect(read.value.validUntil).toEqual(new Date('2031-06-30T10:00:00Z'));
    expect(read.value.credential).toEqual(credential);
    const key = await resolver.keyFor(read.value.issuer, read.value.jws.header.kid as string, 'assertionMethod');
    expect(verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, 'EdDSA')).toBe(true);
    expect(validityAt(read.value, new Date('2026-06-30T09:59:30Z'), 60)).toBe('within_validity_period');
    expect(validityAt(read.value, new Date('2026-06-30T09:58:00Z'), 60)).toBe('not_yet_valid');
    expect(validityAt(read.value, new Date('2031-06-30T10:00:00Z'))).toBe('expired');
  });

  it('the presentation reads: holder, nonce, audience, credentials (bare and enveloped), anchor receipts', async () => {
    const jwt = await createVerifiableCredentialJwt(credential, { did: issuerDid, signer: ed25519JwtSigner(seed), alg: 'EdDSA' });
    const receipt = { credentialHash: '0x00', merkleRoot: '0x01' };
    const vpJwt = await createVerifiablePresentationJwt(
      { vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [jwt, jwt], anchorReceipts: [receipt] } as never },
      { did: holderDid, signer: ed25519JwtSigner(holderSeed), alg: 'EdDSA' },
      { challenge: 'c-123', domain: 'verifier.example', header: { alg: 'EdDSA', kid: `${holderDid}#${holderDid.slice(8)}` } },
    );
    const read = readPresentationToken(vpJwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({ format: 'vp-jwt-1.1', holder: holderDid, nonce: 'c-123', audience: ['verifier.example'], credentialTokens: [jwt, jwt], anchorReceipts: [receipt], unsupportedCredentials: [] });
    const key = await resolver.keyFor(read.value.holder, read.value.jws.header.kid as string, 'authentication');
    expect(verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, 'EdDSA')).toBe(true);
    expect(readCredentialToken(vpJwt)).toMatchObject({ ok: false, reason: 'malformed_credential', detail: /presentation/ });
    // A 1.1 VP may also carry enveloped credentials (did-jwt-vc cannot make one, so this one is hand-built).
    const enveloped = token({ alg: 'EdDSA', typ: 'JWT' }, { iss: holderDid, vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [envelopedCredential(jwt), { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['EnvelopedVerifiableCredential'], id: `data:application/jwt,${jwt}` }] } });
    expect(readPresentationToken(enveloped)).toMatchObject({ ok: true, value: { credentialTokens: [jwt, jwt], anchorReceipts: [], audience: [] } });
    expect(readPresentationToken(jwt)).toMatchObject({ ok: false, reason: 'malformed_presentation', detail: /credential/ });
  });
});

// ---------------------------------------------------------------------------------------------
// VC 2.0 with JOSE made by core/vc-jose.ts, and the readers' strictness
// ---------------------------------------------------------------------------------------------

const V2 = 'https://www.w3.org/ns/credentials/v2';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A token with the given header and payload; the signature is irrelevant to reading. */
const token = (header: Record<string, unknown>, payload: unknown) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
const VC_HEADER = { alg: 'EdDSA', kid: 'did:example:issuer#k', typ: 'vc+jwt', cty: 'vc' };
const VP_HEADER = { alg: 'EdDSA', kid: 'did:example:holder#k', typ: 'vp+jwt', cty: 'vp' };
const base = { '@context': [V2], type: ['VerifiableCredential'], issuer: 'did:example:issuer', validFrom: '2025-01-01T00:00:00Z', credentialSubject: { id: 'did:example:learner', skill: 'wiring' } };
const jwsOf = (payload: unknown) => token(VC_HEADER, payload);
const detail = (result: ReadResult<unknown>) => (result.ok ? 'ok' : `${result.reason}: ${result.detail}`);

describe('VC 2.0 secured with JOSE (core/vc-jose.ts) round trip', () => {
  it('credential and presentation signed with a did:key read back and verify, with jose too', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const did = didKeyOfJwk(jwk);
    const signer = nodeJoseSigner(pair.privateKey, `${did}#${did.slice(8)}`);
    const credential = { ...base, issuer: { id: did, name: 'Training Centre' }, validUntil: '2030-01-01T00:00:00+01:00' };
    const vcToken = await signVcJose(credential, signer);
    const read = readCredentialToken(vcToken);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({ format: 'vc-jose-2.0', issuer: did, subjectIds: ['did:example:learner'], validFrom: new Date('2025-01-01T00:00:00Z'), validUntil: new Date('2029-12-31T23:00:00Z') });
    expect(read.value.credential).toEqual(credential);
    const resolver = new DidKeyResolver();
    const key = await resolver.keyFor(did, read.value.jws.header.kid as string, 'assertionMethod');
    expect(verifyJwsSignature(key, read.value.jws.signingInput, read.value.jws.signature, String(read.value.jws.header.alg))).toBe(true);
    await jose.compactVerify(vcToken, await jose.importJWK(jwk as jose.JWK, 'ES256'));

    const ed = generateKeyPairSync('ed25519');
    const holder = didKeyOfJwk(ed.publicKey.export({ format: 'jwk' }));
    const vpToken = await signVpJose(
      { '@context': [V2], type: ['VerifiablePresentation'], holder, verifiableCredential: [envelopedCredential(vcToken)], nonce: 'n-1', aud: 'https://verifier.example', anchorReceipts: [{ r: 1 }] },
      nodeJoseSigner(ed.privateKey, `${holder}#${holder.slice(8)}`),
    );
    const vp = readPresentationToken(vpToken);
    if (!vp.ok) throw new Error(vp.detail);
    expect(vp.value).toMatchObject({ format: 'vp-jose-2.0', holder, credentialTokens: [vcToken], nonce: 'n-1', audience: ['https://verifier.example'], anchorReceipts: [{ r: 1 }] });
    const holderKey = await resolver.keyFor(holder, vp.value.jws.header.kid as string, 'authentication');
    expect(verifyJwsSignature(holderKey, vp.value.jws.signingInput, vp.value.jws.signature, 'EdDSA')).toBe(true);
  });

  it('signVcJose refuses vc/vp claims, non-objects and DER signatures', async () => {
    const ed = generateKeyPairSync('ed25519');
    const signer = nodeJoseSigner(ed.privateKey, 'k');
    await expect(signVcJose({ ...base, vc: {} }, signer)).rejects.toThrow(/vc/);
    await expect(signVcJose([] as never, signer)).rejects.toThrow(/object/);
    await expect(signVcJose(base, { kid: 'k', alg: 'ES256', sign: () => new Uint8Array(71) })).rejects.toThrow(/raw r\|\|s/);
    expect(() => nodeJoseSigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'k')).toThrow();
  });
});

describe('readCredentialToken strictness', () => {
  it('accepts the media type forms the spec allows', () => {
    for (const header of [{ ...VC_HEADER, typ: 'application/vc+jwt' }, { ...VC_HEADER, typ: 'VC+JWT' }, { alg: 'ES256', typ: 'vc+jwt' }, { ...VC_HEADER, cty: 'application/vc' }]) {
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
    ['context order', jwsOf({ ...base, '@context': ['https://www.w3.org/ns/credentials/examples/v2', V2] }), /first "@context"/],
    ['1.1 context in 2.0', jwsOf({ ...base, '@context': ['https://www.w3.org/2018/credentials/v1'] }), /first "@context"/],
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
    ['untyped credentialStatus', jwsOf({ ...base, credentialStatus: { id: 'https://example.org/status/1' } }), /credentialStatus/],
    ['credentialSchema without id', jwsOf({ ...base, credentialSchema: { type: 'JsonSchema' } }), /credentialSchema/],
    ['untyped top-level extension', jwsOf({ ...base, badExtension: { huh: 'what?' } }), /badExtension/],
    ['payload nested too deep', jwsOf({ ...base, credentialSubject: { id: 'did:example:a', x: JSON.parse('['.repeat(100) + ']'.repeat(100)) } }), /nested/],
    ['not a JWS', 'hello', /3 dot-separated parts/],
    ['no vc claim', token({ alg: 'EdDSA' }, { iss: 'did:example:a' }), /no "vc" claim/],
    ['1.1: vc not an object', token({ alg: 'EdDSA' }, { iss: 'did:example:a', vc: 'x' }), /not an object/],
    ['1.1: iss missing', token({ alg: 'EdDSA' }, { vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { a: 1 } } }), /issuer \("iss"\)/],
    ['1.1: nbf out of range', token({ alg: 'EdDSA' }, { iss: 'did:example:a', nbf: 1e20, vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { a: 1 } } }), /NumericDate/],
    ['1.1: sub differs from subject id', token({ alg: 'EdDSA' }, { iss: 'did:example:a', sub: 'did:example:b', vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:c' } } }), /sub/],
    ['1.1: cty present', token({ alg: 'EdDSA', cty: 'JWT' }, { iss: 'did:example:a', vc: {} }), /content type/],
  ])('rejects %s', (_, input, why) => {
    const result = readCredentialToken(input);
    expect(result.ok).toBe(false);
    expect(detail(result)).toMatch(why);
  });

  it('accepts typed or linked extensions, multiple subjects, offsets and fractions in dates, string iat', () => {
    const result = readCredentialToken(jwsOf({
      ...base,
      image: { id: 'https://example.org/badge.png', type: 'Image' },
      endorsement: [{ type: ['VerifiableCredential', 'EndorsementCredential'] }],
      awardedDate: '2025-01-01',
      credentialSubject: [{ id: 'did:example:a', x: 1 }, { name: 'no id' }],
      validFrom: '2025-01-01T00:00:00.123+05:30',
      iat: '2025-01-01T00:00:00Z',
      nbf: 1735689600,
    }));
    if (!result.ok) throw new Error(result.detail);
    expect(result.value.subjectIds).toEqual(['did:example:a']);
    // validFrom (2024-12-31T18:30:00.123Z) and nbf (2025-01-01T00:00:00Z): the later wins
    expect(result.value.validFrom).toEqual(new Date('2025-01-01T00:00:00Z'));
  });
});

describe('readPresentationToken strictness', () => {
  const vcToken = jwsOf(base);
  const vpBase = { '@context': [V2], type: 'VerifiablePresentation', holder: 'did:example:holder', verifiableCredential: [envelopedCredential(vcToken)] };
  const vpOf = (payload: unknown) => token(VP_HEADER, payload);

  it('reads a minimal 2.0 presentation, iss as holder, and SD-JWT/COSE credentials as unsupported', () => {
    expect(detail(readPresentationToken(vpOf(vpBase)))).toBe('ok');
    const withIss = readPresentationToken(vpOf({ ...vpBase, holder: undefined, iss: 'did:example:holder' }));
    expect(withIss.ok && withIss.value.holder).toBe('did:example:holder');
    const mixed = readPresentationToken(vpOf({ ...vpBase, verifiableCredential: [...vpBase.verifiableCredential, { '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+sd-jwt,abc~' }, { '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+cose;base64,0oRY' }] }));
    expect(mixed.ok && mixed.value.unsupportedCredentials).toEqual([{ index: 1, mediaType: 'application/vc+sd-jwt' }, { index: 2, mediaType: 'application/vc+cose' }]);
    expect(mixed.ok && mixed.value.credentialTokens).toEqual([vcToken]);
  });

  it.each([
    ['21 credentials', vpOf({ ...vpBase, verifiableCredential: Array.from({ length: 21 }, () => envelopedCredential(vcToken)) }), /more than 20/],
    ['a bare JWT string in 2.0', vpOf({ ...vpBase, verifiableCredential: [vcToken] }), /EnvelopedVerifiableCredential objects/],
    ['an unsecured embedded credential', vpOf({ ...vpBase, verifiableCredential: [base] }), /not secured/],
    ['an unknown media type', vpOf({ ...vpBase, verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: 'data:text/plain,hello' }] }), /media type/],
    ['a vc+jwt that is not a JWS', vpOf({ ...vpBase, verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,not a jws' }] }), /compact JWS/],
    ['holder and iss differ', vpOf({ ...vpBase, iss: 'did:example:other' }), /"iss" claim/],
    ['no holder', vpOf({ ...vpBase, holder: undefined }), /no holder/],
    ['nonce not a string', vpOf({ ...vpBase, nonce: 5 }), /nonce/],
    ['aud not strings', vpOf({ ...vpBase, aud: [1] }), /aud/],
    ['anchorReceipts not an array', vpOf({ ...vpBase, anchorReceipts: {} }), /anchorReceipts/],
    ['vp claim in 2.0', vpOf({ ...vpBase, vp: {} }), /"vc" or "vp"/],
    ['typ vc+jwt', token(VC_HEADER, vpBase), /credential/],
    ['no VerifiablePresentation type', vpOf({ ...vpBase, type: ['Presentation'] }), /VerifiablePresentation/],
    ['1.1: holder not a URL', token({ alg: 'EdDSA', typ: 'JWT' }, { iss: 'holder', vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [vcToken] } }), /holder/],
    ['1.1: vp.holder differs from iss', token({ alg: 'EdDSA' }, { iss: 'did:example:a', vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: 'did:example:b', verifiableCredential: [vcToken] } }), /holder/],
  ])('rejects %s', (_, input, why) => {
    const result = readPresentationToken(input);
    expect(result.ok).toBe(false);
    expect(detail(result)).toMatch(why);
  });
});
