import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, leafOf, sha256 } from '../../core/merkle.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { deployRegistry, Registry, RevocationReason } from '../../contracts/registry.ts';
import { freePort, startTestChain, type TestChain } from '../../test/support/local-chain.ts';
import { LedgerReader } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import { checkAnchored, checkIssuerAccredited, checkNotRevoked, DEFAULT_MAX_HEAD_AGE_SECONDS, gatherLedgerEvidence } from './ledger.ts';

/**
 * The ledger checks against a real node: the revocation is read for the issuer's institution on
 * every trusted registry whatever the receipt claims, and "the node is behind" is decided from
 * what the node says about itself, never from the receipt.
 */
const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const leafHex = (credentialHash: string) => `0x${leafOf(Buffer.from(credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
const did = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH';

describe('ledger checks', () => {
  let chain: TestChain;
  let main: TrustedRegistry;
  let other: TrustedRegistry;
  let institution: Registry;
  /** Anchored in a two-credential batch, then revoked without a reason (code 0). */
  const revokedHash = hex32();
  let revokedReceipt: AnchorReceipt;
  /** Anchored alone, never revoked. */
  const liveHash = hex32();
  let liveReceipt: AnchorReceipt;
  /** Revoked on the second registry only (the issuer is accredited on both). */
  const revokedElsewhereHash = hex32();
  let revokedElsewhereReceipt: AnchorReceipt;

  const receiptFor = (credentialHash: string, root: string, proof: string[], registry: TrustedRegistry, mined: { hash: string; blockNumber: number }): AnchorReceipt => ({
    type: 'SkillmarkAnchorReceipt',
    credentialHash,
    hashAlgorithm: 'sha256',
    merkleRoot: root,
    proof,
    chainId: registry.chainId,
    registry: registry.registry,
    transactionHash: mined.hash,
    blockNumber: mined.blockNumber,
    anchoredAt: new Date().toISOString(),
  });
  /** What the attacker sends: the leaf as its own root, a far-future block, anchored "now". */
  const selfRootReceipt = (credentialHash: string, base: AnchorReceipt): AnchorReceipt => ({
    ...base,
    merkleRoot: leafHex(credentialHash),
    proof: [],
    blockNumber: 1_000_000_000,
    anchoredAt: new Date().toISOString(),
  });

  async function checks(registries: TrustedRegistry[], receipt: unknown, credentialHash: string, now = new Date()) {
    const reader = new LedgerReader({ registries }, { timeoutMs: 1500, cacheTtlMs: 0 });
    try {
      const evidence = gatherLedgerEvidence(receipt, did, credentialHash, reader);
      const [issuer, anchored, revoked] = await Promise.all([checkIssuerAccredited(evidence, did), checkAnchored(evidence, now), checkNotRevoked(evidence)]);
      return { issuer, anchored, revoked };
    } finally {
      reader.destroy();
    }
  }

  beforeAll(async () => {
    chain = await startTestChain();
    const authority = await chain.provider.getSigner(0);
    const signer = await chain.provider.getSigner(1);
    const deployTrusted = async (name: string): Promise<TrustedRegistry> => {
      const { address } = await deployRegistry(authority, await authority.getAddress());
      await (await new Registry(address, authority).contract.getFunction('accredit')(await signer.getAddress(), did, 'Test College')).wait();
      return { name, chainId: 31337, registry: address.toLowerCase(), rpcUrls: [chain.rpcUrl], maxHeadAgeSeconds: 0 };
    };
    main = await deployTrusted('main registry');
    other = await deployTrusted('second registry');
    institution = new Registry(main.registry, signer);
    const anchor = async (on: Registry, root: string, size: number) => (await on.contract.getFunction('anchor')(root, size)).wait();

    const batch = buildTree([revokedHash, hex32()].map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)), sha256);
    const batchRoot = `0x${batch.root.toString('hex')}`;
    revokedReceipt = receiptFor(revokedHash, batchRoot, batch.proofHex(0), main, await anchor(institution, batchRoot, 2));
    // What the issuer records for a revocation sent without a reason.
    await (await institution.contract.getFunction('revoke')(revokedHash, RevocationReason.unspecified)).wait();
    liveReceipt = receiptFor(liveHash, leafHex(liveHash), [], main, await anchor(institution, leafHex(liveHash), 1));
    revokedElsewhereReceipt = receiptFor(revokedElsewhereHash, leafHex(revokedElsewhereHash), [], main, await anchor(institution, leafHex(revokedElsewhereHash), 1));
    await (await new Registry(other.registry, signer).contract.getFunction('revoke')(revokedElsewhereHash, RevocationReason.fraud)).wait();
  });

  afterAll(async () => {
    await chain?.stop();
  });

  describe('a revoked credential is revoked whatever the receipt', () => {
    it('with its genuine receipt (revoked without a reason: code 0, "unspecified")', async () => {
      const { anchored, revoked } = await checks([main], revokedReceipt, revokedHash);
      expect(anchored.status).toBe('valid');
      expect(revoked).toMatchObject({ status: 'invalid', reason: 'revoked', params: { reasonName: 'unspecified' }, details: { reasonCode: 0 } });
    });

    it('with a self-root receipt claiming a far-future block anchored just now', async () => {
      const { anchored, revoked } = await checks([main], selfRootReceipt(revokedHash, revokedReceipt), revokedHash);
      expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
      expect(revoked).toMatchObject({ status: 'invalid', reason: 'revoked' });
    });

    it('with a receipt naming an untrusted registry, another chain, or no receipt at all', async () => {
      const untrusted = { ...revokedReceipt, registry: `0x${randomBytes(20).toString('hex')}` };
      const otherChain = { ...revokedReceipt, chainId: 1 };
      for (const receipt of [untrusted, otherChain, undefined]) {
        const { revoked } = await checks([main], receipt, revokedHash);
        expect(revoked).toMatchObject({ status: 'invalid', reason: 'revoked' });
      }
    });

    it('when another trusted registry that lists the issuer holds the revocation', async () => {
      expect((await checks([main], revokedElsewhereReceipt, revokedElsewhereHash)).revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      const { anchored, revoked } = await checks([main, other], revokedElsewhereReceipt, revokedElsewhereHash);
      expect(anchored.status).toBe('valid');
      expect(revoked).toMatchObject({ status: 'invalid', reason: 'revoked', details: { registry: 'second registry', reasonCode: RevocationReason.fraud } });
    });

    it('a genuine, unrevoked credential is not revoked with or without its receipt', async () => {
      for (const receipt of [liveReceipt, undefined]) {
        expect((await checks([main, other], receipt, liveHash)).revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      }
    });
  });

  describe('a registry that cannot be asked is never read as "not revoked"', () => {
    it('one trusted registry unreachable: cannot tell, even when the other answers', async () => {
      const dead: TrustedRegistry = { ...other, rpcUrls: [`http://127.0.0.1:${await freePort()}`] };
      const { anchored, revoked, issuer } = await checks([main, dead], liveReceipt, liveHash);
      expect(anchored.status).toBe('valid');
      expect(issuer.status).toBe('valid');
      expect(revoked).toMatchObject({ status: 'unverifiable', reason: 'ledger_unreachable' });
    });

    it('but a retired registry whose successor answered does not hold the verdict open', async () => {
      const retired: TrustedRegistry = { name: 'retired', chainId: 999, registry: `0x${'11'.repeat(20)}`, rpcUrls: [`http://127.0.0.1:${await freePort()}`] };
      const successor: TrustedRegistry = { ...main, migratedFrom: [{ chainId: retired.chainId, registry: retired.registry }] };
      const viaSuccessor = await checks([retired, successor], liveReceipt, liveHash);
      expect(viaSuccessor.revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      expect(viaSuccessor.issuer).toMatchObject({ status: 'valid', reason: 'issuer_accredited' });
      expect((await checks([retired, successor], undefined, revokedHash)).revoked).toMatchObject({ status: 'invalid', reason: 'revoked' });
    });

    it('an issuer no trusted registry lists: revocation skipped, issuer not accredited', async () => {
      const reader = new LedgerReader({ registries: [main] }, { cacheTtlMs: 0 });
      try {
        const evidence = gatherLedgerEvidence(undefined, 'did:key:z6MkUnknownIssuer', liveHash, reader);
        expect(await checkNotRevoked(evidence)).toMatchObject({ status: 'skipped', reason: 'revocation_needs_issuer' });
        expect(await checkIssuerAccredited(evidence, 'did:key:z6MkUnknownIssuer')).toMatchObject({ status: 'invalid', reason: 'issuer_not_accredited' });
      } finally {
        reader.destroy();
      }
    });
  });

  describe('"the node is behind" comes from the node, not from the receipt', () => {
    const headTime = async () => (await chain.provider.getBlock('latest'))!.timestamp;
    const unanchoredHash = hex32();
    const neverAnchored = () => selfRootReceipt(unanchoredHash, { ...liveReceipt, credentialHash: unanchoredHash });

    it('a current node that lacks the root: not anchored, whatever block and time the receipt claims', async () => {
      const now = new Date((await headTime()) * 1000 + 5_000);
      const withAge = { ...main, maxHeadAgeSeconds: DEFAULT_MAX_HEAD_AGE_SECONDS };
      for (const claim of [{ blockNumber: 1_000_000_000, anchoredAt: now.toISOString() }, { blockNumber: 0, anchoredAt: '2001-01-01T00:00:00Z' }]) {
        const { anchored } = await checks([withAge], { ...neverAnchored(), ...claim }, unanchoredHash, now);
        expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
      }
    });

    it('a node whose latest block is older than maxHeadAgeSeconds by our clock: cannot tell', async () => {
      const head = await headTime();
      const withAge = { ...main, maxHeadAgeSeconds: 30 };
      expect((await checks([withAge], neverAnchored(), unanchoredHash, new Date((head + 30) * 1000))).anchored.reason).toBe('root_not_anchored');
      const late = await checks([withAge], neverAnchored(), unanchoredHash, new Date((head + 31) * 1000));
      expect(late.anchored).toMatchObject({ status: 'unverifiable', reason: 'ledger_lagging', details: { syncing: false } });
      expect(late.anchored.message).toContain(new Date(head * 1000).toISOString());
    });

    it('maxHeadAgeSeconds 0 (a node that mines on demand): an old head is not lag', async () => {
      const head = await headTime();
      expect((await checks([main], neverAnchored(), unanchoredHash, new Date((head + 86_400) * 1000))).anchored.reason).toBe('root_not_anchored');
    });

    /**
     * anvil has no peers to sync from: a relay on 127.0.0.1 answers eth_syncing as a catching-up
     * node (or a provider without that method) would; every other call reaches the real node.
     */
    async function withRelay(syncingAnswer: object, run: (registry: TrustedRegistry) => Promise<void>) {
      const relay = http.createServer((request, response) => {
        let body = '';
        request.on('data', (d: Buffer) => (body += d.toString()));
        request.on('end', async () => {
          const call = JSON.parse(body) as { id: number; method: string };
          const answer =
            call.method === 'eth_syncing'
              ? JSON.stringify({ jsonrpc: '2.0', id: call.id, ...syncingAnswer })
              : await (await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
          response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
        });
      });
      await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
      try {
        await run({ ...main, rpcUrls: [`http://127.0.0.1:${(relay.address() as { port: number }).port}`] });
      } finally {
        relay.close();
      }
    }

    it('a node that reports itself syncing: cannot tell', async () => {
      await withRelay({ result: { startingBlock: '0x0', currentBlock: '0x1', highestBlock: '0x100' } }, async (syncing) => {
        const { anchored } = await checks([syncing], neverAnchored(), unanchoredHash);
        expect(anchored).toMatchObject({ status: 'unverifiable', reason: 'ledger_lagging', details: { syncing: true } });
        // The syncing node still has the anchors it has reached: a genuine receipt is valid there.
        expect((await checks([syncing], liveReceipt, liveHash)).anchored.status).toBe('valid');
      });
    });

    it('a provider without eth_syncing: the head decides, the node is not "unreachable"', async () => {
      await withRelay({ error: { code: -32601, message: 'the method eth_syncing does not exist' } }, async (noSyncing) => {
        const { anchored } = await checks([noSyncing], neverAnchored(), unanchoredHash);
        expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
      });
    });
  });

  it('the root decides, not the transaction: a receipt whose transaction and block are stale verifies while its root is on chain', async () => {
    const stale = { ...liveReceipt, transactionHash: hex32(), blockNumber: 1, anchoredAt: '2001-01-01T00:00:00Z' };
    const { anchored } = await checks([main], stale, liveHash);
    expect(anchored).toMatchObject({ status: 'valid', reason: 'anchored' });
  });

  it('a revocation is seen through the default cache lifetime (10 s) once it has passed', async () => {
    const credentialHash = hex32();
    await (await institution.contract.getFunction('anchor')(leafHex(credentialHash), 1)).wait();
    const receipt = { ...liveReceipt, credentialHash, merkleRoot: leafHex(credentialHash) };
    let clock = 1_000_000;
    const reader = new LedgerReader({ registries: [main] }, { now: () => clock });
    const revocation = () => checkNotRevoked(gatherLedgerEvidence(receipt, did, credentialHash, reader));
    try {
      expect(await revocation()).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      await (await institution.contract.getFunction('revoke')(credentialHash, RevocationReason.unspecified)).wait();
      clock += 9_999;
      expect(await revocation(), 'the cached answer is reused within 10 s').toMatchObject({ status: 'valid', reason: 'not_revoked' });
      clock += 1;
      expect(await revocation()).toMatchObject({ status: 'invalid', reason: 'revoked', details: { reasonCode: 0 } });
    } finally {
      reader.destroy();
    }
  });
});
