import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';

/** An institution rotates its ledger key: past anchors stay valid, new ones use the new key, restarts keep it. */
describe('ledger key rotation', () => {
  let system: RunningSystem;
  const admin = () => ({ authorization: `Bearer ${system.adminToken}` });
  const verify = async (bundle: { credential: string; anchorReceipt: unknown }) =>
    (
      await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      })
    ).body;
  const issueAndClaim = async (reference: string) =>
    claimWhenAnchored((await issue(system, qualificationRequest({ learnerReference: reference }))).body.claim.url);
  const institution = async () => (await fetch(`${system.issuerUrl}/institution`)).json();

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.destroy();
  });

  it('registers the new key, retires the old one, and keeps every anchor valid across a restart', async () => {
    const before = await issueAndClaim('before-rotation');
    const { ledgerAddress: oldAddress, registry: registryAddress, chainId } = await institution();

    const response = await fetch(`${system.issuerUrl}/ledger-key/rotate`, { method: 'POST', headers: admin() });
    expect(response.status).toBe(200);
    const rotation = await response.json();
    expect(rotation.previous).toBe(oldAddress);
    expect(rotation.current).not.toBe(oldAddress);
    expect((await institution()).ledgerAddress).toBe(rotation.current);

    const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, chainId);
    try {
      const registry = new Registry(registryAddress, provider);
      const id = await registry.institutionOfDid((await institution()).did);
      expect(await registry.institutionOfSigner(rotation.current)).toBe(id);
      expect(await registry.institutionOfSigner(oldAddress)).toBe(0);
      expect(await provider.getBalance(rotation.current)).toBeGreaterThan(0n);
    } finally {
      provider.destroy();
    }

    const after = await issueAndClaim('after-rotation');
    for (const bundle of [before, after]) expect((await verify(bundle)).verdict).toBe('valid');

    await system.stop();
    system = await startSystem({ dataDir: system.dataDir, ports: system.ports });
    expect((await institution()).ledgerAddress).toBe(rotation.current);
    expect((await verify(await issueAndClaim('after-restart'))).verdict).toBe('valid');
    expect((await verify(before)).verdict).toBe('valid');
  });
});
