import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DidKeyResolver } from '../../../verifier/did-key-resolver.ts';
import { keyLookup } from '../../../verifier/key-lookup.ts';
import { credentialHash } from '../../credential-hash.ts';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../ed25519.ts';
import { nodeJoseSigner } from '../../jose/signer.ts';
import { readCredentialToken, readPresentationToken } from '../index.ts';
import { choiceOf, disclosableNames } from './disclosable.ts';
import { disclosureDigest } from './disclosures.ts';
import { sdJwtVc } from './index.ts';
import { presentSdJwtVc } from './present.ts';
import { splitSdJwt } from './serialized.ts';

const party = () => {
  const seed = randomBytes(32);
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  return { did, signer: nodeJoseSigner(ed25519PrivateKey(seed), `${did}#${did.slice(8)}`) };
};
const issuer = party();
const learner = party();
const resolver = new DidKeyResolver();
const keys = keyLookup(resolver);

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:6a1f2b9e-0000-4000-8000-000000000007',
  type: ['VerifiableCredential', 'QualificationCredential'],
  issuer: issuer.did,
  validFrom: '2026-06-30T10:00:00Z',
  credentialSchema: { id: 'urn:skillmark:schema:qualification-credential:1', type: 'JsonSchema' },
  credentialSubject: {
    id: learner.did,
    name: 'Amina Yusuf',
    learnerReference: 'L-2026-0042',
    qualification: {
      title: 'Certified Electrician',
      level: { framework: 'EQF', value: '4' },
      startedOn: '2025-09-01',
      awardedOn: '2026-06-30',
      competencies: [{ title: 'Wiring' }, { title: 'Safety inspection' }, { title: 'Fault finding' }],
    },
  },
};

const issue = () => sdJwtVc.sign(credential, issuer.did, issuer.signer);
const binding = { nonce: 'challenge-1', aud: 'verifier.example', iat: Math.floor(Date.now() / 1000) };
const present = async (token: string, names: string[], kb = binding) => {
  const choice = choiceOf(credential, names);
  if (!choice.ok) throw new Error(choice.unknown.join());
  return presentSdJwtVc(token, choice.choice, { ...kb, holder: learner.signer });
};
const read = (token: string) => {
  const r = readCredentialToken(token);
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};
const readVp = (token: string) => {
  const r = readPresentationToken(token);
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};

