import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, InstitutionStatus, Registry, RevocationReason } from '../../contracts/registry.ts';
import { buildTree, leafOf, sha256 } from '../../core/merkle.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { freePort, startTestChain, type TestChain } from '../../test/support/local-chain.ts';
import { LedgerReader } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import { anchored as anchoredCheck, DEFAULT_MAX_HEAD_AGE_SECONDS } from './anchored.ts';
import { runChecks } from './check.ts';
import { issuerAccredited } from './issuer-accredited.ts';
import { gatherLedgerEvidence, type LedgerEvidence } from './ledger-evidence.ts';
import { notRevoked } from './not-revoked.ts';
import type { CredentialSubject } from './subjects.ts';

/** The three checks that read the ledger evidence, run as the verifier runs them. */
async function ledgerChecks(evidence: LedgerEvidence, issuer: string, now = new Date()) {
  const [accredited, anchored, revoked] = await runChecks([issuerAccredited, anchoredCheck, notRevoked], {
    credential: { issuer },
    evidence,
    now,
  } as CredentialSubject);
  return { accredited: accredited!, anchored: anchored!, revoked: revoked! };
}
const notRevokedOf = async (evidence: LedgerEvidence) => (await ledgerChecks(evidence, did)).revoked;

/**
 * The ledger evidence gathered from a real node, as the checks reading it see it: the revocation is read for the issuer's institution on
 * every trusted registry whatever the receipt claims, and "the node is behind" is decided from
 * what the node says about itself, never from the receipt.
 */
