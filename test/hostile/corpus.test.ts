/**
 * The hostile-input corpus (test/hostile/corpus.ts) against the real system: `npm start`'s entry
 * point as a child process, over HTTP on 127.0.0.1. Every case is one test asserting its exact
 * status, its verdict and the check that must fail; no answer may be a 5xx, and at the end the
 * system must still be up.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import type { Holder } from '../../wallet-cli/sign-presentation.ts';
import { claimWhenAnchored, issue, qualificationRequest, type RunningSystem, startSystem } from '../support/system.ts';
import { type Bundle, buildCorpus, corpusSpecs, type HostileCase } from './corpus.ts';

type Check = { check: string; status: string; reason: string };
interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

const specs = corpusSpecs();
let system: RunningSystem;
/** How the system process ended, once it has (it must not while the corpus runs). */
let systemExit: string | undefined;
let cases: HostileCase[] = [];
let canary: net.Server;
let canaryConnections = 0;

/** One request on a fresh connection; a response that arrives before the upload ends still counts. */
function send(c: {
  endpoint: string;
  method?: HostileCase['method'];
  body: string | Buffer;
  contentType?: string;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const method = c.method ?? 'POST';
    const data = typeof c.body === 'string' ? Buffer.from(c.body, 'utf8') : c.body;
    const headers: Record<string, string | number> = {};
    const type = c.contentType ?? 'application/json';
    if (type !== '') headers['content-type'] = type;
    if (method !== 'GET') headers['content-length'] = data.length;
    let answered = false;
    const request = http.request(
      `${system.verifierUrl}${c.endpoint}`,
      { method, agent: false, headers, timeout: 20_000 },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (d: Buffer) => chunks.push(d));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode!, headers: response.headers, text, json });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${c.endpoint} within 20 s`)));
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.end(method === 'GET' ? undefined : data);
  });
}

const allChecks = (body: { checks?: Check[]; credentials?: { checks?: Check[] }[] }): Check[] => [
  ...(body.checks ?? []),
  ...(body.credentials ?? []).flatMap((c) => c.checks ?? []),
];
const failingOf = (body: any) => allChecks(body).filter((c) => c.status === 'invalid' || c.status === 'unverifiable');
const describeChecks = (body: any) =>
  allChecks(body)
    .map((c) => `${c.check}:${c.status}:${c.reason}`)
    .join(', ');

/** The failing fragment named by `check:reason` (or `check:a|b`), if present. */
function findFailing(body: any, wanted: string): Check | undefined {
  const [check, reasons] = wanted.split(':') as [string, string];
  return failingOf(body).find((c) => c.check === check && reasons.split('|').includes(c.reason));
}

function newHolder(): Holder {
  const seed = randomBytes(32);
  return { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
}

beforeAll(async () => {
  canary = net.createServer((socket) => {
    canaryConnections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  const canaryPort = (canary.address() as net.AddressInfo).port;

  system = await startSystem({ env: { VERIFIER_RATE_LIMIT: '0' } });
  void system.exited.then((end) => (systemExit = String(end)));
  const holder = newHolder();
  const issued = await issue(system, qualificationRequest({ id: holder.did }));
  if (issued.status !== 201)
    throw new Error(`issuing the genuine credential failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const bundle = (await claimWhenAnchored(issued.body.claim.url)) as Bundle;
  const challenge = async () => {
    const reply = await send({ endpoint: '/challenges', body: '{}' });
    if (reply.status !== 201) throw new Error(`POST /challenges answered ${reply.status}: ${reply.text}`);
    return reply.json.challenge as string;
  };
  cases = await buildCorpus({
    system,
    bundle,
    holder,
    challenge,
    domain: new URL(system.verifierUrl).host,
    canaryPort,
  });
}, 120_000);

afterAll(async () => {
  await system?.destroy();
  await new Promise((resolve) => canary?.close(resolve));
});

