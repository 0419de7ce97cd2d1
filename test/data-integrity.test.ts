import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { didKeyOfJwk } from '../core/did-key-encoding.ts';
import { hashDataOf } from '../core/formats/data-integrity/canonical-form.ts';
import { readProof, verifyProofWithKey } from '../core/formats/data-integrity/proof.ts';
import { embeddedProofToken } from '../core/formats/data-integrity/token.ts';
import {
  type KeyLookup,
  type ReadCredential,
  readCredentialToken,
  readPresentationToken,
} from '../core/formats/index.ts';
import { DidKeyResolver } from '../verifier/did-key-resolver.ts';
import { keyLookup } from '../verifier/key-lookup.ts';
import { conformancePath } from './support/conformance.ts';
import { freshKeyPair } from './support/keys.ts';
import { signDataIntegrity } from './support/sign-data-integrity.ts';

/**
 * Data Integrity (core/formats/data-integrity/) against the W3C vc-di-eddsa and vc-di-ecdsa test
 * vectors (test/fixtures/data-integrity/, sources in its README) and the Open Badges 3.0 examples
 * that carry Data Integrity proofs: the published intermediate values step by step, the
 * signatures, and every tampered copy refused.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures', 'data-integrity');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const json = (text: string) => JSON.parse(text) as Record<string, any>;
const resolver = new DidKeyResolver();

/** The key a vector's verification method names, from the verifier's own did:key resolver. */
const keyOf = (verificationMethod: string) => {
  const id = verificationMethod.includes('#') ? verificationMethod.split('#')[1]! : verificationMethod.slice(8);
  return resolver.keyFor(`did:key:${id.replace(/^did:key:/, '')}`, undefined, 'assertionMethod');
};

async function verifyWithNamedKey(document: Record<string, any>) {
  const proof = Array.isArray(document.proof) ? document.proof[0] : document.proof;
  const read = readProof(proof, 'assertionMethod');
  if (!read.supported) throw new Error('unsupported proof');
  return verifyProofWithKey(document, read, await keyOf(proof.verificationMethod));
}

const VECTORS = [
  {
    name: 'eddsa-rdfc-2022',
    signed: 'vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json',
    steps: { doc: 'canonDocDataInt.txt', proof: 'proofCanonDataInt.txt', hash: 'combinedHashDataInt.txt' },
    hash: 'sha256',
  },
  {
    name: 'eddsa-jcs-2022',
    signed: 'vc-di-eddsa/eddsa-jcs-2022/signedJCS.json',
    steps: { doc: 'canonDocJCS.txt', proof: 'proofCanonJCS.txt', hash: 'combinedHashJCS.txt' },
    hash: 'sha256',
  },
  {
    name: 'ecdsa-rdfc-2019 (P-256)',
    signed: 'vc-di-ecdsa/ecdsa-rdfc-2019-p256/signedECDSAP256.json',
    steps: { doc: 'canonDocECDSAP256.txt', proof: 'proofCanonECDSAP256.txt', hash: 'combinedHashECDSAP256.txt' },
    hash: 'sha256',
  },
  {
    name: 'ecdsa-rdfc-2019 (P-384)',
    signed: 'vc-di-ecdsa/ecdsa-rdfc-2019-p384/signedECDSAP384.json',
    steps: { hash: 'combinedHashECDSAP384.txt' },
    hash: 'sha384',
  },
  {
    name: 'eddsa-rdfc-2022, employment document',
    signed: 'vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json',
    steps: { hash: 'combinedHashDataInt.txt' },
    hash: 'sha256',
  },
  {
    name: 'ecdsa-rdfc-2019, employment document',
    signed: 'vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json',
  },
] as const;

describe.each(VECTORS)('the $name test vector', (vector) => {
  const signed = json(fixture(vector.signed));

  it('is read as a Data Integrity credential', () => {
    const read = readCredentialToken(embeddedProofToken(signed));
    expect(read).toMatchObject({ ok: true, value: { format: 'data-integrity', issuer: expect.any(String) } });
  });

  if ('steps' in vector) {
    it('gives the published canonical forms and hash data', async () => {
      const dir = vector.signed.slice(0, vector.signed.lastIndexOf('/') + 1);
      const canonicalisation = vector.name.includes('jcs') ? 'jcs' : 'rdfc';
      const hashed = await hashDataOf(signed, signed.proof, canonicalisation, vector.hash);
      if (!hashed.ok) throw new Error(hashed.reason);
      if ('doc' in vector.steps) {
        expect(hashed.canonicalDocument).toBe(fixture(dir + vector.steps.doc));
        expect(hashed.canonicalProofConfig).toBe(fixture(dir + vector.steps.proof));
      }
      expect(hashed.hashData.toString('hex')).toBe(fixture(dir + vector.steps.hash).trim());
    });
  }

  it('verifies with the key its verification method names', async () => {
    expect(await verifyWithNamedKey(signed)).toMatchObject({ status: 'valid', alg: signed.proof.cryptosuite });
  });

  it('fails once tampered with: a claim, the issuer, a date, the proof options or the signature', async () => {
    const tampered = [
      { ...signed, credentialSubject: { ...signed.credentialSubject, id: 'did:example:someone-else' } },
      { ...signed, issuer: 'did:example:another-issuer' },
      { ...signed, validFrom: '2020-01-01T00:00:00Z' },
      { ...signed, proof: { ...signed.proof, created: '2024-01-01T00:00:00Z' } },
      { ...signed, proof: { ...signed.proof, proofValue: `z${'1'.repeat(signed.proof.proofValue.length - 1)}` } },
    ];
    for (const document of tampered)
      expect(await verifyWithNamedKey(document)).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
  });

  it("is refused when checked as its issuer's: the proof's key is not the issuer's", async () => {
    const read = readCredentialToken(embeddedProofToken(signed));
    if (!read.ok) throw new Error(read.detail);
    const lookup: KeyLookup = async () => {
      throw new Error('no key is looked up for a proof by someone else');
    };
    expect(await read.value.checkProof(lookup)).toMatchObject({ status: 'invalid', reason: 'key_not_found' });
  });
});