const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const leafHex = (credentialHash: string) =>
  `0x${leafOf(Buffer.from(credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
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

  const receiptFor = (
    credentialHash: string,
    root: string,
    proof: string[],
    registry: TrustedRegistry,
    mined: { hash: string; blockNumber: number },
  ): AnchorReceipt => ({
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
      const { accredited: issuer, anchored, revoked } = await ledgerChecks(evidence, did, now);
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
      await (
        await new Registry(address, authority).contract.getFunction('accredit')(
          await signer.getAddress(),
          did,
          'Test College',
        )
      ).wait();
      return { name, chainId: 31337, registry: address.toLowerCase(), rpcUrls: [chain.rpcUrl], maxHeadAgeSeconds: 0 };
    };
    main = await deployTrusted('main registry');
    other = await deployTrusted('second registry');
    institution = new Registry(main.registry, signer);
    const anchor = async (on: Registry, root: string, size: number) =>
      (await on.contract.getFunction('anchor')(root, size)).wait();

    const batch = buildTree(
      [revokedHash, hex32()].map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)),
      sha256,
    );
    const batchRoot = `0x${batch.root.toString('hex')}`;
    revokedReceipt = receiptFor(
      revokedHash,
      batchRoot,
      batch.proofHex(0),
      main,
      await anchor(institution, batchRoot, 2),
    );
    // What the issuer records for a revocation sent without a reason.
    await (await institution.contract.getFunction('revoke')(revokedHash, RevocationReason.unspecified)).wait();
    liveReceipt = receiptFor(liveHash, leafHex(liveHash), [], main, await anchor(institution, leafHex(liveHash), 1));
    revokedElsewhereReceipt = receiptFor(
      revokedElsewhereHash,
      leafHex(revokedElsewhereHash),
      [],
      main,
      await anchor(institution, leafHex(revokedElsewhereHash), 1),
    );
    await (
      await new Registry(other.registry, signer).contract.getFunction('revoke')(
        revokedElsewhereHash,
        RevocationReason.fraud,
      )
    ).wait();
  });

  afterAll(async () => {
    await chain?.stop();
  });

  describe('a revoked credential is revoked whatever the receipt', () => {
    it('with its genuine receipt (revoked without a reason: code 0, "unspecified")', async () => {
      const { anchored, revoked } = await checks([main], revokedReceipt, revokedHash);
      expect(anchored.status).toBe('valid');
      expect(revoked).toMatchObject({
        status: 'invalid',
        reason: 'revoked',
        params: { reasonName: 'unspecified' },
        details: { reasonCode: 0 },
      });
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
      expect((await checks([main], revokedElsewhereReceipt, revokedElsewhereHash)).revoked).toMatchObject({
        status: 'valid',
        reason: 'not_revoked',
      });
      const { anchored, revoked } = await checks([main, other], revokedElsewhereReceipt, revokedElsewhereHash);
      expect(anchored.status).toBe('valid');
      expect(revoked).toMatchObject({
        status: 'invalid',
        reason: 'revoked',
        details: { registry: 'second registry', reasonCode: RevocationReason.fraud },
      });
    });

    it('a genuine, unrevoked credential is not revoked with or without its receipt', async () => {
      for (const receipt of [liveReceipt, undefined]) {
        expect((await checks([main, other], receipt, liveHash)).revoked).toMatchObject({
          status: 'valid',
          reason: 'not_revoked',
        });
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
      const retired: TrustedRegistry = {
        name: 'retired',
        chainId: 999,
        registry: `0x${'11'.repeat(20)}`,
        rpcUrls: [`http://127.0.0.1:${await freePort()}`],
      };
      const successor: TrustedRegistry = {
        ...main,
        migratedFrom: [{ chainId: retired.chainId, registry: retired.registry }],
      };
      const viaSuccessor = await checks([retired, successor], liveReceipt, liveHash);
      expect(viaSuccessor.revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      expect(viaSuccessor.issuer).toMatchObject({ status: 'valid', reason: 'issuer_accredited' });
      expect((await checks([retired, successor], undefined, revokedHash)).revoked).toMatchObject({
        status: 'invalid',
        reason: 'revoked',
      });
    });

    it('an issuer no trusted registry lists: revocation skipped, issuer not accredited', async () => {
      const reader = new LedgerReader({ registries: [main] }, { cacheTtlMs: 0 });
      try {
        const evidence = gatherLedgerEvidence(undefined, 'did:key:z6MkUnknownIssuer', liveHash, reader);
        const { revoked, accredited } = await ledgerChecks(evidence, 'did:key:z6MkUnknownIssuer');
        expect(revoked).toMatchObject({ status: 'skipped', reason: 'revocation_needs_issuer' });
        expect(accredited).toMatchObject({ status: 'invalid', reason: 'issuer_not_accredited' });
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
      for (const claim of [
        { blockNumber: 1_000_000_000, anchoredAt: now.toISOString() },
        { blockNumber: 0, anchoredAt: '2001-01-01T00:00:00Z' },
      ]) {
        const { anchored } = await checks([withAge], { ...neverAnchored(), ...claim }, unanchoredHash, now);
        expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
      }
    });

    it('a node whose latest block is older than maxHeadAgeSeconds by our clock: cannot tell', async () => {
      const head = await headTime();
      const withAge = { ...main, maxHeadAgeSeconds: 30 };
      expect(
        (await checks([withAge], neverAnchored(), unanchoredHash, new Date((head + 30) * 1000))).anchored.reason,
      ).toBe('root_not_anchored');
      const late = await checks([withAge], neverAnchored(), unanchoredHash, new Date((head + 31) * 1000));
      expect(late.anchored).toMatchObject({
        status: 'unverifiable',
        reason: 'ledger_lagging',
        details: { syncing: false },
      });
      expect(late.anchored.message).toContain(new Date(head * 1000).toISOString());
    });

    it('maxHeadAgeSeconds 0 (a node that mines on demand): an old head is not lag', async () => {
      const head = await headTime();
      expect(
        (await checks([main], neverAnchored(), unanchoredHash, new Date((head + 86_400) * 1000))).anchored.reason,
      ).toBe('root_not_anchored');
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
              : await (
                  await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
                ).text();
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
      await withRelay(
        { result: { startingBlock: '0x0', currentBlock: '0x1', highestBlock: '0x100' } },
        async (syncing) => {
          const { anchored } = await checks([syncing], neverAnchored(), unanchoredHash);
          expect(anchored).toMatchObject({
            status: 'unverifiable',
            reason: 'ledger_lagging',
            details: { syncing: true },
          });
          // The syncing node still has the anchors it has reached: a genuine receipt is valid there.
          expect((await checks([syncing], liveReceipt, liveHash)).anchored.status).toBe('valid');
        },
      );
    });

    it('a provider without eth_syncing: the head decides, the node is not "unreachable"', async () => {
      await withRelay(
        { error: { code: -32601, message: 'the method eth_syncing does not exist' } },
        async (noSyncing) => {
          const { anchored } = await checks([noSyncing], neverAnchored(), unanchoredHash);
          expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
        },
      );
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
    const revocation = () => notRevokedOf(gatherLedgerEvidence(receipt, did, credentialHash, reader));
    try {
      expect(await revocation()).toMatchObject({ status: 'valid', reason: 'not_revoked' });
      await (await institution.contract.getFunction('revoke')(credentialHash, RevocationReason.unspecified)).wait();
      clock += 9_999;
      expect(await revocation(), 'the cached answer is reused within 10 s').toMatchObject({
        status: 'valid',
        reason: 'not_revoked',
      });
      clock += 1;
      expect(await revocation()).toMatchObject({ status: 'invalid', reason: 'revoked', details: { reasonCode: 0 } });
    } finally {
      reader.destroy();
    }
  });
});

