import type { EventLog } from 'ethers';
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
 * A signing-key rotation cut short by a crash (SIGKILL via SKILLMARK_FAILPOINT) between its ledger
 * steps: the issuer keeps signing with the old key after the restart, and asking again completes
 * the rotation with the DID already registered, without registering another one.
 */
describe('signing-key rotation survives a crash', () => {
  let system: RunningSystem | undefined;

  afterEach(async () => {
    await system?.destroy();
    system = undefined;
  });

  const points = [
    ['signing-key:after-register', 'after the new DID is registered, before the compromise is reported'],
    ['signing-key:before-switch', 'after the compromise is reported, before issuance switches'],
  ] as const;

  for (const [point, when] of points) {
    it(`${when} (${point})`, async () => {
      const first = await startSystem({
        dataDir: tempDir('skillmark-signing-crash-'),
        env: { SKILLMARK_FAILPOINT: point },
      });
      system = first;
      const {
        did: oldDid,
        chainId,
        registry: registryAddress,
      } = await (await fetch(`${first.issuerUrl}/institution`)).json();
      const compromisedSince = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
      const rotate = (target: RunningSystem) =>
        fetch(`${target.issuerUrl}/signing-key/rotate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ compromisedSince }),
        });
      await expect(rotate(first)).rejects.toThrow();
      // Killed at the failpoint: by the signal itself, or exit code 137 (128 + 9) through a wrapper.
      expect([137, 'SIGKILL']).toContain(await first.exited);

      system = await startSystem({ dataDir: first.dataDir, ports: first.ports });
      expect((await (await fetch(`${system.issuerUrl}/institution`)).json()).did).toBe(oldDid);

      const provider = connectProvider(`http://127.0.0.1:${first.ports.ledger}`, chainId);
      try {
        const registry = new Registry(registryAddress, provider);
        const registeredBeforeCrash = await registry.contract.queryFilter('DidAdded');
        expect(registeredBeforeCrash).toHaveLength(1);

        const response = await rotate(system);
        expect(response.status).toBe(200);
        const rotation = await response.json();
        expect(rotation).toEqual({
          previous: oldDid,
          current: (registeredBeforeCrash[0] as EventLog).args.did,
          compromisedSince,
        });
        expect(await registry.contract.queryFilter('DidAdded')).toHaveLength(1);
        expect(await registry.didCompromisedSince(oldDid)).toBe(Date.parse(compromisedSince) / 1000);
        expect((await (await fetch(`${system.issuerUrl}/institution`)).json()).did).toBe(rotation.current);
      } finally {
        provider.destroy();
      }

      const issued = await issue(system, qualificationRequest({ learnerReference: 'after-crash' }));
      const bundle = await claimWhenAnchored(issued.body.claim.url);
      const { body } = await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
      expect(body.verdict).toBe('valid');
    });
  }
});
