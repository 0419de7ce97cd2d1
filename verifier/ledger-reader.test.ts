import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, Registry } from '../contracts/registry.ts';
import { leafOf, sha256 } from '../core/merkle.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { freePort, startTestChain, type TestChain } from '../test/support/local-chain.ts';
import { anchored as anchoredOf } from './checks/anchored.ts';
import { runChecks } from './checks/check.ts';
import { gatherLedgerEvidence, type LedgerEvidence } from './checks/ledger-evidence.ts';
import { notRevoked } from './checks/not-revoked.ts';
import type { CredentialSubject } from './checks/subjects.ts';
import { LedgerReader } from './ledger-reader.ts';
import type { TrustedRegistry } from './trust.ts';

/** The anchored and not revoked checks on this evidence, run as the verifier runs them. */
async function checksOf(evidence: LedgerEvidence, now = new Date()) {
  const [anchored, revoked] = await runChecks([anchoredOf, notRevoked], { evidence, now } as CredentialSubject);
  return { anchored: anchored!, revoked: revoked! };
}

/**
 * The read policy against real nodes: node B holds a copy of node A's chain taken before an
 * anchor and a revocation (a lagging node); A is up to date.
 */
describe('ledger read policy', () => {
  let a: TestChain;
  let b: TestChain;
  let registryAddress: string;
  let receipt: AnchorReceipt;
  const did = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH';
  const credentialHash = `0x${randomBytes(32).toString('hex')}`;

  const trusted = (rpcUrls: string[]): TrustedRegistry => ({
    name: 'test registry',
    chainId: 31337,
    registry: registryAddress.toLowerCase(),
    rpcUrls,
  });
  const anchoredCheck = async (rpcUrls: string[], now = new Date()) => {
    const reader = new LedgerReader({ registries: [trusted(rpcUrls)] }, { timeoutMs: 1500, cacheTtlMs: 0 });
    try {
      return await checksOf(gatherLedgerEvidence(receipt, did, credentialHash, reader), now);
    } finally {
      reader.destroy();
    }
  };

  beforeAll(async () => {
    a = await startTestChain();
    b = await startTestChain();
    const authority = await a.provider.getSigner(0);
    const institution = await a.provider.getSigner(1);
    ({ address: registryAddress } = await deployRegistry(authority, await authority.getAddress()));
    const asAuthority = new Registry(registryAddress, authority);
    await (
      await asAuthority.contract.getFunction('accredit')(await institution.getAddress(), did, 'Test College')
    ).wait();

    await b.provider.send('anvil_loadState', [await a.provider.send('anvil_dumpState', [])]);

    const root = `0x${leafOf(Buffer.from(credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
    const asInstitution = new Registry(registryAddress, institution);
    const mined = await (await asInstitution.contract.getFunction('anchor')(root, 1)).wait();
    await (await asInstitution.contract.getFunction('revoke')(credentialHash, 3)).wait();
    receipt = {
      type: 'SkillmarkAnchorReceipt',
      credentialHash,
      hashAlgorithm: 'sha256',
      merkleRoot: root,
      proof: [],
      chainId: 31337,
      registry: registryAddress,
      transactionHash: mined.hash,
      blockNumber: mined.blockNumber,
      anchoredAt: new Date().toISOString(),
    };
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('reads the anchor and the revocation from an up-to-date node', async () => {
    const { anchored, revoked } = await anchoredCheck([a.rpcUrl]);
    expect(anchored.status).toBe('valid');
    expect(revoked.reason).toBe('revoked');
  });

  it('a node whose head is older than maxHeadAgeSeconds (60 by default) is behind: cannot tell, not "not anchored"', async () => {
    const head = (await b.provider.getBlock('latest'))!.timestamp;
    expect((await anchoredCheck([b.rpcUrl], new Date((head + 61) * 1000))).anchored).toMatchObject({
      status: 'unverifiable',
      reason: 'ledger_lagging',
    });
    expect((await anchoredCheck([b.rpcUrl], new Date((head + 60) * 1000))).anchored).toMatchObject({
      status: 'invalid',
      reason: 'root_not_anchored',
    });
  });

  it('with several endpoints, the most advanced node decides: the lagging one cannot hide a revocation', async () => {
    for (const urls of [
      [b.rpcUrl, a.rpcUrl],
      [a.rpcUrl, b.rpcUrl],
    ]) {
      const { anchored, revoked } = await anchoredCheck(urls);
      expect(anchored.status).toBe('valid');
      expect(revoked).toMatchObject({ status: 'invalid', reason: 'revoked' });
    }
  });

  it('answers while one of several endpoints is down, and is unverifiable when all are', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    expect((await anchoredCheck([dead, a.rpcUrl])).anchored.status).toBe('valid');
    const { anchored, revoked } = await anchoredCheck([dead]);
    expect(anchored).toMatchObject({ status: 'unverifiable', reason: 'ledger_unreachable' });
    expect(revoked).toMatchObject({ status: 'unverifiable', reason: 'ledger_unreachable' });
  });

  it('reuses an answer within the cache TTL (even with the node gone) and reads afresh after it', async () => {
    const c = await startTestChain();
    await c.provider.send('anvil_loadState', [await a.provider.send('anvil_dumpState', [])]);
    let clock = 0;
    const reader = new LedgerReader(
      { registries: [trusted([c.rpcUrl])] },
      { timeoutMs: 1000, cacheTtlMs: 400, now: () => clock },
    );
    try {
      const read = async () => (await checksOf(gatherLedgerEvidence(receipt, did, credentialHash, reader))).anchored;
      expect((await read()).status).toBe('valid');
      await c.stop();
      clock = 399;
      expect((await read()).status).toBe('valid');
      clock = 400;
      expect(await read()).toMatchObject({ status: 'unverifiable', reason: 'ledger_unreachable' });
    } finally {
      reader.destroy();
      await c.stop();
    }
  });
});