/**
 * Each reason the ledger checks can give, and what each says, on a real node: three institutions
 * (one suspended after anchoring), a batch of three, a credential anchored by another
 * institution, revocations with a known and an unknown reason code, receipts wrong in each way.
 */
const DID_A = 'did:example:college-a';
const DID_B = 'did:example:college-b';
const DID_C = 'did:example:college-c';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('ledger checks, reason by reason', () => {
  let chain: TestChain;
  let trusted: TrustedRegistry;
  /** A second trusted registry that lists none of the colleges. */
  let bare: TrustedRegistry;
  const batchHashes = [hex32(), hex32(), hex32()];
  let batchReceipt: AnchorReceipt;
  let batchAnchoredAt: number;
  const otherCollegeHash = hex32();
  let otherCollegeReceipt: AnchorReceipt;
  const suspendedHash = hex32();
  let suspendedReceipt: AnchorReceipt;
  let suspendedSince: number;
  const oddReasonHash = hex32();
  let oddReasonRevokedAt: number;

  /** The three checks, each asserted to name itself in its fragment. */
  async function evidenceFor(
    issuer: string,
    receipt: unknown,
    credentialHash: string,
    registries = [trusted],
    now = new Date(),
  ) {
    const reader = new LedgerReader({ registries }, { timeoutMs: 1500, cacheTtlMs: 0 });
    const evidence = gatherLedgerEvidence(receipt, issuer, credentialHash, reader);
    try {
      const { accredited, anchored, revoked } = await ledgerChecks(evidence, issuer, now);
      expect([accredited.check, anchored.check, revoked.check]).toEqual([
        'issuer_accredited',
        'anchored',
        'not_revoked',
      ]);
      return { accredited, anchored, revoked };
    } finally {
      reader.destroy();
    }
  }

  beforeAll(async () => {
    chain = await startTestChain();
    const authority = await chain.provider.getSigner(0);
    const { address } = await deployRegistry(authority, await authority.getAddress());
    trusted = {
      name: 'test registry',
      chainId: 31337,
      registry: address.toLowerCase(),
      rpcUrls: [chain.rpcUrl],
      maxHeadAgeSeconds: 0,
    };
    const asAuthority = new Registry(address, authority).contract;
    const second = await deployRegistry(authority, await authority.getAddress());
    bare = { ...trusted, name: 'bare registry', registry: second.address.toLowerCase() };
    const college = async (account: number, did: string, name: string) => {
      const signer = await chain.provider.getSigner(account);
      await (await asAuthority.getFunction('accredit')(await signer.getAddress(), did, name)).wait();
      return new Registry(address, signer).contract;
    };
    const a = await college(1, DID_A, 'College A');
    const b = await college(2, DID_B, 'College B');
    const c = await college(3, DID_C, 'College C');
    const blockTime = async (mined: { blockNumber: number }) =>
      (await chain.provider.getBlock(mined.blockNumber))!.timestamp;
    const receipt = (
      credentialHash: string,
      merkleRoot: string,
      proof: string[],
      mined: { hash: string; blockNumber: number },
    ): AnchorReceipt => ({
      type: 'SkillmarkAnchorReceipt',
      credentialHash,
      hashAlgorithm: 'sha256',
      merkleRoot,
      proof,
      chainId: 31337,
      registry: trusted.registry,
      transactionHash: mined.hash,
      blockNumber: mined.blockNumber,
      anchoredAt: new Date().toISOString(),
    });

    const tree = buildTree(
      batchHashes.map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)),
      sha256,
    );
    const root = `0x${tree.root.toString('hex')}`;
    const batchMined = await (await a.getFunction('anchor')(root, 3)).wait();
    batchReceipt = receipt(batchHashes[1]!, root, tree.proofHex(1), batchMined);
    batchAnchoredAt = await blockTime(batchMined);

    otherCollegeReceipt = receipt(
      otherCollegeHash,
      leafHex(otherCollegeHash),
      [],
      await (await b.getFunction('anchor')(leafHex(otherCollegeHash), 1)).wait(),
    );

    suspendedReceipt = receipt(
      suspendedHash,
      leafHex(suspendedHash),
      [],
      await (await c.getFunction('anchor')(leafHex(suspendedHash), 1)).wait(),
    );
    suspendedSince = await blockTime(
      await (await asAuthority.getFunction('setStatus')(3, InstitutionStatus.Suspended)).wait(),
    );

    await (await a.getFunction('revoke')(batchHashes[2], RevocationReason.fraud)).wait();
    oddReasonRevokedAt = await blockTime(await (await a.getFunction('revoke')(oddReasonHash, 9)).wait());
  });

  afterAll(async () => {
    await chain?.stop();
  });

  it('anchored: says where, when and in how large a batch', async () => {
    const { anchored, accredited, revoked } = await evidenceFor(DID_A, batchReceipt, batchHashes[1]!);
    expect(anchored).toMatchObject({
      check: 'anchored',
      status: 'valid',
      reason: 'anchored',
      params: { chainId: 31337, anchoredAt: iso(batchAnchoredAt) },
      details: {
        chainId: 31337,
        registry: trusted.registry,
        merkleRoot: batchReceipt.merkleRoot,
        anchoredAt: iso(batchAnchoredAt),
        batchSize: 3,
      },
    });
    expect(accredited).toMatchObject({
      status: 'valid',
      reason: 'issuer_accredited',
      params: { name: 'College A' },
      details: { registry: 'test registry', institutionId: 1, name: 'College A', status: 'Accredited' },
    });
    expect((accredited.details as { statusSince: string }).statusSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
  });

  it('each way a receipt can be wrong has its own reason', async () => {
    const credentialHash = batchHashes[1]!;
    expect((await evidenceFor(DID_A, undefined, credentialHash)).anchored).toMatchObject({
      status: 'invalid',
      reason: 'receipt_missing',
    });
    expect((await evidenceFor(DID_A, { ...batchReceipt, proof: 'none' }, credentialHash)).anchored).toMatchObject({
      status: 'invalid',
      reason: 'receipt_malformed',
      params: { detail: expect.stringContaining('"proof"') },
    });
    expect((await evidenceFor(DID_A, batchReceipt, batchHashes[0]!)).anchored).toMatchObject({
      status: 'invalid',
      reason: 'receipt_for_other_credential',
      details: { expected: batchHashes[0], found: credentialHash },
    });
    expect(
      (await evidenceFor(DID_A, { ...batchReceipt, proof: batchReceipt.proof.slice(1) }, credentialHash)).anchored,
    ).toMatchObject({ status: 'invalid', reason: 'proof_mismatch' });
    const elsewhere = `0x${'ab'.repeat(20)}`;
    for (const [chainId, registry] of [
      [31337, elsewhere],
      [1, trusted.registry],
    ] as const) {
      expect(
        (await evidenceFor(DID_A, { ...batchReceipt, chainId, registry }, credentialHash)).anchored,
        `${chainId} ${registry}`,
      ).toMatchObject({
        status: 'unverifiable',
        reason: 'untrusted_registry',
        params: { chainId, registry },
      });
    }
  });

  it('a root anchored by another institution does not anchor this issuer’s credential', async () => {
    const { anchored, accredited } = await evidenceFor(DID_A, otherCollegeReceipt, otherCollegeHash);
    expect(anchored).toMatchObject({
      status: 'invalid',
      reason: 'anchored_by_another_institution',
      details: { anchoredBy: 2 },
    });
    // The issuer's own standing still comes from the registry.
    expect(accredited).toMatchObject({ status: 'valid', reason: 'issuer_accredited', details: { institutionId: 1 } });
  });

  it('a suspended institution: accredited then for what it anchored while accredited, not accredited now otherwise', async () => {
    const withAnchor = await evidenceFor(DID_C, suspendedReceipt, suspendedHash);
    expect(withAnchor.anchored.status).toBe('valid');
    expect(withAnchor.accredited).toMatchObject({
      status: 'valid',
      reason: 'issuer_accredited_then',
      params: { name: 'College C', status: 'suspended' },
      details: { institutionId: 3, status: 'Suspended', statusSince: iso(suspendedSince) },
    });
    const neverAnchored = hex32();
    for (const receipt of [
      undefined,
      { ...suspendedReceipt, credentialHash: neverAnchored, merkleRoot: leafHex(neverAnchored) },
    ]) {
      expect((await evidenceFor(DID_C, receipt, neverAnchored)).accredited).toMatchObject({
        status: 'invalid',
        reason: 'issuer_not_accredited_now',
        params: { name: 'College C', status: 'suspended' },
      });
    }
    expect((await evidenceFor(DID_C, otherCollegeReceipt, otherCollegeHash)).accredited).toMatchObject({
      status: 'invalid',
      reason: 'issuer_not_accredited_now',
    });
  });

  it('revoked: says when and why, by name or by code', async () => {
    expect((await evidenceFor(DID_A, undefined, batchHashes[2]!)).revoked).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
      params: { reasonName: 'fraud' },
      details: { reasonCode: RevocationReason.fraud, registry: 'test registry' },
    });
    const odd = (await evidenceFor(DID_A, undefined, oddReasonHash)).revoked;
    expect(odd).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
      params: { revokedAt: iso(oddReasonRevokedAt), reasonName: 'code 9' },
      details: { revokedAt: iso(oddReasonRevokedAt), reasonCode: 9 },
    });
    // A revocation is the issuer's: another college's DID does not see it.
    expect((await evidenceFor(DID_B, undefined, oddReasonHash)).revoked).toMatchObject({
      status: 'valid',
      reason: 'not_revoked',
    });
  });

  it('an issuer no registry lists: not accredited (named), revocation skipped, even with a receipt for a root never anchored', async () => {
    const stranger = 'did:example:stranger';
    const neverAnchored = hex32();
    const receipt = { ...batchReceipt, credentialHash: neverAnchored, merkleRoot: leafHex(neverAnchored), proof: [] };
    for (const [r, hash] of [
      [undefined, batchHashes[0]!],
      [receipt, neverAnchored],
    ] as const) {
      const { accredited, anchored, revoked } = await evidenceFor(stranger, r, hash);
      expect(accredited).toMatchObject({
        status: 'invalid',
        reason: 'issuer_not_accredited',
        params: { issuer: stranger },
      });
      expect(revoked).toMatchObject({ status: 'skipped', reason: 'revocation_needs_issuer' });
      if (r)
        expect(anchored).toMatchObject({
          status: 'invalid',
          reason: 'root_not_anchored',
          details: { merkleRoot: leafHex(neverAnchored) },
        });
    }
  });

  it('a registry that does not list the issuer does not hold its verdict', async () => {
    const { accredited, anchored, revoked } = await evidenceFor(DID_A, batchReceipt, batchHashes[1]!, [bare, trusted]);
    expect([accredited.status, anchored.status, revoked.status]).toEqual(['valid', 'valid', 'valid']);
    expect(revoked.reason).toBe('not_revoked');
  });

  it('a node whose head is older than maxHeadAgeSeconds: a missing root may be lag, so cannot tell', async () => {
    const head = (await chain.provider.getBlock('latest'))!;
    const neverAnchored = hex32();
    const receipt = { ...batchReceipt, credentialHash: neverAnchored, merkleRoot: leafHex(neverAnchored), proof: [] };
    const { anchored } = await evidenceFor(
      DID_A,
      receipt,
      neverAnchored,
      [{ ...trusted, maxHeadAgeSeconds: 30 }],
      new Date((head.timestamp + 31) * 1000),
    );
    expect(anchored).toMatchObject({
      status: 'unverifiable',
      reason: 'ledger_lagging',
      params: { blockNumber: head.number, headAt: iso(head.timestamp) },
    });
  });

  it('an unreachable registry is taken over only by a successor naming exactly it (chain and address)', async () => {
    const retired: TrustedRegistry = {
      name: 'retired',
      chainId: 999,
      registry: `0x${'11'.repeat(20)}`,
      rpcUrls: [`http://127.0.0.1:${await freePort()}`],
    };
    const successorOf = (...migratedFrom: { chainId: number; registry: string }[]): TrustedRegistry => ({
      ...trusted,
      migratedFrom,
    });
    const otherAddress = { chainId: retired.chainId, registry: `0x${'22'.repeat(20)}` };
    const otherChain = { chainId: 998, registry: retired.registry };
    for (const successor of [successorOf(otherAddress), successorOf(otherChain)]) {
      expect(
        (await evidenceFor(DID_A, undefined, batchHashes[1]!, [retired, successor])).revoked,
        JSON.stringify(successor.migratedFrom),
      ).toMatchObject({
        status: 'unverifiable',
        reason: 'ledger_unreachable',
      });
    }
    const exact = successorOf(otherAddress, { chainId: retired.chainId, registry: retired.registry });
    expect((await evidenceFor(DID_A, undefined, batchHashes[1]!, [retired, exact])).revoked).toMatchObject({
      status: 'valid',
      reason: 'not_revoked',
    });
  });

  it('a registry that cannot be reached: every ledger check cannot tell, none is invalid', async () => {
    const down: TrustedRegistry = { ...trusted, rpcUrls: [`http://127.0.0.1:${await freePort()}`] };
    const { anchored, accredited, revoked } = await evidenceFor(DID_A, batchReceipt, batchHashes[1]!, [down]);
    for (const f of [anchored, accredited, revoked])
      expect(f, f.check).toMatchObject({
        status: 'unverifiable',
        reason: 'ledger_unreachable',
        details: { detail: expect.any(String) },
      });
  });
});