describe('hostile corpus against the running verifier', () => {
  specs.forEach((spec, index) => {
    it(`[${spec.family}] ${spec.name}`, async () => {
      const c = cases[index];
      expect(c, 'the corpus was not built').toBeDefined();
      expect(c!.name).toBe(spec.name);
      const reply = await send(c!);
      const summary = `${c!.method ?? 'POST'} ${c!.endpoint} answered ${reply.status}: ${reply.text.slice(0, 700)}`;
      if (process.env.HOSTILE_CORPUS_DUMP) {
        const outcome = reply.json?.verdict
          ? `${reply.json.verdict} | ${describeChecks(reply.json)}`
          : `${reply.json?.title ?? ''}: ${reply.json?.detail ?? reply.text.slice(0, 120)}`;
        appendFileSync(process.env.HOSTILE_CORPUS_DUMP, `[${c!.family}] ${c!.name}\n  ${reply.status} ${outcome}\n`);
      }

      if (c!.expect.status === 503) {
        // Designed "cannot tell right now" (a transient reason): 503 with Retry-After, never any other 5xx.
        expect(reply.headers['retry-after'], summary).toBeDefined();
      } else {
        expect(reply.status, summary).toBeLessThan(500);
      }
      expect(reply.text, 'no stack trace in any answer').not.toMatch(/\n {4}at |\n\s+at .+\(.+:\d+:\d+\)/);
      expect(reply.status, summary).toBe(c!.expect.status);

      const body = reply.json;
      const hasVerdict = body !== null && typeof body === 'object' && 'verdict' in body;
      if (reply.status >= 400 && reply.status < 500 && !hasVerdict) {
        expect(reply.headers['content-type'], summary).toMatch(/^application\/problem\+json/);
        expect(body, summary).toMatchObject({
          title: expect.any(String),
          status: reply.status,
          detail: expect.any(String),
        });
        expect(body.title.length).toBeGreaterThan(0);
        expect(body.detail.length).toBeGreaterThan(0);
      }

      if (c!.expect.verdict) {
        expect(hasVerdict, summary).toBe(true);
        expect(body.verdict, `${describeChecks(body)}\n${summary}`).toBe(c!.expect.verdict);
        expect(body.verified).toBe(c!.expect.verdict === 'valid');
        if (c!.expect.verdict === 'valid') {
          expect(failingOf(body).map((f) => `${f.check}:${f.reason}`)).toEqual([]);
          expect(body.problemDetails).toBeUndefined();
        }
      }
      const failing =
        c!.expect.failing === undefined
          ? []
          : Array.isArray(c!.expect.failing)
            ? c!.expect.failing
            : [c!.expect.failing];
      for (const wanted of failing) {
        const found = findFailing(body ?? {}, wanted);
        expect(found, `expected ${wanted} to fail; checks: ${describeChecks(body ?? {})}`).toBeDefined();
        const types = (body.problemDetails ?? []).map((p: { type: string }) => p.type);
        expect(types, 'every failing check is listed in problemDetails').toContain(
          `urn:skillmark:check:${found!.check}:${found!.reason}`,
        );
      }
      if (c!.expect.passing) {
        const [check, reason] = c!.expect.passing.split(':');
        const found = allChecks(body ?? {}).find((f) => f.check === check && f.reason === reason);
        expect(
          found,
          `expected ${c!.expect.passing} to be present; checks: ${describeChecks(body ?? {})}`,
        ).toBeDefined();
        expect(['valid', 'skipped']).toContain(found!.status);
      }
    });
  });

  it('POST /challenges many times gives unique challenges', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => send({ endpoint: '/challenges', body: '', contentType: '' })),
    );
    for (const reply of replies) expect(reply.status).toBe(201);
    const values = replies.map((r) => r.json.challenge as string);
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(new Set(values).size).toBe(50);
  });

  it('did:web issuers on loopback were refused without any connection', () => {
    expect(canaryConnections).toBe(0);
  });

  it('the corpus has at least 160 cases, and the system is still up and answering', async () => {
    expect(specs.length).toBeGreaterThanOrEqual(160);
    expect(cases).toHaveLength(specs.length);
    const health = await send({ endpoint: '/health', method: 'GET', body: '' });
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: 'ok' });
    const issuerHealth = await fetch(`${system.issuerUrl}/health`);
    expect(issuerHealth.status).toBe(200);
    expect(systemExit, 'the system process ended').toBeUndefined();
  });

  it('the verifier logged no unexpected error (no request hit the 500 handler)', () => {
    expect(system.output()).not.toMatch(/unexpected error on/);
  });
});
