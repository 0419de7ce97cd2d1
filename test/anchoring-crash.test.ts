import { afterEach, describe, expect, it } from 'vitest';
import { assertAnchoredExactlyOnce, waitUntilAllAnchored } from './support/anchoring.ts';
import { issue, qualificationRequest, type RunningSystem, startSystem, tempDir } from './support/system.ts';

/**
 * Crash safety of anchoring: a real issuer process is killed with SIGKILL at each step of the
 * protocol (via SKILLMARK_FAILPOINT), restarted on the same data dir, and every signed credential
 * must end up anchored exactly once: none lost, none in two batches, no root anchored twice.
 */

async function issueMany(system: RunningSystem, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    // At the issue failpoint the process dies mid-request: the request fails, the credential is stored.
    await issue(system, qualificationRequest({ learnerReference: `crash-${i}` })).catch(() => undefined);
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
      // One batch of exactly the three credentials, however slowly they are issued.
      const first = await startSystem({
        dataDir,
        env: { SKILLMARK_FAILPOINT: point, ANCHOR_BATCH_SIZE: '3', ANCHOR_BATCH_WAIT_MS: '600000' },
      });
      system = first;
      await issueMany(first, 3);
      // Killed at the failpoint: by the signal itself, or exit code 137 (128 + 9) through a wrapper.
      expect([137, 'SIGKILL']).toContain(await first.exited);

      system = await startSystem({ dataDir, ports: first.ports, env: { ANCHOR_BATCH_WAIT_MS: '300' } });
      await waitUntilAllAnchored(system);
      const expected = point === 'issue:after-store' ? 1 : 3;
      await assertAnchoredExactlyOnce(system, expected);
    });
  }
});
