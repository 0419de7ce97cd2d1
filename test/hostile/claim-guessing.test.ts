/**
 * Claim codes are bearer secrets: guessing them must not go at full speed, they expire, and the
 * institution can replace one. The real issuer (in this process, for an injected clock) on a real
 * local chain, over HTTP on 127.0.0.1; clients are told apart by X-Forwarded-For (TRUST_PROXY).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalAccreditation, ensureLocalDeployment } from '../../contracts/deployment.ts';
import { loadConfig } from '../../core/config.ts';
import type { RunningServer } from '../../core/serve.ts';
import { type Issuer, openIssuer } from '../../issuer/service.ts';
import { readReply } from '../support/http.ts';
import { freePort, startTestChain, type TestChain } from '../support/local-chain.ts';
import { qualificationRequest, tempDir } from '../support/system.ts';

const DAY_MS = 86_400_000;
const ADMIN = 'claim-guessing-admin-token-0123';
const clock = { now: Date.now() };
let chain: TestChain;
let issuer: Issuer;
let server: RunningServer;
let dataDir: string;

const from = (client: string, headers: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': client, ...headers },
});
const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const claim = (code: string, client: string) => fetch(`${server.url}/claims/${code}`, from(client)).then(readReply);
const randomCode = () => randomBytes(10).toString('hex').toUpperCase();

async function issueOne(client = '198.51.100.1'): Promise<{ id: string; code: string; expiresAt: string }> {
  const reply = await fetch(`${server.url}/credentials/issue`, {
    method: 'POST',
    ...from(client, admin),
    body: JSON.stringify(qualificationRequest({ learnerReference: 'L-1' })),
  }).then(readReply);
  expect(reply.status, reply.text).toBe(201);
  return { id: reply.body.credentialId, code: reply.body.claim.code, expiresAt: reply.body.claim.expiresAt };
}

beforeAll(async () => {
  chain = await startTestChain();
  dataDir = tempDir('skillmark-claim-guessing-');
  const deployment = await ensureLocalDeployment(chain.provider, dataDir);
  const config = {
    ...loadConfig({}),
    dataDir,
    issuerPort: await freePort(),
    trustProxy: true,
    issuerRateLimitPerMinute: 30,
    claimCodeTtlDays: 90,
    batchMaxWaitMs: 100,
  };
  issuer = await openIssuer({
    config,
    ledger: { rpcUrls: [chain.rpcUrl], chainId: chain.node.chainId, registry: deployment.registry },
    institutionName: 'Claim Guessing Test Centre',
    adminToken: ADMIN,
    log: () => {},
    now: () => new Date(clock.now),
  });
  await ensureLocalAccreditation(chain.provider, deployment, {
    address: issuer.ledgerAddress,
    did: issuer.did,
    name: 'Claim Guessing Test Centre',
  });
  server = await issuer.start();
});

afterAll(async () => {
  await issuer?.stop();
  await chain?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('claim-code guessing', () => {
  it('3,000 guesses from one client: six are looked up, every other one is refused with 429 and Retry-After', async () => {
    const statuses = new Map<number, number>();
    let limited: Awaited<ReturnType<typeof claim>> | undefined;
    for (let i = 0; i < 3000; i++) {
      const reply = await claim(randomCode(), '203.0.113.7');
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status === 429) limited ??= reply;
    }
    expect(statuses.get(404)).toBe(6);
    expect(statuses.get(429)).toBe(2994);
    expect(limited!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('each miss after the lockout doubles it; the client may try again once it has passed', async () => {
    const client = '203.0.113.8';
    for (let i = 0; i < 5; i++) expect((await claim(randomCode(), client)).status).toBe(404);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await claim(randomCode(), client)).status).toBe(404);
      const refused = await claim(randomCode(), client);
      expect(refused.status).toBe(429);
      expect(refused.body.title).toBe('Too many unknown claim codes');
      waits.push(Number(refused.headers.get('retry-after')));
      clock.now += waits.at(-1)! * 1000;
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('a guessing client does not lock out the learner, who collects with the right code', async () => {
    const { code } = await issueOne();
    for (let i = 0; i < 10; i++) await claim(randomCode(), '203.0.113.9');
    expect([200, 202]).toContain((await claim(code, '192.0.2.50')).status);
  });
});

describe('claim-code expiry and renewal', () => {
  it(`a code works until CLAIM_CODE_TTL_DAYS after it was handed out, then answers 410`, async () => {
    const { code, expiresAt } = await issueOne();
    expect(Date.parse(expiresAt) - clock.now).toBeGreaterThan(89 * DAY_MS);
    const start = clock.now;
    try {
      clock.now = start + 89 * DAY_MS;
      expect([200, 202]).toContain((await claim(code, '192.0.2.51')).status);
      clock.now = start + 91 * DAY_MS;
      const expired = await claim(code, '192.0.2.51');
      expect(expired.status).toBe(410);
      expect(expired.body.title).toBe('Claim code expired');
    } finally {
      clock.now = start;
    }
  });

  it('the institution issues a new code (admin only): it works, the old one stops working', async () => {
    const { id, code: old } = await issueOne();
    const url = `${server.url}/credentials/${id}/claim`;
    expect((await fetch(url, { method: 'POST', ...from('192.0.2.52') })).status).toBe(401);
    const renewed = await fetch(url, { method: 'POST', ...from('192.0.2.52', admin) }).then(readReply);
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.body.claim.code).not.toBe(old);
    expect(renewed.body.claim.url.endsWith(`/claims/${renewed.body.claim.code}`)).toBe(true);
    expect(Date.parse(renewed.body.claim.expiresAt)).toBeGreaterThan(clock.now + 89 * DAY_MS);
    expect([200, 202]).toContain((await claim(renewed.body.claim.code, '192.0.2.52')).status);
    expect((await claim(old, '192.0.2.52')).status).toBe(404);
  });

  it('a renewal restarts the expiry: an expired credential can be handed out again', async () => {
    const { id, code } = await issueOne();
    const start = clock.now;
    try {
      clock.now = start + 100 * DAY_MS;
      expect((await claim(code, '192.0.2.53')).status).toBe(410);
      const renewed = await fetch(`${server.url}/credentials/${id}/claim`, {
        method: 'POST',
        ...from('192.0.2.53', admin),
      }).then(readReply);
      expect([200, 202]).toContain((await claim(renewed.body.claim.code, '192.0.2.53')).status);
    } finally {
      clock.now = start;
    }
  });

  it('unknown credential ids answer 404', async () => {
    const reply = await fetch(`${server.url}/credentials/00000000-0000-4000-8000-000000000000/claim`, {
      method: 'POST',
      ...from('192.0.2.54', admin),
    }).then(readReply);
    expect(reply.status).toBe(404);
    expect(reply.body.title).toBe('Unknown credential');
  });
});

describe('rate limit on routes without the admin token', () => {
  it('a client gets ISSUER_RATE_LIMIT requests a minute, then 429 with Retry-After; others are unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fetch(`${server.url}/health`, from('198.51.100.77'))).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await fetch(`${server.url}/institution`, from('198.51.100.77'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${server.url}/health`, from('198.51.100.78'))).status).toBe(200);
    clock.now += 60_000;
    expect((await fetch(`${server.url}/health`, from('198.51.100.77'))).status).toBe(200);
  });

  it('wrong admin tokens count against the limit; the right one is never limited', async () => {
    const client = '198.51.100.79';
    const wrong = { authorization: 'Bearer not-the-admin-token-at-all' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fetch(`${server.url}/credentials`, from(client, wrong))).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    const listing = await fetch(`${server.url}/credentials?limit=1`, from(client, admin));
    expect(listing.status).toBe(200);
  });
});
