import { afterEach, describe, expect, it } from 'vitest';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
  tempDir,
} from './support/system.ts';

/**
 * A ledger key rotation cut short after the switch to the new key, before the old one is retired
 * (SIGKILL at a failpoint; a ledger that fails at that step leaves the same state). Asking again
 * must retire the old key, not rotate once more and leave it registered for good.
 */
describe('ledger key rotation cut short before the old key is retired', () => {
  let system: RunningSystem | undefined;

  afterEach(async () => {
    await system?.destroy();
    system = undefined;
  });

  it('retires the old key when asked again, and anchors with the new one', async () => {
    const dataDir = tempDir('skillmark-rotation-crash-');
    const first = await startSystem({ dataDir, env: { SKILLMARK_FAILPOINT: 'rotate:before-retire' } });
    system = first;
    const { ledgerAddress: original } = await (await fetch(`${first.issuerUrl}/institution`)).json();
    await fetch(`${first.issuerUrl}/ledger-key/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.adminToken}` },
    }).catch(() => undefined);
    expect([137, 'SIGKILL']).toContain(await first.exited);

    system = await startSystem({ dataDir, ports: first.ports });
    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    expect(institution.ledgerAddress).not.toBe(original);

    const again = await fetch(`${system.issuerUrl}/ledger-key/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}` },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ previous: original, current: institution.ledgerAddress });

    const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, institution.chainId);
    try {
      const registry = new Registry(institution.registry, provider);
      expect(await registry.institutionOfSigner(original)).toBe(0);
      expect(await registry.institutionOfSigner(institution.ledgerAddress)).toBe(
        await registry.institutionOfDid(institution.did),
      );
    } finally {
      provider.destroy();
    }
    const bundle = await claimWhenAnchored(
      (await issue(system, qualificationRequest({ learnerReference: 'after-cut-rotation' }))).body.claim.url,
    );
    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: bundle.credential,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(verified.body.verdict, JSON.stringify(verified.body.checks)).toBe('valid');
  }, 120_000);
});
