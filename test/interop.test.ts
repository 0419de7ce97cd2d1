import { randomBytes } from 'node:crypto';
import { base58 } from '@scure/base';
import { createAgent, type ICredentialPlugin, type IResolver } from '@veramo/core';
import { CredentialProviderJWT } from '@veramo/credential-jwt';
import { CredentialPlugin } from '@veramo/credential-w3c';
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { createVerifiableCredentialJwt, verifyCredential, verifyPresentation } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { getResolver as keyDidResolver } from 'key-did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { envelopedCredential } from '../core/formats/envelopes.ts';
import { signPresentation } from '../wallet-cli/sign-presentation.ts';
import { signDataIntegrity } from './support/sign-data-integrity.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';
import { inMemoryVeramo } from './support/veramo.ts';

/**
 * Credentials issued by Skillmark, in both formats, verify in independent libraries (did-jwt-vc and Veramo
 * for VC-JWT 1.1; jose with the issuer's DID document for VC 2.0 + JOSE), and in Skillmark's own
 * verifier inside 1.1 and 2.0 presentations.
 */
describe('issued formats and independent verification', () => {
  let system: RunningSystem;
  const seed = randomBytes(32);
  const holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
  const resolver = new Resolver(keyDidResolver());
  let v1: { credential: string; anchorReceipt: any };
  let v2: { credential: string; anchorReceipt: any };
  const veramo = createAgent<ICredentialPlugin & IResolver>({
    plugins: [
      new DIDResolverPlugin({ resolver: new Resolver(keyDidResolver()) }),
      new CredentialPlugin([new CredentialProviderJWT()]),
    ],
  });
  const domain = () => new URL(system.verifierUrl).host;
  const challenge = async () => (await postJson(`${system.verifierUrl}/challenges`, {})).body.challenge as string;

  beforeAll(async () => {
    system = await startSystem();
    const first = await issue(system, qualificationRequest({ id: holder.did }));
    const second = await issue(
      system,
      qualificationRequest({ id: holder.did }, { '@context': ['https://www.w3.org/ns/credentials/v2'] }),
    );
    expect([first.body.format, second.body.format]).toEqual(['vc-jwt-1.1', 'vc-jose-2.0']);
    expect(second.body.verifiableCredential.id.startsWith('data:application/vc+jwt,')).toBe(true);
    [v1, v2] = await Promise.all([claimWhenAnchored(first.body.claim.url), claimWhenAnchored(second.body.claim.url)]);
  });

  afterAll(async () => {
    await system?.destroy();
  });

  it('a VC-JWT 1.1 credential verifies in did-jwt-vc with a standard did:key resolver', async () => {
    const verified = await verifyCredential(v1.credential, resolver);
    expect(verified.verified).toBe(true);
    expect(verified.verifiableCredential.credentialSubject.id).toBe(holder.did);
  });

  it("a VC 2.0 credential verifies in jose with the key from the issuer's DID document", async () => {
    const [headerPart] = v2.credential.split('.');
    const header = JSON.parse(Buffer.from(headerPart!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    const issuerDid = header.kid.split('#')[0];
    const { didDocument } = await resolver.resolve(issuerDid);
    const method = didDocument!.verificationMethod!.find((m) => m.id === header.kid)!;
    const raw = Buffer.from(base58.decode(method.publicKeyBase58!));
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(v2.credential, key);
    expect(protectedHeader.typ).toBe('vc+jwt');
    const credential = JSON.parse(new TextDecoder().decode(payload));
    expect(credential['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(credential).toMatchObject({ issuer: issuerDid, credentialSubject: { id: holder.did } });
    expect(typeof credential.validFrom).toBe('string');
  });

  it("both verify as valid in Skillmark's verifier, alone and in the 1.1 and 2.0 presentations the wallet makes", async () => {
    for (const bundle of [v1, v2]) {
      const alone = await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
      expect(alone.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    }
    for (const bundle of [v1, v2]) {
      const nonce = await challenge();
      const vp = await signPresentation(holder, [bundle], nonce, domain());
      const verified = await postJson(`${system.verifierUrl}/presentations/verify`, {
        verifiablePresentation: vp,
        options: { challenge: nonce, domain: domain() },
      });
      expect(verified.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
      expect(verified.body.verdict).toBe('valid');
    }
  });

  it('the wallet presents VC 1.1 credentials in a VC-JWT 1.1 presentation that did-jwt-vc and Veramo verify', async () => {
    const nonce = await challenge();
    const vp = await signPresentation(holder, [v1], nonce, domain());
    const verified = await verifyPresentation(vp, resolver, { challenge: nonce, domain: domain() });
    expect(verified.verified).toBe(true);
    expect(verified.verifiablePresentation.holder).toBe(holder.did);
    const byVeramo = await veramo.verifyPresentation({ presentation: vp, challenge: nonce, domain: domain() });
    expect(byVeramo.verified, JSON.stringify(byVeramo.error)).toBe(true);
  });

  it('the wallet presents VC 2.0 credentials in a vp+jwt presentation of enveloped credentials that jose verifies', async () => {
    const nonce = await challenge();
    const vp = await signPresentation(holder, [v2], nonce, domain());
    const holderKey = await importJWK(
      { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(ed25519PublicKeyOfSeed(seed)).toString('base64url') },
      'EdDSA',
    );
    const { payload, protectedHeader } = await compactVerify(vp, holderKey);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vp+jwt' });
    const presentation = JSON.parse(new TextDecoder().decode(payload));
    expect(presentation).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: holder.did,
      nonce,
      aud: domain(),
      verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${v2.credential}` }],
    });
    expect(presentation).not.toHaveProperty('vp');
  });

  it('refuses to put credentials of both data models in one presentation', async () => {
    await expect(signPresentation(holder, [v1, v2], 'nonce', domain())).rejects.toThrow(/1\.1.*2\.0/);
  });

  it('a VC-JWT 1.1 credential verifies in Veramo', async () => {
    expect((await veramo.verifyCredential({ credential: v1.credential })).verified).toBe(true);
  });
});

/**
 * What independent libraries issue, Skillmark's verifier reads and checks: the signature holds, and
 * the issuer, on no trusted registry, makes the verdict anything but valid.
 */
describe("credentials from other systems in Skillmark's verifier", () => {
  let system: RunningSystem;
  const issuerSeed = randomBytes(32);
  const issuerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(issuerSeed));
  const kid = `${issuerDid}#${issuerDid.slice('did:key:'.length)}`;
  const subject = { id: 'did:example:learner', alumniOf: 'Example College' };

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.destroy();
  });

  /** The verifier's answer: the issuer's signature holds, no registry lists it, so the verdict is not valid. */
  async function expectSignedButUnlisted(verifiableCredential: unknown, format: string) {
    const { status, body } = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential });
    const check = (name: string) => body.checks.find((c: { check: string }) => c.check === name);
    expect(check('structure'), JSON.stringify(body)).toMatchObject({
      status: 'valid',
      message: expect.stringContaining(`(${format})`),
    });
    expect(check('signature'), JSON.stringify(check('signature'))).toMatchObject({ status: 'valid' });
    expect(check('issuer_accredited')).toMatchObject({ status: 'invalid', reason: 'issuer_not_accredited' });
    expect(body.verdict).not.toBe('valid');
    expect(status).toBe(422);
  }

  it('a VC-JWT 1.1 credential issued with did-jwt-vc', async () => {
    const jwt = await createVerifiableCredentialJwt(
      {
        sub: subject.id,
        nbf: 1_750_000_000,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential'],
          credentialSubject: subject,
        },
      },
      { did: issuerDid, signer: ed25519JwtSigner(issuerSeed), alg: 'EdDSA' },
      { header: { alg: 'EdDSA', kid } },
    );
    await expectSignedButUnlisted(jwt, 'vc-jwt-1.1');
  });

  it('a credential issued with Veramo, in its object form (JwtProof2020) and as the JWT inside', async () => {
    const veramoIssuer = inMemoryVeramo();
    const identifier = await veramoIssuer.didManagerCreate({ kms: 'local', options: { keyType: 'Ed25519' } });
    const credential = await veramoIssuer.createVerifiableCredential({
      credential: { issuer: { id: identifier.did }, credentialSubject: subject },
      proofFormat: 'jwt',
    });
    expect(credential.proof).toMatchObject({ type: 'JwtProof2020', jwt: expect.any(String) });
    await expectSignedButUnlisted(credential, 'vc-jwt-1.1');
    await expectSignedButUnlisted(credential.proof.jwt, 'vc-jwt-1.1');
  });

  it('a VC 2.0 credential secured with JOSE, signed with jose', async () => {
    const privateKey = await importJWK(
      {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(ed25519PublicKeyOfSeed(issuerSeed)).toString('base64url'),
        d: issuerSeed.toString('base64url'),
      },
      'EdDSA',
    );
    const jwt = await new CompactSign(
      new TextEncoder().encode(
        JSON.stringify({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential'],
          issuer: issuerDid,
          validFrom: '2026-01-01T00:00:00Z',
          credentialSubject: subject,
        }),
      ),
    )
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'vc+jwt', cty: 'vc' })
      .sign(privateKey);
    await expectSignedButUnlisted(jwt, 'vc-jose-2.0');
    await expectSignedButUnlisted(envelopedCredential(jwt), 'vc-jose-2.0');
  });

  it.each(['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const)(
    'a credential secured with a Data Integrity proof (%s), sent as JSON',
    async (cryptosuite) => {
      const credential = await signDataIntegrity(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
          type: ['VerifiableCredential', 'AlumniCredential'],
          issuer: issuerDid,
          validFrom: '2026-01-01T00:00:00Z',
          credentialSubject: subject,
        },
        ed25519PrivateKey(issuerSeed),
        kid,
        cryptosuite,
      );
      await expectSignedButUnlisted(credential, 'data-integrity');
      await expectSignedButUnlisted(JSON.stringify(credential, null, 2), 'data-integrity');
      const tampered = { ...credential, credentialSubject: { ...subject, alumniOf: 'Another College' } };
      const { body } = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: tampered });
      expect(body.checks.find((c: { check: string }) => c.check === 'signature')).toMatchObject({
        status: 'invalid',
        reason: 'signature_invalid',
      });
    },
  );

  it('a presentation secured with a Data Integrity proof, holding a Data Integrity credential', async () => {
    const holderSeed = randomBytes(32);
    const holderDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(holderSeed));
    const credential = await signDataIntegrity(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
        type: ['VerifiableCredential', 'AlumniCredential'],
        issuer: issuerDid,
        credentialSubject: { ...subject, id: holderDid },
      },
      ed25519PrivateKey(issuerSeed),
      kid,
    );
    const domain = new URL(system.verifierUrl).host;
    const presentationWith = async (credentials: unknown[]) => {
      const challenge = (await postJson(`${system.verifierUrl}/challenges`, {})).body.challenge as string;
      const vp = await signDataIntegrity(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: holderDid,
          verifiableCredential: credentials,
        },
        ed25519PrivateKey(holderSeed),
        `${holderDid}#${holderDid.slice('did:key:'.length)}`,
        'eddsa-rdfc-2022',
        { proofPurpose: 'authentication', challenge, domain },
      );
      return { vp, challenge };
    };
    const { vp, challenge } = await presentationWith([credential]);
    const verified = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: vp,
      options: { challenge, domain },
    });
    expect(verified.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    const [inside] = verified.body.credentials;
    expect(inside.checks.find((c: { check: string }) => c.check === 'signature')).toMatchObject({ status: 'valid' });
    expect(inside.checks.find((c: { check: string }) => c.check === 'issuer_accredited')).toMatchObject({
      status: 'invalid',
    });
    expect(verified.body.verdict).not.toBe('valid');

    const other = await presentationWith([credential]);
    const refused = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: { ...other.vp, verifiableCredential: [{ ...credential, name: 'Changed' }] },
      options: { challenge: other.challenge, domain },
    });
    expect(refused.body.checks.find((c: { check: string }) => c.check === 'presentation_signature')).toMatchObject({
      status: 'invalid',
      reason: 'signature_invalid',
    });
    expect(refused.body.credentials[0].checks.find((c: { check: string }) => c.check === 'signature')).toMatchObject({
      status: 'invalid',
      reason: 'signature_invalid',
    });
  });
});
