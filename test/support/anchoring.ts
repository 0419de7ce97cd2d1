import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { connectProvider } from '../../contracts/provider.ts';
import { Registry } from '../../contracts/registry.ts';
import { postJson, type RunningSystem } from './system.ts';

/** Assertions on a running system's anchoring, for the crash and power-cut tests. */

const admin = (system: RunningSystem) => ({ authorization: `Bearer ${system.adminToken}` });

export async function anchoringStatus(system: RunningSystem): Promise<any> {
  return (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin(system) })).json();
}

export async function waitUntilAllAnchored(system: RunningSystem, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await anchoringStatus(system);
    if (status.pendingCredentials === 0 && status.batchesInFlight === 0) return;
    await sleep(200);
  }
  throw new Error(`credentials still pending after ${timeoutMs} ms:\n${system.output()}`);
}

/**
 * Every credential the issuer holds is anchored, exactly once: no root twice on chain, the batch
 * sizes on chain add up to the credentials, and each credential verifies with its current receipt.
 */
export async function assertAnchoredExactlyOnce(system: RunningSystem, expectedCredentials: number): Promise<void> {
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
      const detail = await (
        await fetch(`${system.issuerUrl}/credentials/${item.id}`, { headers: admin(system) })
      ).json();
      receiptRoots.add(detail.anchorReceipt.merkleRoot);
      const verified = await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: detail.credential,
        options: { anchorReceipt: detail.anchorReceipt },
      });
      const failed = verified.body.checks.filter(
        (c: { status: string; check: string }) => c.status !== 'valid' && c.check !== 'schema',
      );
      expect(failed).toEqual([]);
    }
    expect([...receiptRoots].sort()).toEqual(roots.map((r) => r.root).sort());
  } finally {
    provider.destroy();
  }
}