describe('SD-JWT VC issued by the sd-jwt-vc format', () => {
  it('is a dc+sd-jwt with a disclosure for each personal field, the start date and each competency', async () => {
    const token = await issue();
    const split = splitSdJwt(token)!;
    expect(split.disclosures).toHaveLength(6);
    expect(split.keyBindingJwt).toBeUndefined();
    const header = JSON.parse(Buffer.from(split.issuerJwt.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'EdDSA', kid: issuer.signer.kid });
    const signed = Buffer.from(split.issuerJwt.split('.')[1]!, 'base64url').toString();
    for (const hidden of ['Amina', 'L-2026-0042', '2025-09-01', 'Wiring']) expect(signed).not.toContain(hidden);
    expect(JSON.parse(signed)).toMatchObject({
      iss: issuer.did,
      sub: learner.did,
      vct: 'urn:skillmark:schema:qualification-credential:1',
      cnf: { jwk: { kty: 'OKP', crv: 'Ed25519' } },
      _sd_alg: 'sha-256',
    });
  });

  it('reads back as the credential it signed, every disclosure in place and its signature valid', async () => {
    const value = read(await issue());
    expect(value.format).toBe('sd-jwt-vc');
    expect(value.credential).toMatchObject(credential);
    expect(value.disclosed).toHaveLength(6);
    expect(await value.checkProof(keys)).toMatchObject({ status: 'valid', alg: 'EdDSA' });
  });

  it('hashes to the same credential hash whatever is disclosed (the issuer-signed JWT only)', async () => {
    const token = await issue();
    const shown = splitSdJwt(await present(token, ['name']))!.withoutKeyBinding;
    expect(credentialHash(shown)).toBe(credentialHash(token));
    expect(credentialHash(token)).toBe(credentialHash(splitSdJwt(token)!.issuerJwt));
  });

  it('refuses a changed disclosure, a duplicated one and a changed signature, each with its own reason', async () => {
    const token = await issue();
    const [jwt, ...disclosures] = token.split('~');
    const decoded = (d: string) => Buffer.from(d, 'base64url').toString();
    const first = disclosures.find((d) => decoded(d).includes('Amina Yusuf'))!;
    const rest = disclosures.filter((d) => d !== first);
    const changed = Buffer.from(decoded(first).replace('Amina Yusuf', 'Someone Else')).toString('base64url');
    const tampered = read([jwt, changed, ...rest].join('~'));
    expect(tampered.credential).not.toMatchObject({ credentialSubject: { name: 'Someone Else' } });
    expect(await tampered.checkProof(keys)).toMatchObject({ status: 'invalid', reason: 'disclosure_digest_mismatch' });
    const twice = read([jwt, first, first, ...rest].join('~'));
    expect(await twice.checkProof(keys)).toMatchObject({ status: 'invalid', reason: 'disclosure_duplicated' });
    const signature = jwt!.split('.')[2]!;
    const forged = `${jwt!.slice(0, -signature.length)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await read([forged, first, ...rest].join('~')).checkProof(keys)).toMatchObject({
      reason: 'signature_invalid',
    });
  });

  it('refuses a key-binding JWT in a credential', async () => {
    const presented = await present(await issue(), []);
    expect(readCredentialToken(presented)).toMatchObject({ ok: false, reason: 'malformed_credential' });
  });
});

describe('SD-JWT VC presented with key binding', () => {
  it('shows only the chosen disclosures, with the challenge, audience and the holder', async () => {
    const token = await issue();
    const vp = readVp(await present(token, ['qualification', 'awardedOn', 'competency:2']));
    expect(vp.format).toBe('sd-jwt-vc+kb');
    expect(vp.holder).toBe(learner.did);
    expect(vp.nonce).toBe('challenge-1');
    expect(vp.audience).toEqual(['verifier.example']);
    expect(vp.keyBoundAt).toEqual(new Date(binding.iat * 1000));
    expect(await vp.checkProof(keys)).toMatchObject({ status: 'valid', alg: 'EdDSA' });
    const inside = read(vp.credentialTokens[0]!);
    const subject = inside.credential.credentialSubject as Record<string, unknown>;
    expect(subject).toEqual({
      id: learner.did,
      qualification: {
        title: 'Certified Electrician',
        level: { framework: 'EQF', value: '4' },
        awardedOn: '2026-06-30',
        competencies: [{ title: 'Safety inspection' }],
      },
    });
    expect(JSON.stringify(inside.credential)).not.toMatch(/Amina|L-2026|2025-09-01|Wiring|Fault/);
    expect(inside.disclosed).toEqual(['credentialSubject.qualification.competencies[0]']);
    expect(await inside.checkProof(keys)).toMatchObject({ status: 'valid' });
  });

  it('carries the anchor receipts in the key-binding JWT', async () => {
    const receipt = { credentialHash: '0x01', merkleRoot: '0x02' };
    const vp = readVp(await present(await issue(), ['name'], { ...binding, anchorReceipts: [receipt] } as never));
    expect(vp.anchorReceipts).toEqual([receipt]);
  });

  it('is invalid without a key-binding JWT, with one over other disclosures, or signed by another key', async () => {
    const token = await issue();
    const withoutKb = readVp(splitSdJwt(await present(token, ['name']))!.withoutKeyBinding);
    expect(await withoutKb.checkProof(keys)).toMatchObject({ status: 'invalid', reason: 'key_binding_missing' });

    const presented = await present(token, ['name']);
    const kb = presented.split('~').at(-1)!;
    const moreShown = `${splitSdJwt(await present(token, ['name', 'learnerReference']))!.withoutKeyBinding}${kb}`;
    expect(await readVp(moreShown).checkProof(keys)).toMatchObject({
      status: 'invalid',
      reason: 'key_binding_mismatch',
    });

    const choice = choiceOf(credential, ['name']);
    if (!choice.ok) throw new Error('choice');
    const other = party();
    const stolen = await presentSdJwtVc(token, choice.choice, { ...binding, holder: other.signer });
    expect(await readVp(stolen).checkProof(keys)).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
  });

  it('names what can be disclosed, and refuses a name the credential cannot disclose', () => {
    expect(disclosableNames(credential)).toEqual([
      'name',
      'learnerReference',
      'startedOn',
      'competency:1',
      'competency:2',
      'competency:3',
    ]);
    expect(choiceOf(credential, ['competencies', 'name'])).toMatchObject({
      ok: true,
      choice: { subject: ['name'], qualification: [], competencies: [0, 1, 2] },
    });
    expect(choiceOf(credential, ['grades'])).toMatchObject({ ok: false, unknown: ['grades'] });
  });

  it('digests disclosures as RFC 9901 §4.2.3 does', () => {
    // RFC 9901 §4.2.1's example disclosure of "family_name": "Möbius" and its digest.
    expect(disclosureDigest('WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0')).toBe(
      'X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0',
    );
  });
});

describe('hostile SD-JWTs', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jwt = (payload: Record<string, unknown>) => `${b64({ alg: 'EdDSA', typ: 'dc+sd-jwt' })}.${b64(payload)}.c2ln`;
  const base = { ...credential, iss: issuer.did, vct: 'urn:example' };

  it('are malformed, never an exception: deep disclosures, disclosures nested in one another, claims disclosed over signed ones', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 60; i++) deep = [deep];
    const deepDisclosure = b64(['salt', 'deep', deep]);
    expect(readCredentialToken(`${jwt(base)}~${deepDisclosure}~`)).toMatchObject({
      ok: false,
      detail: expect.stringContaining('nested more than 48 levels'),
    });
    // A chain of disclosures, each holding the digest of the next inside an object.
    let chain = b64(['s0', 'leaf', 'x']);
    const chainParts = [chain];
    for (let i = 1; i < 60; i++) {
      chain = b64([`s${i}`, `c${i}`, { _sd: [disclosureDigest(chain)] }]);
      chainParts.push(chain);
    }
    const nested = jwt({ ...base, _sd: [disclosureDigest(chain)] });
    expect(readCredentialToken(`${nested}~${chainParts.join('~')}~`)).toMatchObject({
      ok: false,
      detail: expect.stringContaining('nested more than 48 levels'),
    });
    const over = b64(['salt', 'issuer', 'did:example:someone-else']);
    expect(readCredentialToken(`${jwt({ ...base, _sd: [disclosureDigest(over)] })}~${over}~`)).toMatchObject({
      ok: false,
      detail: 'the claim "issuer" is both signed and disclosed',
    });
    for (const text of ['~', 'a~b~', `${jwt(base)}~~`, `${jwt(base)}~bm90IGpzb24~`, `${jwt(base)}~${b64({ a: 1 })}~`])
      expect(readCredentialToken(text).ok).toBe(false);
    expect(readPresentationToken(`${jwt(base)}~not.a.jwt`).ok).toBe(false);
  });
});

describe('hostile SD-JWT headers and payloads', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it('refuse what a compact JWS refuses: crit, b64, a payload too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 60; i++) deep = { a: deep };
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ alg: 'EdDSA', typ: 'dc+sd-jwt', crit: ['x'] }, { vct: 'v' }, 'critical extensions'],
      [{ alg: 'EdDSA', typ: 'dc+sd-jwt', b64: false }, { vct: 'v' }, 'unencoded payloads'],
      [{ alg: 'EdDSA', typ: 'dc+sd-jwt' }, { vct: 'v', deep }, 'nested more than 48 levels'],
    ];
    for (const [header, payload, why] of cases)
      expect(readCredentialToken(`${b64(header)}.${b64(payload)}.c2ln~`)).toMatchObject({
        ok: false,
        detail: expect.stringContaining(why),
      });
  });
});
