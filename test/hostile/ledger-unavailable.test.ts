import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../support/http.ts';
import { issue, qualificationRequest, type RunningSystem, startSystem } from '../support/system.ts';

/**
 * The issuer's ledger operations while the ledger node is dead (a real SIGKILL): a clear 503
 * problem with Retry-After, a one-line log, never a 500 or a stack trace.
 */
describe('issuer ledger operations while the ledger is down', () => {
  let system: RunningSystem;
  let credentialId: string;
  const post = async (path: string, body?: unknown) =>
    readReply(
      await fetch(`${system.issuerUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${system.adminToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
    );

  /** The system's output from `from` on, once it satisfies `done`. */
  async function outputSince(from: number, done: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!done(system.output().slice(from))) {
      if (Date.now() > deadline) throw new Error(`not logged within ${timeoutMs} ms:\n${system.output().slice(from)}`);
      await sleep(50);
    }
    return system.output().slice(from);
  }

  beforeAll(async () => {
    system = await startSystem();
    credentialId = (await issue(system, qualificationRequest({ learnerReference: 'outage-errors' }))).body.credentialId;
    process.kill(system.ledgerPid(), 'SIGKILL');
  });

  afterAll(async () => {
    await system?.destroy();
  });

  for (const [name, path, body] of [
    ['POST /ledger-key/rotate', '/ledger-key/rotate', undefined],
    ['POST /credentials/{id}/revoke', '/credentials/:id/revoke', { reason: 'issuedInError' }],
  ] as const) {
    it(`${name} answers 503 with problem details and logs one line`, async () => {
      const requestPath = path.replace(':id', credentialId);
      const logBefore = system.output().length;
      const reply = await post(requestPath, body);
      expect(reply.status, reply.text).toBe(503);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(reply.body).toMatchObject({ title: 'Ledger unavailable', status: 503 });
      expect(reply.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\bat\s.*:\d+/);

      // The line reaches us through a pipe after the reply: wait for it; the deadline only bounds a hang.
      const logged = await outputSince(logBefore, (text) => text.includes(`POST ${requestPath}: ledger unavailable`));
      expect(logged).not.toMatch(/\n\s+at\s|unexpected error/);
    });
  }

  it('still says what it is doing: the issuer and its anchoring status answer', async () => {
    const status = await readReply(
      await fetch(`${system.issuerUrl}/anchoring`, { headers: { authorization: `Bearer ${system.adminToken}` } }),
    );
    expect(status.status).toBe(200);
    expect((await fetch(`${system.issuerUrl}/institution`)).status).toBe(200);
  });
});
