import { parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, Registry } from '../contracts/registry.ts';
import { freePort, startTestChain, type TestChain } from './support/local-chain.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';

/**
 * The scale path: an existing chain given by LEDGER_RPC_URL (here with a dead endpoint listed
 * first) and a registry deployed by an authority outside Skillmark. The institution starts
 * unaccredited, credentials wait, and are anchored once the authority accredits it.
 */
describe('an external chain through LEDGER_RPC_URL', () => {
  let chain: TestChain;
  let system: RunningSystem;
  let registryAddress: string;

  beforeAll(async () => {
    chain = await startTestChain({ chainId: 5151 });
    const authority = await chain.provider.getSigner(0);
    ({ address: registryAddress } = await deployRegistry(authority, await authority.getAddress()));
    const dead = `http://127.0.0.1:${await freePort()}`;
    // The test chain mines only when a transaction comes, so one confirmation is all it will ever give.
    system = await startSystem({
      env: {
        LEDGER_RPC_URL: `${dead},${chain.rpcUrl}`,
        REGISTRY_ADDRESS: registryAddress,
        ANCHOR_BATCH_WAIT_MS: '200',
        ANCHOR_CONFIRMATIONS: '1',
      },
    });
  });

  afterAll(async () => {
    await system?.destroy();
    await chain?.stop();
  });

  it('starts no local node, warns until the authority accredits the institution, then anchors', async () => {
    expect(system.output()).toContain('is not accredited on registry');
    expect(system.output()).not.toContain('(local node)');
    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    expect(institution).toMatchObject({ chainId: 5151, registry: registryAddress });

    const issued = await issue(system, qualificationRequest({ learnerReference: 'external-1' }));
    expect(issued.status).toBe(201);

    const authority = await chain.provider.getSigner(0);
    await (
      await new Registry(registryAddress, authority).contract.getFunction('accredit')(
        institution.ledgerAddress,
        institution.did,
        'External College',
      )
    ).wait();
    await (await authority.sendTransaction({ to: institution.ledgerAddress, value: parseEther('1') })).wait();
    expect((await issue(system, qualificationRequest({ learnerReference: 'external-2' }))).status).toBe(201);

    const bundle = await claimWhenAnchored(issued.body.claim.url, 60_000);
    expect(bundle.anchorReceipt).toMatchObject({ chainId: 5151, registry: registryAddress });
    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: bundle.credential,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(verified.body.checks.filter((c: { status: string }) => c.status !== 'valid')).toEqual([]);
    expect(verified.status).toBe(200);
    expect(verified.body.checks.find((c: { check: string }) => c.check === 'issuer_accredited').message).toContain(
      'External College',
    );
  });
});
