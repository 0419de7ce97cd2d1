/**
 * The wallet CLI (a real child process) against servers that misbehave on purpose, on 127.0.0.1:
 * a claim link that streams without end, one that trickles, one that says "not ready" with
 * `Retry-After: 0` for ever, and a verifier whose answer carries terminal control sequences.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWallet, tempDir } from '../test/support/system.ts';
import { type HostileServer, hostileServer } from './testing/hostile-server.ts';
import { selfSignedBundle } from './testing/self-signed.ts';

let scratch: string;
let env: Record<string, string>;
const servers: HostileServer[] = [];
const serve = async (...args: Parameters<typeof hostileServer>) => {
  const server = await hostileServer(...args);
  servers.push(server);
  return server;
};

beforeAll(async () => {
  scratch = tempDir('skillmark-hostile-');
  env = { SKILLMARK_WALLET_DIR: join(scratch, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase' };
  const created = await runWallet(['init', '--json'], env);
  expect(created.code, created.stderr).toBe(0);
  const bundle = join(scratch, 'bundle.json');
  writeFileSync(bundle, JSON.stringify(await selfSignedBundle(JSON.parse(created.stdout).did)));
  const received = await runWallet(['receive', bundle], env);
  expect(received.code, received.stderr).toBe(0);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('every answer the wallet reads is capped in size and time', () => {
  it('a claim link that streams without end: exit 6 once past the byte cap, nothing stored', async () => {
    let sent = 0;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Stops at 64 MiB only so that a wallet without a cap fails this test instead of filling memory.
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    const result = await runWallet(['receive', `${server.url}/claims/x`], {
      ...env,
      SKILLMARK_WALLET_MAX_RESPONSE_BYTES: '100000',
    });
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toContain(
      `${server.url} sent an answer larger than 100,000 bytes; the wallet stopped reading it.`,
    );
    expect(JSON.parse((await runWallet(['list', '--json'], env)).stdout).credentials).toHaveLength(1);
  });

  it('a Content-Length beyond the cap is refused before reading', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
      response.write('{');
    });
    const result = await runWallet(['receive', `${server.url}/claims/x`], env);
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toContain('sent an answer larger than 2,097,152 bytes');
  });

  it('a claim link that trickles its answer: exit 6 at the deadline for the whole answer', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"type":');
      const timer = setInterval(() => response.write(' '), 50);
      response.once('close', () => clearInterval(timer));
    });
    const result = await runWallet(['receive', `${server.url}/claims/x`], {
      ...env,
      SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS: '1',
    });
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toContain(`${server.url} did not answer in full within 1 second; the wallet gave up.`);
  });

  it('limits given in the environment are checked', async () => {
    const result = await runWallet(['receive', 'http://127.0.0.1:9/claims/x'], {
      ...env,
      SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS: '0',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS must be a whole number from 1 to 600/);
  });
});

describe('polling a credential that is not ready', () => {
  it('202 with Retry-After: 0 for ever: at most one request a second, then exit 3 at the --wait limit', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(202, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end(JSON.stringify({ status: 'pending' }));
    });
    const result = await runWallet(['receive', `${server.url}/claims/x`, '--wait', '2'], env);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/not ready yet/);
    // --wait 2 with a floor of one second between requests: the first, then at most two more.
    expect(server.requests).toBeGreaterThanOrEqual(1);
    expect(server.requests).toBeLessThanOrEqual(3);
  });
});

describe('a verifier whose answer holds terminal control sequences', () => {
  it('prints them as visible escapes, in words and as JSON', async () => {
    const hostile = 'Fine\u001b]0;pwned\u0007\u001b[2J\u202eDILAV\u009b\u0000';
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ verdict: 'valid', checks: [{ check: 'signature', status: 'valid', message: hostile }] }),
      );
    });
    const [plain, asJson] = await Promise.all([
      runWallet(['verify', '1', '--verifier', server.url], env),
      runWallet(['verify', '1', '--verifier', server.url, '--json'], env),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Fine\\u001b]0;pwned\\u0007\\u001b[2J\\u202eDILAV\\u009b\\u0000');
    for (const out of [plain.stdout, asJson.stdout])
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(asJson.stdout).checks[0].message).toBe(hostile);
  });

  it('a refusal whose detail holds control sequences is printed neutralised', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ detail: 'no\u001b[31m\u0007' }));
    });
    const result = await runWallet(['verify', '1', '--verifier', server.url], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no\\u001b[31m\\u0007');
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