describe('the Open Badges 3.0 examples with Data Integrity proofs', () => {
  const examples = ['complete.json', 'simple.json', 'simple-did-web-method.json', 'simple-did-key-method.json'];

  it.each(examples)('%s verifies with the key its verification method names, and fails tampered', async (file) => {
    const badge = json(readFileSync(conformancePath('openbadges', file), 'utf8'));
    expect(await verifyWithNamedKey(badge)).toMatchObject({ status: 'valid', alg: 'eddsa-rdfc-2022' });
    const renamed = { ...badge, credentialSubject: { ...badge.credentialSubject, type: ['AchievementSubject', 'X'] } };
    expect(await verifyWithNamedKey(renamed)).toMatchObject({ status: 'invalid' });
    const achievement = badge.credentialSubject.achievement;
    const otherName = {
      ...badge,
      credentialSubject: { ...badge.credentialSubject, achievement: { ...achievement, name: 'Other' } },
    };
    expect(await verifyWithNamedKey(otherName)).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
  });

  it('an example whose issuer is the https URL of its key reads with that issuer, and asks for the key by its URL', async () => {
    const badge = json(readFileSync(conformancePath('openbadges', 'complete.json'), 'utf8'));
    const read = readCredentialToken(embeddedProofToken(badge));
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.issuer).toBe('https://1edtech.edu/issuers/565049');
    const asked: unknown[] = [];
    const lookup: KeyLookup = async (did, kid, purpose) => {
      asked.push([did, kid, purpose]);
      return { ok: true, key: await keyOf(kid!) };
    };
    expect(await read.value.checkProof(lookup)).toMatchObject({ status: 'valid' });
    expect(asked).toEqual([
      [
        'https://1edtech.edu/issuers/565049',
        'https://1edtech.edu/issuers/565049#z6Mknyb2Gb4NxzW3xSr9ChTtdQZ1zs77piQ3r9SaJ9vMzmrs',
        'assertionMethod',
      ],
    ]);
  });
});

