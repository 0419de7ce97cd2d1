/**
 * Issue 7 item 4: a challenge of this verifier obtained by someone else and relayed to a holder
 * must not pass for the employer's own. The caller pins the challenge it gave (options.challenge),
 * `aud` is checked against options.domain, and one client cannot hoard challenges. Against the real
 * system over HTTP on 127.0.0.1; clients are told apart by X-Forwarded-For (TRUST_PROXY=1), as
 * behind a proxy, so that each case is its own client.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { type Holder, signPresentation } from '../../wallet-cli/sign-presentation.ts';
import { type Reply, readReply } from '../support/http.ts';
import { claimWhenAnchored, issue, qualificationRequest, type RunningSystem, startSystem } from '../support/system.ts';

const PER_CLIENT = 4;
type Check = { check: string; status: string; reason: string; message: string };

let system: RunningSystem;
let holder: Holder;
let bundle: { credential: string; anchorReceipt: AnchorReceipt };
let clients = 0;

/** A new client address (TEST-NET-2), so that no case counts another's challenges. */
const newClient = () => `198.51.100.${++clients}`;
const verifierHost = () => new URL(system.verifierUrl).host;

async function post(path: string, body: unknown, client: string, headers: Record<string, string> = {}): Promise<Reply> {
  return readReply(
    await fetch(`${system.verifierUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers },
      body: JSON.stringify(body),
    }),
  );
}
async function challengeFor(client: string): Promise<string> {
  const reply = await post('/challenges', {}, client);
  expect(reply.status, reply.text).toBe(201);
  return reply.body.challenge;
}
const verify = (
  verifiablePresentation: string,
  options: Record<string, string> | undefined,
  client: string,
  headers?: Record<string, string>,
) => post('/presentations/verify', { verifiablePresentation, ...(options ? { options } : {}) }, client, headers);
const challengeCheck = (reply: Reply): Check => reply.body.checks.find((c: Check) => c.check === 'challenge');

beforeAll(async () => {
  system = await startSystem({
    env: { VERIFIER_RATE_LIMIT: '0', TRUST_PROXY: '1', VERIFIER_CHALLENGES_PER_CLIENT: String(PER_CLIENT) },
  });
  const seed = randomBytes(32);
  holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
  const issued = await issue(system, qualificationRequest({ id: holder.did }));
  expect(issued.status).toBe(201);
  bundle = (await claimWhenAnchored(issued.body.claim.url)) as never;
}, 120_000);

afterAll(async () => {
  await system?.destroy();
});

describe('a relayed challenge', () => {
  it("a challenge an attacker got from this verifier, answered for the attacker, fails against the employer's pinned challenge", async () => {
    const attacker = newClient();
    const employer = newClient();
    const relayed = await challengeFor(attacker);
    const employersOwn = await challengeFor(employer);
    // The holder answers what the attacker showed them, for the attacker's site.
    const vp = await signPresentation(holder, [bundle], relayed, 'jobs.attacker.example');

    const pinned = await verify(vp, { challenge: employersOwn, domain: verifierHost() }, employer);
    expect(pinned.status, pinned.text).toBe(422);
    expect(challengeCheck(pinned)).toMatchObject({ status: 'invalid', reason: 'challenge_mismatch' });

    const pinnedNoDomain = await verify(vp, { challenge: employersOwn }, employer);
    expect(challengeCheck(pinnedNoDomain)).toMatchObject({ status: 'invalid', reason: 'challenge_mismatch' });
  });

  it('without options.challenge: 422, challenge_not_pinned, and the challenge is not used up', async () => {
    const employer = newClient();
    const challenge = await challengeFor(employer);
    const vp = await signPresentation(holder, [bundle], challenge, verifierHost());
    for (const options of [undefined, {}, { domain: verifierHost() }] as (Record<string, string> | undefined)[]) {
      const reply = await verify(vp, options, employer);
      expect(reply.status, reply.text).toBe(422);
      expect(reply.body.verdict).toBe('invalid');
      expect(challengeCheck(reply)).toMatchObject({
        status: 'invalid',
        reason: 'challenge_not_pinned',
        message: expect.stringContaining('options.challenge'),
      });
      expect(reply.body.problemDetails.map((p: { type: string }) => p.type)).toContain(
        'urn:skillmark:check:challenge:challenge_not_pinned',
      );
    }
    const french = await verify(vp, undefined, employer, { 'accept-language': 'fr' });
    expect(challengeCheck(french).message).toMatch(/code à usage unique/);
    // The employer who then pins the challenge they gave still gets the answer.
    const pinned = await verify(vp, { challenge, domain: verifierHost() }, employer);
    expect(pinned.status, pinned.text).toBe(200);
    expect(challengeCheck(pinned)).toMatchObject({ status: 'valid', reason: 'challenge_valid' });
  });

  it('a nonce this verifier never issued, pinned by the caller: challenge_unknown', async () => {
    const invented = randomBytes(18).toString('base64url');
    const vp = await signPresentation(holder, [bundle], invented, verifierHost());
    const reply = await verify(vp, { challenge: invented, domain: verifierHost() }, newClient());
    expect(challengeCheck(reply)).toMatchObject({ status: 'invalid', reason: 'challenge_unknown' });
  });
});

describe('the audience (aud) and options.domain', () => {
  it('made for another domain: domain_mismatch, naming the audience', async () => {
    const client = newClient();
    const challenge = await challengeFor(client);
    const vp = await signPresentation(holder, [bundle], challenge, 'other-employer.example');
    const reply = await verify(vp, { challenge, domain: verifierHost() }, client);
    expect(reply.status, reply.text).toBe(422);
    expect(challengeCheck(reply)).toMatchObject({
      status: 'invalid',
      reason: 'domain_mismatch',
      message: expect.stringContaining('other-employer.example'),
    });
  });

  it('an aud but no options.domain: valid on the pinned challenge, and the fragment says the audience was not checked', async () => {
    const client = newClient();
    const challenge = await challengeFor(client);
    const vp = await signPresentation(holder, [bundle], challenge, 'other-employer.example');
    const reply = await verify(vp, { challenge }, client);
    expect(reply.status, reply.text).toBe(200);
    expect(challengeCheck(reply)).toMatchObject({
      status: 'valid',
      reason: 'challenge_valid_audience_unchecked',
      message: expect.stringContaining('other-employer.example'),
    });
  });

  it('no aud and no options.domain: challenge_valid', async () => {
    const client = newClient();
    const challenge = await challengeFor(client);
    const reply = await verify(await signPresentation(holder, [bundle], challenge), { challenge }, client);
    expect(reply.status, reply.text).toBe(200);
    expect(challengeCheck(reply)).toMatchObject({ status: 'valid', reason: 'challenge_valid' });
  });
});

describe('live challenges per client', () => {
  it(`a client holding ${PER_CLIENT} unused challenges gets 429 with Retry-After; other clients do not; using one frees a place`, async () => {
    const hoarder = newClient();
    const held = [];
    for (let i = 0; i < PER_CLIENT; i++) held.push(await challengeFor(hoarder));
    expect(held.some((c) => c.startsWith('-'))).toBe(false);

    const refused = await post('/challenges', {}, hoarder);
    expect(refused.status, refused.text).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 429,
      title: 'Too many challenges',
      detail: expect.stringContaining(`${PER_CLIENT} unused challenges`),
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);

    expect((await post('/challenges', {}, newClient())).status).toBe(201);

    const used = await verify(
      await signPresentation(holder, [bundle], held[0]!, verifierHost()),
      { challenge: held[0]!, domain: verifierHost() },
      hoarder,
    );
    expect(used.status, used.text).toBe(200);
    expect((await post('/challenges', {}, hoarder)).status).toBe(201);
    expect((await post('/challenges', {}, hoarder)).status).toBe(429);
  });
});
