import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, leafOf, sha256 } from '../../core/merkle.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { deployRegistry, InstitutionStatus, Registry, RevocationReason } from '../../contracts/registry.ts';
import { freePort, startTestChain, type TestChain } from '../../test/support/local-chain.ts';
import { LedgerReader } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import { checkAnchored, checkIssuerAccredited, checkNotRevoked, gatherLedgerEvidence } from './ledger.ts';

/**
 * Each reason the ledger checks can give, and what each says, on a real node: three institutions
 * (one suspended after anchoring), a batch of three, a credential anchored by another
 * institution, revocations with a known and an unknown reason code, receipts wrong in each way.
 */
const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const leafHex = (credentialHash: string) => `0x${leafOf(Buffer.from(credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
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
  async function evidenceFor(issuer: string, receipt: unknown, credentialHash: string, registries = [trusted], now = new Date()) {
    const reader = new LedgerReader({ registries }, { timeoutMs: 1500, cacheTtlMs: 0 });
    const evidence = gatherLedgerEvidence(receipt, issuer, credentialHash, reader);
    try {
      const [accredited, anchored, revoked] = await Promise.all([checkIssuerAccredited(evidence, issuer), checkAnchored(evidence, now), checkNotRevoked(evidence)]);
      expect([accredited.check, anchored.check, revoked.check]).toEqual(['issuer_accredited', 'anchored', 'not_revoked']);
      return { accredited, anchored, revoked };
    } finally {
      reader.destroy();
    }
  }

  beforeAll(async () => {
    chain = await startTestChain();
    const authority = await chain.provider.getSigner(0);
    const { address } = await deployRegistry(authority, await authority.getAddress());
    trusted = { name: 'test registry', chainId: 31337, registry: address.toLowerCase(), rpcUrls: [chain.rpcUrl], maxHeadAgeSeconds: 0 };
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
    const blockTime = async (mined: { blockNumber: number }) => (await chain.provider.getBlock(mined.blockNumber))!.timestamp;
    const receipt = (credentialHash: string, merkleRoot: string, proof: string[], mined: { hash: string; blockNumber: number }): AnchorReceipt => ({
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

    const tree = buildTree(batchHashes.map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)), sha256);
    const root = `0x${tree.root.toString('hex')}`;
    const batchMined = await (await a.getFunction('anchor')(root, 3)).wait();
    batchReceipt = receipt(batchHashes[1]!, root, tree.proofHex(1), batchMined);
    batchAnchoredAt = await blockTime(batchMined);

    otherCollegeReceipt = receipt(otherCollegeHash, leafHex(otherCollegeHash), [], await (await b.getFunction('anchor')(leafHex(otherCollegeHash), 1)).wait());

    suspendedReceipt = receipt(suspendedHash, leafHex(suspendedHash), [], await (await c.getFunction('anchor')(leafHex(suspendedHash), 1)).wait());
    suspendedSince = await blockTime(await (await asAuthority.getFunction('setStatus')(3, InstitutionStatus.Suspended)).wait());

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
      details: { chainId: 31337, registry: trusted.registry, merkleRoot: batchReceipt.merkleRoot, anchoredAt: iso(batchAnchoredAt), batchSize: 3 },
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
    expect((await evidenceFor(DID_A, undefined, credentialHash)).anchored).toMatchObject({ status: 'invalid', reason: 'receipt_missing' });
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
    expect((await evidenceFor(DID_A, { ...batchReceipt, proof: batchReceipt.proof.slice(1) }, credentialHash)).anchored).toMatchObject({ status: 'invalid', reason: 'proof_mismatch' });
    const elsewhere = `0x${'ab'.repeat(20)}`;
    for (const [chainId, registry] of [[31337, elsewhere], [1, trusted.registry]] as const) {
      expect((await evidenceFor(DID_A, { ...batchReceipt, chainId, registry }, credentialHash)).anchored, `${chainId} ${registry}`).toMatchObject({
        status: 'unverifiable',
        reason: 'untrusted_registry',
        params: { chainId, registry },
      });
    }
  });

  it('a root anchored by another institution does not anchor this issuer’s credential', async () => {
    const { anchored, accredited } = await evidenceFor(DID_A, otherCollegeReceipt, otherCollegeHash);
    expect(anchored).toMatchObject({ status: 'invalid', reason: 'anchored_by_another_institution', details: { anchoredBy: 2 } });
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
    for (const receipt of [undefined, { ...suspendedReceipt, credentialHash: neverAnchored, merkleRoot: leafHex(neverAnchored) }]) {
      expect((await evidenceFor(DID_C, receipt, neverAnchored)).accredited).toMatchObject({
        status: 'invalid',
        reason: 'issuer_not_accredited_now',
        params: { name: 'College C', status: 'suspended' },
      });
    }
    expect((await evidenceFor(DID_C, otherCollegeReceipt, otherCollegeHash)).accredited).toMatchObject({ status: 'invalid', reason: 'issuer_not_accredited_now' });
  });

  it('revoked: says when and why, by name or by code', async () => {
    expect((await evidenceFor(DID_A, undefined, batchHashes[2]!)).revoked).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
      params: { reasonName: 'fraud' },
      details: { reasonCode: RevocationReason.fraud, registry: 'test registry' },
    });
    const odd = (await evidenceFor(DID_A, undefined, oddReasonHash)).revoked;
    expect(odd).toMatchObject({ status: 'invalid', reason: 'revoked', params: { revokedAt: iso(oddReasonRevokedAt), reasonName: 'code 9' }, details: { revokedAt: iso(oddReasonRevokedAt), reasonCode: 9 } });
    // A revocation is the issuer's: another college's DID does not see it.
    expect((await evidenceFor(DID_B, undefined, oddReasonHash)).revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
  });

  it('an issuer no registry lists: not accredited (named), revocation skipped, even with a receipt for a root never anchored', async () => {
    const stranger = 'did:example:stranger';
    const neverAnchored = hex32();
    const receipt = { ...batchReceipt, credentialHash: neverAnchored, merkleRoot: leafHex(neverAnchored), proof: [] };
    for (const [r, hash] of [[undefined, batchHashes[0]!], [receipt, neverAnchored]] as const) {
      const { accredited, anchored, revoked } = await evidenceFor(stranger, r, hash);
      expect(accredited).toMatchObject({ status: 'invalid', reason: 'issuer_not_accredited', params: { issuer: stranger } });
      expect(revoked).toMatchObject({ status: 'skipped', reason: 'revocation_needs_issuer' });
      if (r) expect(anchored).toMatchObject({ status: 'invalid', reason: 'root_not_anchored', details: { merkleRoot: leafHex(neverAnchored) } });
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
    const { anchored } = await evidenceFor(DID_A, receipt, neverAnchored, [{ ...trusted, maxHeadAgeSeconds: 30 }], new Date((head.timestamp + 31) * 1000));
    expect(anchored).toMatchObject({ status: 'unverifiable', reason: 'ledger_lagging', params: { blockNumber: head.number, headAt: iso(head.timestamp) } });
  });

  it('an unreachable registry is taken over only by a successor naming exactly it (chain and address)', async () => {
    const retired: TrustedRegistry = { name: 'retired', chainId: 999, registry: `0x${'11'.repeat(20)}`, rpcUrls: [`http://127.0.0.1:${await freePort()}`] };
    const successorOf = (...migratedFrom: { chainId: number; registry: string }[]): TrustedRegistry => ({ ...trusted, migratedFrom });
    const otherAddress = { chainId: retired.chainId, registry: `0x${'22'.repeat(20)}` };
    const otherChain = { chainId: 998, registry: retired.registry };
    for (const successor of [successorOf(otherAddress), successorOf(otherChain)]) {
      expect((await evidenceFor(DID_A, undefined, batchHashes[1]!, [retired, successor])).revoked, JSON.stringify(successor.migratedFrom)).toMatchObject({
        status: 'unverifiable',
        reason: 'ledger_unreachable',
      });
    }
    const exact = successorOf(otherAddress, { chainId: retired.chainId, registry: retired.registry });
    expect((await evidenceFor(DID_A, undefined, batchHashes[1]!, [retired, exact])).revoked).toMatchObject({ status: 'valid', reason: 'not_revoked' });
  });

  it('a registry that cannot be reached: every ledger check cannot tell, none is invalid', async () => {
    const down: TrustedRegistry = { ...trusted, rpcUrls: [`http://127.0.0.1:${await freePort()}`] };
    const { anchored, accredited, revoked } = await evidenceFor(DID_A, batchReceipt, batchHashes[1]!, [down]);
    for (const f of [anchored, accredited, revoked]) expect(f, f.check).toMatchObject({ status: 'unverifiable', reason: 'ledger_unreachable', details: { detail: expect.any(String) } });
  });
});
