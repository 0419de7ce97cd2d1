import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalNode, startLocalNode } from '../contracts/local-node.ts';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import { assertPortFree } from '../core/ports.ts';
import { anchoringStatus } from './support/anchoring.ts';
import { saveLedgerState } from './support/ledger-state.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
} from './support/system.ts';

/** Until the killed node's port can be bound again (its threads may outlive the kill by a moment); the deadline only bounds a hang. */
async function untilPortFree(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertPortFree('127.0.0.1', port, '');
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(25);
    }
  }
}

/**
 * The embedded ledger node saves its state once a second: killed with SIGKILL right after an
 * anchor, it comes back without the anchoring block. The issuer must notice and anchor the same
 * root again, so that the receipt the learner already holds verifies again; and a revocation lost
 * the same way must be made again, so that the revoked credential does not turn valid.
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

  it('anchors the lost roots again, the receipt handed out before verifies valid, and the lost revocation is made again', async () => {
    // Kept once it holds the deployment and accreditation: the node restored to it lacks only what follows.
    const restoreStateBeforeIssue = await saveLedgerState(system.dataDir, `http://127.0.0.1:${system.env.LEDGER_PORT}`);

    const issued = await issue(system, qualificationRequest({ learnerReference: 'rollback' }));
    expect(issued.status).toBe(201);
    const bundle = await claimWhenAnchored(issued.body.claim.url);
    const toRevoke = await issue(system, qualificationRequest({ learnerReference: 'rollback-revoked' }));
    const revokedBundle = await claimWhenAnchored(toRevoke.body.claim.url);
    const revoked = await revokeCredential(system, toRevoke.body.credentialId, { reason: 'fraud' });
    expect(revoked.status).toBe(200);
    process.kill(system.ledgerPid(), 'SIGKILL');
    await untilPortFree(Number(system.env.LEDGER_PORT));
    // Whether the kill beat the node's next save is a race: make sure it did.
    restoreStateBeforeIssue();
    revived = await startLocalNode({ dataDir: system.dataDir, port: Number(system.env.LEDGER_PORT) });

    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const provider = connectProvider(revived.rpcUrl, institution.chainId);
    const registry = new Registry(institution.registry, provider);
    try {
      const deadline = Date.now() + 30_000;
      let status = await anchoringStatus(system);
      while (
        !(status.reanchored >= 2 && status.pendingCredentials === 0 && status.batchesInFlight === 0) &&
        Date.now() < deadline
      ) {
        await sleep(200);
        status = await anchoringStatus(system);
      }
      expect(status, system.output()).toMatchObject({ reanchored: 2, pendingCredentials: 0, batchesInFlight: 0 });
      expect((await registry.anchorOf(bundle.anchorReceipt.merkleRoot)).institutionId).not.toBe(0);
      expect(system.output()).toMatch(/no longer has the root of a batch of 1 .*anchoring it again/);
    } finally {
      provider.destroy();
    }

    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: bundle.credential,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(verified.body.verdict, JSON.stringify(verified.body.checks)).toBe('valid');
    const verifyRevoked = () =>
      postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: revokedBundle.credential,
        options: { anchorReceipt: revokedBundle.anchorReceipt },
      });
    let revokedVerdict = await verifyRevoked();
    for (let i = 0; i < 100 && revokedVerdict.body.verdict !== 'invalid'; i++) {
      await sleep(200);
      revokedVerdict = await verifyRevoked();
    }
    expect(
      revokedVerdict.body.checks.find((c: { check: string }) => c.check === 'not_revoked'),
      system.output(),
    ).toMatchObject({ status: 'invalid', reason: 'revoked' });
    expect(system.output()).toMatch(/no longer had the revocation of credential/);

    const again = await claimWhenAnchored(issued.body.claim.url);
    expect(again.anchorReceipt.merkleRoot).toBe(bundle.anchorReceipt.merkleRoot);
    expect(again.anchorReceipt.proof).toEqual(bundle.anchorReceipt.proof);
  });
});
