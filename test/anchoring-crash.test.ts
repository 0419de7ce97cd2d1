import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import { issue, postJson, qualificationRequest, startSystem, tempDir, type RunningSystem } from './support/system.ts';

/**
 * Crash safety of anchoring: a real issuer process is killed with SIGKILL at each step of the
 * protocol (via SKILLMARK_FAILPOINT), restarted on the same data dir, and every signed credential
 * must end up anchored exactly once: none lost, none in two batches, no root anchored twice.
 */

const admin = (system: RunningSystem) => ({ authorization: `Bearer ${system.adminToken}` });

async function issueMany(system: RunningSystem, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    // At the issue failpoint the process dies mid-request: the request fails, the credential is stored.
    await issue(system, qualificationRequest({ learnerReference: `crash-${i}` })).catch(() => undefined);
  }
}

async function waitUntilAllAnchored(system: RunningSystem, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin(system) })).json();
    if (status.pendingCredentials === 0 && status.batchesInFlight === 0) return;
    await sleep(200);
  }
  throw new Error(`credentials still pending after ${timeoutMs} ms:\n${system.output()}`);
}

async function assertExactlyOnce(system: RunningSystem, expectedCredentials: number): Promise<void> {
  const { items } = await (await fetch(`${system.issuerUrl}/credentials?limit=500`, { headers: admin(system) })).json();
  expect(items).toHaveLength(expectedCredentials);
  expect(items.every((c: { status: string }) => c.status === 'anchored')).toBe(true);

  const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
  const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, institution.chainId);
  try {
    const registry = new Registry(institution.registry, provider);
    const events = await registry.contract.queryFilter(registry.contract.filters.RootAnchored!(), 0);
    const roots = events.map((e) => (e as unknown as { args: { root: string; batchSize: bigint } }).args);
    expect(new Set(roots.map((r) => r.root)).size).toBe(roots.length);
    expect(roots.reduce((sum, r) => sum + Number(r.batchSize), 0)).toBe(expectedCredentials);

    const receiptRoots = new Set<string>();
    for (const item of items) {
      const detail = await (await fetch(`${system.issuerUrl}/credentials/${item.id}`, { headers: admin(system) })).json();
      receiptRoots.add(detail.anchorReceipt.merkleRoot);
      const verified = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: detail.credential, options: { anchorReceipt: detail.anchorReceipt } });
      const failed = verified.body.checks.filter((c: { status: string; check: string }) => c.status !== 'valid' && c.check !== 'schema');
      expect(failed).toEqual([]);
    }
    expect([...receiptRoots].sort()).toEqual(roots.map((r) => r.root).sort());
  } finally {
    provider.destroy();
  }
}

describe('anchoring survives kill -9', () => {
  let system: RunningSystem | undefined;

  afterEach(async () => {
    await system?.destroy();
    system = undefined;
  });

  const points = [
    ['issue:after-store', 'after a credential is signed and stored, before the response'],
    ['anchor:after-batch', 'after a batch is formed, before its transaction is signed'],
    ['anchor:after-broadcast', 'after the anchoring transaction is sent, before its receipt is seen'],
    ['anchor:before-finalize', 'after the transaction is mined, before the receipts are saved'],
  ] as const;

  for (const [point, when] of points) {
    it(`${when} (${point})`, async () => {
      const dataDir = tempDir('skillmark-crash-');
      const first = await startSystem({ dataDir, env: { SKILLMARK_FAILPOINT: point, ANCHOR_BATCH_WAIT_MS: '300' } });
      system = first;
      await issueMany(first, 3);
      // tsx runs the script in a child process: its SIGKILL shows as exit code 137 (128 + 9).
      expect([137, 'SIGKILL']).toContain(await first.exited);

      const ports = { ledger: Number(first.env.LEDGER_PORT), issuer: Number(first.env.ISSUER_PORT), verifier: Number(first.env.VERIFIER_PORT) };
      system = await startSystem({ dataDir, ports, env: { ANCHOR_BATCH_WAIT_MS: '300' } });
      await waitUntilAllAnchored(system);
      const expected = point === 'issue:after-store' ? 1 : 3;
      await assertExactlyOnce(system, expected);
    });
  }
});
