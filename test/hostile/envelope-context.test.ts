/**
 * Issue 7 item 3: an EnvelopedVerifiableCredential / EnvelopedVerifiablePresentation is itself a
 * VC Data Model 2.0 credential or presentation, so its `@context` must be there with the VC 2.0
 * context first. Against the real system over HTTP on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { envelopedCredential } from '../../core/formats/envelopes.ts';
import { signVpJose } from '../../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { VC_V2_CONTEXT } from '../../core/vc-contexts.ts';
import { type Holder, signPresentation } from '../../wallet-cli/sign-presentation.ts';
import { ACCEPTED_ENVELOPE_CONTEXTS, REFUSED_ENVELOPE_CONTEXTS } from '../support/envelope-contexts.ts';
import type { Reply } from '../support/http.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from '../support/system.ts';

let system: RunningSystem;
let holder: Holder;
let issuedEnvelope: { type: string; id: string; '@context'?: unknown };
let bundle: { credential: string; anchorReceipt: unknown };

const withContext = (type: string, id: string, context: unknown) => ({
  ...(context === undefined ? {} : { '@context': context }),
  type,
  id,
});
const domain = () => new URL(system.verifierUrl).host;
async function challenge(): Promise<string> {
  const reply = await postJson(`${system.verifierUrl}/challenges`, {});
  expect(reply.status).toBe(201);
  return reply.body.challenge;
}

function expectRefusedEnvelope(reply: Reply, field: string) {
  expect(reply.status, reply.text).toBe(400);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ title: 'Malformed envelope', status: 400 });
  expect(reply.body.detail).toContain(field);
  expect(reply.body.detail).toContain('"@context"');
}

beforeAll(async () => {
  system = await startSystem({ env: { VERIFIER_RATE_LIMIT: '0' } });
  const seed = randomBytes(32);
  holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
  const issued = await issue(system, qualificationRequest({ id: holder.did }));
  expect(issued.status).toBe(201);
  issuedEnvelope = issued.body.verifiableCredential;
  bundle = await claimWhenAnchored(issued.body.claim.url);
}, 120_000);

afterAll(async () => {
  await system?.destroy();
});

describe('an EnvelopedVerifiableCredential sent to POST /credentials/verify', () => {
  it.each(REFUSED_ENVELOPE_CONTEXTS)('with @context %s: 400, saying the @context is wrong', async (_, context) => {
    const envelope = withContext('EnvelopedVerifiableCredential', `data:application/jwt,${bundle.credential}`, context);
    expectRefusedEnvelope(
      await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: envelope,
        options: { anchorReceipt: bundle.anchorReceipt },
      }),
      'verifiableCredential',
    );
  });

  it.each(ACCEPTED_ENVELOPE_CONTEXTS)('with @context %s: valid', async (_, context) => {
    const envelope = withContext('EnvelopedVerifiableCredential', `data:application/jwt,${bundle.credential}`, context);
    const reply = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: envelope,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.verdict).toBe('valid');
  });

  it("the issuer's own answer (POST /credentials/issue) carries the VC 2.0 @context and verifies as it is", async () => {
    expect(issuedEnvelope['@context']).toBe(VC_V2_CONTEXT);
    const reply = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: issuedEnvelope,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(reply.status, reply.text).toBe(200);
  });
});

describe('an EnvelopedVerifiablePresentation sent to POST /presentations/verify', () => {
  it.each(REFUSED_ENVELOPE_CONTEXTS)('with @context %s: 400, and the challenge is not used up', async (_, context) => {
    const nonce = await challenge();
    const jwt = await signPresentation(holder, [bundle as never], nonce, domain());
    const options = { challenge: nonce, domain: domain() };
    expectRefusedEnvelope(
      await postJson(`${system.verifierUrl}/presentations/verify`, {
        verifiablePresentation: withContext(
          'EnvelopedVerifiablePresentation',
          `data:application/vp+jwt,${jwt}`,
          context,
        ),
        options,
      }),
      'verifiablePresentation',
    );
    const retry = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: withContext('EnvelopedVerifiablePresentation', `data:application/vp+jwt,${jwt}`, [
        VC_V2_CONTEXT,
      ]),
      options,
    });
    expect(retry.status, retry.text).toBe(200);
  });

  it.each(ACCEPTED_ENVELOPE_CONTEXTS)('with @context %s: valid', async (_, context) => {
    const nonce = await challenge();
    const jwt = await signPresentation(holder, [bundle as never], nonce, domain());
    const reply = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: withContext('EnvelopedVerifiablePresentation', `data:application/vp+jwt,${jwt}`, context),
      options: { challenge: nonce, domain: domain() },
    });
    expect(reply.status, reply.text).toBe(200);
  });
});

describe('an EnvelopedVerifiableCredential inside a signed VC 2.0 presentation', () => {
  const presentWith = async (credentialEnvelope: Record<string, unknown>) => {
    const nonce = await challenge();
    const kid = `${holder.did}#${holder.did.slice('did:key:'.length)}`;
    const token = await signVpJose(
      {
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        holder: holder.did,
        verifiableCredential: [credentialEnvelope],
        anchorReceipts: [bundle.anchorReceipt],
        nonce,
        aud: domain(),
      },
      nodeJoseSigner(ed25519PrivateKey(holder.seed), kid),
    );
    return postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: token,
      options: { challenge: nonce, domain: domain() },
    });
  };

  it.each(REFUSED_ENVELOPE_CONTEXTS)(
    'with @context %s: 422 malformed_presentation naming the envelope',
    async (_, context) => {
      const reply = await presentWith(
        withContext('EnvelopedVerifiableCredential', `data:application/jwt,${bundle.credential}`, context),
      );
      expect(reply.status, reply.text).toBe(422);
      const structure = reply.body.checks.find((c: { check: string }) => c.check === 'structure');
      expect(structure).toMatchObject({ status: 'invalid', reason: 'malformed_presentation' });
      expect(structure.message).toMatch(/envelope of credential 1.*"@context"/);
    },
  );

  it('with the VC 2.0 @context (core/vc-jose envelopedCredential): valid', async () => {
    const reply = await presentWith(envelopedCredential(bundle.credential, 'application/jwt'));
    expect(reply.status, reply.text).toBe(200);
  });
});
