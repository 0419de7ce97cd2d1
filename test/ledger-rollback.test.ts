import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNode, type LocalNode } from '../contracts/local-node.ts';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import { anchoringStatus, saveLedgerState } from './support/anchoring.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest, startSystem, type RunningSystem } from './support/system.ts';

/** Until the process is gone or a zombie (its sockets are closed then). */
async function untilDead(pid: number): Promise<void> {
  while (existsSync(`/proc/${pid}/stat`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) await sleep(10);
}

/**
 * The embedded ledger node saves its state once a second: killed with SIGKILL right after an
 * anchor, it comes back without the anchoring block. The issuer must notice and anchor the same
 * root again, so that the receipt the learner already holds verifies again.
 */
describe('the ledger node loses the anchoring block (kill -9)', () => {
  let system: RunningSystem;
  let revived: LocalNode | undefined;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.destroy();
    await revived?.stop();
  });

  it('anchors the lost root again and the receipt handed out before verifies valid', async () => {
    await sleep(1500); // the deployment and accreditation are in the saved state
    const restoreStateBeforeIssue = await saveLedgerState(system.dataDir);

    const issued = await issue(system, qualificationRequest({ learnerReference: 'rollback' }));
    expect(issued.status).toBe(201);
    const bundle = await claimWhenAnchored(issued.body.claim.url);
    const ledgerPid = system.ledgerPid();
    process.kill(ledgerPid, 'SIGKILL');
    await untilDead(ledgerPid);
    // Whether the kill beat the node's next save is a race: make sure it did.
    restoreStateBeforeIssue();
    revived = await startLocalNode({ dataDir: system.dataDir, port: Number(system.env.LEDGER_PORT) });

    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const provider = connectProvider(revived.rpcUrl, institution.chainId);
    const registry = new Registry(institution.registry, provider);
    try {
      const deadline = Date.now() + 30_000;
      let status = await anchoringStatus(system);
      while (!(status.reanchored >= 1 && status.pendingCredentials === 0 && status.batchesInFlight === 0) && Date.now() < deadline) {
        await sleep(200);
        status = await anchoringStatus(system);
      }
      expect(status, system.output()).toMatchObject({ reanchored: 1, pendingCredentials: 0, batchesInFlight: 0 });
      expect((await registry.anchorOf(bundle.anchorReceipt.merkleRoot)).institutionId).not.toBe(0);
      expect(system.output()).toMatch(/no longer has the root of a batch of 1 .*anchoring it again/);
    } finally {
      provider.destroy();
    }

    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: bundle.credential, options: { anchorReceipt: bundle.anchorReceipt } });
    expect(verified.body.verdict, JSON.stringify(verified.body.checks)).toBe('valid');
    const again = await claimWhenAnchored(issued.body.claim.url);
    expect(again.anchorReceipt.merkleRoot).toBe(bundle.anchorReceipt.merkleRoot);
    expect(again.anchorReceipt.proof).toEqual(bundle.anchorReceipt.proof);
  });
});
