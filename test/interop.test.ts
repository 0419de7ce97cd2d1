import { randomBytes } from 'node:crypto';
import { base58 } from '@scure/base';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { compactVerify, importJWK } from 'jose';
import { getResolver as keyDidResolver } from 'key-did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { envelopedCredential } from '../core/formats/envelopes.ts';
import { signVpJose } from '../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { signPresentation } from '../wallet-cli/sign-presentation.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';

/**
 * Credentials issued by Skillmark, in both formats, verify in independent libraries (did-jwt-vc
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

  it("both verify as valid in Skillmark's verifier, alone and in 1.1 and 2.0 presentations", async () => {
    for (const bundle of [v1, v2]) {
      const alone = await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
      expect(alone.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    }
    const domain = new URL(system.verifierUrl).host;
    const challenge = async () => (await postJson(`${system.verifierUrl}/challenges`, {})).body.challenge as string;

    const c1 = await challenge();
    const vp11 = await signPresentation(holder, [v1, v2], c1, domain);
    const asV11 = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: vp11,
      options: { challenge: c1, domain },
    });
    expect(asV11.body.verdict).toBe('valid');
    expect(asV11.body.credentials).toHaveLength(2);

    const c2 = await challenge();
    const kid = `${holder.did}#${holder.did.slice('did:key:'.length)}`;
    const vp20 = await signVpJose(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: holder.did,
        verifiableCredential: [envelopedCredential(v2.credential)],
        anchorReceipts: [v2.anchorReceipt],
        nonce: c2,
        aud: domain,
      },
      nodeJoseSigner(ed25519PrivateKey(seed), kid),
    );
    const asV20 = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: vp20,
      options: { challenge: c2, domain },
    });
    expect(asV20.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    expect(asV20.body.verdict).toBe('valid');
  });
});
