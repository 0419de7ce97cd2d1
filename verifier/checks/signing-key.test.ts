import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, didHash, Registry } from '../../contracts/registry.ts';
import { leafOf, sha256 } from '../../core/merkle.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { freePort, startTestChain, type TestChain } from '../../test/support/local-chain.ts';
import { fragment } from '../fragment.ts';
import { type IssuerAnswer, LedgerReader, type RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import { gatherLedgerEvidence, type LedgerEvidence } from './ledger-evidence.ts';
import { signingKey } from './signing-key.ts';
import type { CredentialSubject } from './subjects.ts';

/** The signing_key check of a credential with this ledger evidence (the only part of the subject it reads). */
const checkSigningKey = async (evidence: LedgerEvidence) =>
  signingKey.verify({ evidence } as CredentialSubject, () => Promise.reject(new Error('waits on no other check')));

/**
 * The signing_key check against a real node and registry: a compromise report at T keeps what the
 * issuer's institution anchored before T and refuses what was anchored at or after T, or not at all;
 * a ledger that cannot be read leaves it open.
 */
const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const leafHex = (credentialHash: string) =>
  `0x${leafOf(Buffer.from(credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
const LEAKED = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH';
const OTHER_COLLEGE = 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG';
const SECOND_KEY = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('signing_key check', () => {
  let chain: TestChain;
  let trusted: TrustedRegistry;
  let college: Registry;
  let otherCollege: Registry;
  /** Anchored by the college before anything was reported. */
  const earlyHash = hex32();
  let early: { receipt: AnchorReceipt; anchoredAt: number };
  let reporting: TrustedRegistry;
  let secondReportedAt: number;

  async function anchor(by: Registry, credentialHash: string): Promise<{ receipt: AnchorReceipt; anchoredAt: number }> {
    const root = leafHex(credentialHash);
    const mined = await (await by.contract.getFunction('anchor')(root, 1)).wait();
    const anchoredAt = (await chain.provider.getBlock(mined.blockNumber))!.timestamp;
    const receipt: AnchorReceipt = {
      type: 'SkillmarkAnchorReceipt',
      credentialHash,
      hashAlgorithm: 'sha256',
      merkleRoot: root,
      proof: [],
      chainId: trusted.chainId,
      registry: trusted.registry,
      transactionHash: mined.hash,
      blockNumber: mined.blockNumber,
      anchoredAt: iso(anchoredAt),
    };
    return { receipt, anchoredAt };
  }

  async function check(receipt: unknown, credentialHash: string, issuer = LEAKED, registries = [trusted]) {
    const reader = new LedgerReader({ registries }, { timeoutMs: 1500, cacheTtlMs: 0 });
    try {
      return await checkSigningKey(gatherLedgerEvidence(receipt, issuer, credentialHash, reader));
    } finally {
      reader.destroy();
    }
  }

  const report = async (since: number) =>
    (await college.contract.getFunction('reportDidCompromised')(didHash(LEAKED), since)).wait();
  const laterBlock = async (seconds: number) => {
    await chain.provider.send('evm_increaseTime', [seconds]);
    await chain.provider.send('evm_mine', []);
  };

  beforeAll(async () => {
    chain = await startTestChain();
    const authority = await chain.provider.getSigner(0);
    const { address } = await deployRegistry(authority, await authority.getAddress());
    const asAuthority = new Registry(address, authority).contract;
    const [collegeKey, otherKey] = [await chain.provider.getSigner(1), await chain.provider.getSigner(2)];
    await (await asAuthority.getFunction('accredit')(await collegeKey.getAddress(), LEAKED, 'Test College')).wait();
    await (
      await asAuthority.getFunction('accredit')(await otherKey.getAddress(), OTHER_COLLEGE, 'Other College')
    ).wait();
    trusted = {
      name: 'main registry',
      chainId: 31337,
      registry: address.toLowerCase(),
      rpcUrls: [chain.rpcUrl],
      maxHeadAgeSeconds: 0,
    };
    college = new Registry(address, collegeKey);
    otherCollege = new Registry(address, otherKey);
    early = await anchor(college, earlyHash);

    // A second trusted registry: the college is listed there too, and so is a second DID of the
    // college that only this registry reports compromised.
    const { address: secondAddress } = await deployRegistry(authority, await authority.getAddress());
    const second = new Registry(secondAddress, authority).contract;
    await (
      await second.getFunction('accredit')(
        await (await chain.provider.getSigner(3)).getAddress(),
        LEAKED,
        'Test College',
      )
    ).wait();
    await (await second.getFunction('reportDidCompromised')(didHash(LEAKED), early.anchoredAt)).wait();
    await (await asAuthority.getFunction('addDid')(1, SECOND_KEY)).wait();
    await (await second.getFunction('addDid')(1, SECOND_KEY)).wait();
    secondReportedAt = early.anchoredAt - 5;
    await (await second.getFunction('reportDidCompromised')(didHash(SECOND_KEY), secondReportedAt)).wait();
    reporting = { ...trusted, name: 'second registry', registry: secondAddress.toLowerCase() };
  });

  afterAll(async () => {
    await chain?.stop();
  });

  it('before any report: valid for the college, skipped for an issuer no registry lists', async () => {
    expect(await check(early.receipt, earlyHash)).toMatchObject({
      check: 'signing_key',
      status: 'valid',
      reason: 'signing_key_not_reported',
    });
    const unknown = 'did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf';
    expect(await check(undefined, hex32(), unknown)).toMatchObject({
      status: 'skipped',
      reason: 'signing_key_needs_issuer',
    });
  });

  it('compromised since T: anchored before T stays valid; anchored after T, unanchored or anchored by another college is invalid; the report moved to the anchor’s own second makes it invalid', async () => {
    await laterBlock(10);
    const t = early.anchoredAt + 1;
    await report(t);

    expect(await check(early.receipt, earlyHash)).toEqual({
      check: 'signing_key',
      status: 'valid',
      reason: 'signing_key_compromised_after_anchor',
      message: expect.stringContaining(iso(t)),
      params: { compromisedSince: iso(t), anchoredAt: iso(early.anchoredAt) },
      details: { compromisedSince: iso(t), anchoredAt: iso(early.anchoredAt) },
    });

    const forgedHash = hex32();
    const forged = await anchor(college, forgedHash);
    expect(forged.anchoredAt).toBeGreaterThanOrEqual(t);
    const expected = { compromisedSince: iso(t), anchoredAt: iso(forged.anchoredAt) };
    expect(await check(forged.receipt, forgedHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_before_anchor',
      params: expected,
      details: expected,
    });

    // A receipt's own dates count for nothing: only the anchor's block time does.
    const backdated = { ...forged.receipt, anchoredAt: iso(early.anchoredAt - 3600), blockNumber: 1 };
    expect(await check(backdated, forgedHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_before_anchor',
    });

    expect(await check(undefined, earlyHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_unanchored',
      params: { compromisedSince: iso(t) },
      details: { compromisedSince: iso(t) },
    });
    const elsewhereHash = hex32();
    const elsewhere = await anchor(otherCollege, elsewhereHash);
    expect(await check(elsewhere.receipt, elsewhereHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_unanchored',
    });
    const selfRooted = { ...early.receipt, credentialHash: hex32() };
    selfRooted.merkleRoot = leafHex(selfRooted.credentialHash);
    expect(await check(selfRooted, selfRooted.credentialHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_unanchored',
    });

    await report(early.anchoredAt);
    expect(await check(early.receipt, earlyHash)).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_before_anchor',
      details: { compromisedSince: iso(early.anchoredAt) },
    });
    // Another college's DID is untouched by the report.
    expect(await check(elsewhere.receipt, elsewhereHash, OTHER_COLLEGE)).toMatchObject({
      status: 'valid',
      reason: 'signing_key_not_reported',
    });
  });

  it('a report on any trusted registry counts, even where another registry lists the DID unreported', async () => {
    expect(await check(undefined, hex32(), OTHER_COLLEGE, [trusted, reporting])).toMatchObject({
      status: 'valid',
      reason: 'signing_key_not_reported',
    });
    const reportedThere = await check(undefined, hex32(), SECOND_KEY, [trusted, reporting]);
    expect(reportedThere).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_unanchored',
      details: { compromisedSince: iso(secondReportedAt) },
    });
  });

  it('a ledger that cannot be read is "cannot tell", never invalid', async () => {
    const dead: TrustedRegistry = {
      ...trusted,
      name: 'dead registry',
      rpcUrls: [`http://127.0.0.1:${await freePort()}`],
    };
    // A second registry reports the compromise, but the one holding the anchor cannot be asked: the
    // anchor may well predate the compromise.
    expect(await check(early.receipt, earlyHash, LEAKED, [dead, reporting])).toMatchObject({
      check: 'signing_key',
      status: 'unverifiable',
      reason: 'ledger_unreachable',
    });
    // No report seen, but one trusted registry could not be asked.
    const deadElsewhere: TrustedRegistry = { ...dead, registry: `0x${randomBytes(20).toString('hex')}` };
    expect(await check(undefined, hex32(), OTHER_COLLEGE, [trusted, deadElsewhere])).toMatchObject({
      check: 'signing_key',
      status: 'unverifiable',
      reason: 'ledger_unreachable',
      details: { detail: expect.stringContaining('dead registry') },
    });
  });
});

