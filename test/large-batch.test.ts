import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofLeadsToRoot } from '../core/receipt.ts';
import { issue, qualificationRequest, type RunningSystem, startSystem } from './support/system.ts';

/** A batch (closed by size) larger than one proof-writing statement (500): every credential gets its own proof. */
describe('a batch of 1,100 credentials', () => {
  let system: RunningSystem;
  const admin = () => ({ authorization: `Bearer ${system.adminToken}` });

  beforeAll(async () => {
    system = await startSystem({ env: { ANCHOR_BATCH_SIZE: '1100', ANCHOR_BATCH_WAIT_MS: '600000' } });
  });

  afterAll(async () => {
    await system?.destroy();
  });

  it('is anchored in one transaction and every receipt proves its own credential', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 1100; i += 50) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          issue(system, qualificationRequest({ learnerReference: `cohort-${i + j}` })),
        ),
      );
      ids.push(...replies.map((r) => r.body.credentialId));
    }
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      (await (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin() })).json()).pendingCredentials > 0
    )
      await sleep(250);
    const roots = new Set<string>();
    for (const id of [ids[0]!, ids[499]!, ids[500]!, ids[1000]!, ids[1099]!]) {
      const detail = await (await fetch(`${system.issuerUrl}/credentials/${id}`, { headers: admin() })).json();
      expect(detail.status).toBe('anchored');
      expect(proofLeadsToRoot(detail.anchorReceipt, detail.credentialHash)).toBe(true);
      roots.add(detail.anchorReceipt.merkleRoot);
    }
    expect(roots.size).toBe(1);
  });
});