describe("a Data Integrity credential signed with its issuer's own key", () => {
  const ed25519 = freshKeyPair('ed25519');
  const p256 = freshKeyPair('ec', { namedCurve: 'P-256' });
  const lookup = keyLookup(resolver);
  /** An Open Badges 3.0 example, reissued by `did`. */
  const badgeBy = (did: string) => {
    const { proof: _proof, ...badge } = json(readFileSync(conformancePath('openbadges', 'simple.json'), 'utf8'));
    return { ...badge, issuer: { ...badge.issuer, id: did } } as Record<string, any>;
  };
  const read = (document: Record<string, unknown>): ReadCredential => {
    const result = readCredentialToken(embeddedProofToken(document));
    if (!result.ok) throw new Error(result.detail);
    return result.value;
  };

  it.each([
    ['eddsa-rdfc-2022', ed25519],
    ['eddsa-jcs-2022', ed25519],
    ['ecdsa-rdfc-2019', p256],
  ] as const)('verifies with %s through the DID resolver, and fails tampered', async (suite, pair) => {
    const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
    const signed = await signDataIntegrity(badgeBy(did), pair.privateKey, `${did}#${did.slice(8)}`, suite);
    expect(await read(signed).checkProof(lookup)).toMatchObject({ status: 'valid', alg: suite });
    const tampered = { ...signed, name: 'Another badge' };
    expect(await read(tampered).checkProof(lookup)).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
  });

  it('names an unknown context instead of fetching it, whatever the canonicalisation', async () => {
    const did = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
    const unknown = 'https://contexts.example/unheard-of/v1';
    for (const suite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const) {
      const badge = badgeBy(did);
      const signed = await signDataIntegrity(badge, ed25519.privateKey, `${did}#${did.slice(8)}`, suite);
      const withUnknown = { ...signed, '@context': [...(badge['@context'] as string[]), unknown] };
      expect(await read(withUnknown).checkProof(lookup)).toEqual({
        status: 'unverifiable',
        reason: 'context_unknown',
        params: { url: unknown },
      });
      const nested = { ...signed, credentialSubject: { ...(signed.credentialSubject as object), '@context': unknown } };
      expect(await read(nested).checkProof(lookup)).toMatchObject({
        reason: 'context_unknown',
        params: { url: unknown },
      });
    }
  });

  it('refuses a term no context defines (which RDF canonicalisation would silently drop)', async () => {
    const did = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
    const v1 = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: did,
      issuanceDate: '2026-06-30T10:00:00Z',
      credentialSubject: { id: 'did:example:learner', undefinedTerm: 'dropped unless refused' },
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        verificationMethod: `${did}#${did.slice(8)}`,
        proofPurpose: 'assertionMethod',
        proofValue: 'z3yUuWbFsLUp2CUrSZRaRbTk1UnkhpoJgJYu1SdMqa3AEMotpCPZy2ZMnCc2DqjvHz3ZXB7aUbRXrZZs5o3ZDyD5P',
      },
    };
    expect(await read(v1).checkProof(lookup)).toMatchObject({ status: 'invalid', reason: 'jsonld_invalid' });
  });

  it('leaves a proof of a cryptosuite it does not check unverifiable, and refuses malformed proofs', async () => {
    const did = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
    const signed = await signDataIntegrity(badgeBy(did), ed25519.privateKey, `${did}#${did.slice(8)}`);
    const proof = signed.proof as Record<string, unknown>;
    const withProof = (changes: Record<string, unknown>) => ({ ...signed, proof: { ...proof, ...changes } });
    expect(await read(withProof({ cryptosuite: 'bbs-2023' })).checkProof(lookup)).toMatchObject({
      status: 'unverifiable',
      reason: 'cryptosuite_unsupported',
      params: { cryptosuite: 'bbs-2023' },
    });
    expect(await read(withProof({ type: 'Ed25519Signature2020' })).checkProof(lookup)).toMatchObject({
      reason: 'cryptosuite_unsupported',
    });
    for (const [changes, detail] of [
      [{ proofPurpose: 'authentication' }, /proofPurpose/],
      [{ proofValue: 'uAAAA' }, /base58btc/],
      [{ verificationMethod: 'not a url' }, /verificationMethod/],
    ] as const) {
      expect(readCredentialToken(embeddedProofToken(withProof(changes)))).toMatchObject({
        ok: false,
        reason: 'malformed_credential',
        detail: expect.stringMatching(detail),
      });
    }
    expect(readCredentialToken(embeddedProofToken({ ...signed, proof: [proof, proof] }))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/several proofs/),
    });
  });

  it('refuses to process a credential over 64 KiB (JSON-LD expansion is slow: it bounds the work one request causes)', async () => {
    const did = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
    const signed = await signDataIntegrity(badgeBy(did), ed25519.privateKey, `${did}#${did.slice(8)}`);
    const large = { ...signed, description: 'x'.repeat(64 * 1024) };
    expect(readCredentialToken(embeddedProofToken(large))).toMatchObject({
      ok: false,
      reason: 'malformed_credential',
      detail: expect.stringMatching(/64 KiB/),
    });
  });

  it('reads a presentation with a Data Integrity proof: holder, challenge, domain and the credentials inside', async () => {
    const did = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
    const vm = `${did}#${did.slice(8)}`;
    const credential = await signDataIntegrity(badgeBy(did), ed25519.privateKey, vm);
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: did,
      verifiableCredential: [credential],
    };
    const options = { proofPurpose: 'authentication', challenge: 'c-123', domain: 'employer.example' };
    const signed = await signDataIntegrity(presentation, ed25519.privateKey, vm, 'eddsa-rdfc-2022', options);
    const read = readPresentationToken(embeddedProofToken(signed));
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({
      format: 'data-integrity-vp',
      holder: did,
      nonce: 'c-123',
      audience: ['employer.example'],
      credentialTokens: [embeddedProofToken(credential)],
      unsupportedCredentials: [],
    });
    expect(await read.value.checkProof(lookup)).toMatchObject({ status: 'valid' });
    const asCredentialProof = await signDataIntegrity(presentation, ed25519.privateKey, vm, 'eddsa-rdfc-2022');
    const unsecured = { ...signed, verifiableCredential: [badgeBy(did)] };
    const { holder: _holder, ...noHolder } = signed;
    for (const [document, detail] of [
      [asCredentialProof, /proofPurpose/],
      [unsecured, /not secured/],
      [noHolder, /holder/],
    ] as const) {
      expect(readPresentationToken(embeddedProofToken(document))).toMatchObject({
        ok: false,
        reason: 'malformed_presentation',
        detail: expect.stringMatching(detail),
      });
    }
  });

  it('gives the same token (so the same credential hash) however the JSON was spaced or ordered', () => {
    const reordered = JSON.parse(JSON.stringify({ b: 1, a: { d: 2, c: 3 }, proof: {} }, null, 2));
    expect(embeddedProofToken(reordered)).toBe(embeddedProofToken({ a: { c: 3, d: 2 }, b: 1, proof: {} }));
    expect(readCredentialToken('{"not json')).toMatchObject({ ok: false, reason: 'malformed_credential' });
  });
});