/**
 * Several trusted registries reporting the issuer's key compromised at different times: the
 * earliest report counts. The answers are given as the ledger reader hands them over
 * (the tests above read them from a real node).
 */
const registryNamed = (name: string): TrustedRegistry => ({
  name,
  chainId: 31337,
  registry: `0x${name.charCodeAt(0).toString(16).padStart(40, '0')}`,
  rpcUrls: ['http://127.0.0.1:1'],
});

function facts(trusted: TrustedRegistry, compromisedSince: number, anchoredAt = 0): RegistryFacts {
  return {
    trusted,
    anchor: { institutionId: anchoredAt ? 1 : 0, anchoredAt, batchSize: anchoredAt ? 1 : 0 },
    issuerInstitutionId: 1,
    issuerStatus: 'Accredited',
    issuerStatusSince: 1,
    issuerName: 'College',
    revocation: { revokedAt: 0, reason: 0 },
    issuerDidCompromisedSince: compromisedSince,
  };
}

function evidence(anchor: RegistryFacts, answers: IssuerAnswer[]): LedgerEvidence {
  return {
    receipt: { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') },
    anchor: Promise.resolve({ ok: true, facts: anchor }),
    issuer: Promise.resolve(answers),
  };
}

describe('signing_key check across registries', () => {
  const a = registryNamed('a');
  const b = registryNamed('b');
  const EARLY = 1_900_000_000;
  const LATE = EARLY + 1000;

  it('counts the earliest compromise any registry reports', async () => {
    // Anchored between the two reports: after the earliest, so the key may already have been stolen.
    const anchoredAt = EARLY + 500;
    for (const answers of [
      [
        { trusted: a, facts: facts(a, LATE) },
        { trusted: b, facts: facts(b, EARLY) },
      ],
      [
        { trusted: b, facts: facts(b, EARLY) },
        { trusted: a, facts: facts(a, LATE) },
      ],
    ]) {
      expect(await checkSigningKey(evidence(facts(a, LATE, anchoredAt), answers))).toMatchObject({
        check: 'signing_key',
        status: 'invalid',
        reason: 'signing_key_compromised_before_anchor',
        params: { compromisedSince: new Date(EARLY * 1000).toISOString() },
      });
    }
  });

  it('a registry reporting no compromise does not clear another’s report', async () => {
    const answers = [
      { trusted: a, facts: facts(a, 0) },
      { trusted: b, facts: facts(b, EARLY) },
    ];
    expect(await checkSigningKey(evidence(facts(a, 0, EARLY - 1), answers))).toMatchObject({
      status: 'valid',
      reason: 'signing_key_compromised_after_anchor',
    });
  });
});
