import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalNode, startLocalNode } from '../contracts/local-node.ts';
import { waitUntilLedgerStateSaved } from './support/ledger-state.ts';
import { issue, postJson, qualificationRequest, type RunningSystem, startSystem } from './support/system.ts';

/**
 * The ledger goes down while the institution keeps issuing: requests are still accepted, the
 * credentials stay visibly pending, and they are anchored once the ledger is back.
 */
describe('ledger outage during issuance', () => {
  let system: RunningSystem;
  let revived: LocalNode | undefined;
  const admin = () => ({ authorization: `Bearer ${system.adminToken}` });
  const anchoring = async () => (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin() })).json();

  beforeAll(async () => {
    system = await startSystem({ env: { ANCHOR_BATCH_WAIT_MS: '200' } });
    // The node comes back from its state snapshot: the deployment must be in it before it dies.
    await waitUntilLedgerStateSaved(system.dataDir, `http://127.0.0.1:${system.env.LEDGER_PORT}`);
  });

  afterAll(async () => {
    await system?.destroy();
    await revived?.stop();
  });

  it('keeps issuing while the ledger is down and anchors everything when it returns', async () => {
    process.kill(system.ledgerPid(), 'SIGKILL');

    const issued = [];
    for (let i = 0; i < 3; i++) {
      const response = await issue(system, qualificationRequest({ learnerReference: `outage-${i}` }));
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('pending');
      issued.push(response.body);
    }

    // Waits for the worker to report the failure; the deadline only bounds a hang.
    const noticeBy = Date.now() + 60_000;
    let status = await anchoring();
    while (!status.lastError && Date.now() < noticeBy) {
      await sleep(100);
      status = await anchoring();
    }
    expect(status.pendingCredentials).toBe(3);
    expect(status.lastError.message).toBeTruthy();
    expect((await fetch(issued[0].claim.url)).status).toBe(202);
    const detail = await (
      await fetch(`${system.issuerUrl}/credentials/${issued[0].credentialId}`, { headers: admin() })
    ).json();
    expect(detail.status).toBe('pending');
    expect(detail.anchorReceipt).toBeUndefined();

    revived = await startLocalNode({ dataDir: system.dataDir, port: Number(system.env.LEDGER_PORT) });
    // Issuing nudges the worker out of its back-off.
    expect((await issue(system, qualificationRequest({ learnerReference: 'outage-3' }))).status).toBe(201);
    const deadline = Date.now() + 60_000;
    while ((await anchoring()).pendingCredentials > 0 && Date.now() < deadline) await sleep(200);
    status = await anchoring();
    expect(status.pendingCredentials).toBe(0);
    expect(status.lastError).toBeUndefined();

    for (const credential of issued) {
      const bundle = await (await fetch(credential.claim.url)).json();
      const verified = await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
      expect(verified.body.checks.find((c: { check: string }) => c.check === 'anchored').status).toBe('valid');
    }
  });
});
