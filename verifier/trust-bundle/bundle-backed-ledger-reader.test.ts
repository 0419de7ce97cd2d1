import { ZeroHash } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafOf, sha256 } from '../../core/merkle.ts';
import {
  packHashes,
  TRUST_BUNDLE_TYPE,
  TRUST_BUNDLE_VERSION,
  type TrustBundlePayload,
} from '../../core/trust-bundle/payload.ts';
import { freePort } from '../../test/support/local-chain.ts';
import { hashOf, institutionDid } from '../../test/support/trust-bundle.ts';
import { anchored } from '../checks/anchored.ts';
import { runChecks } from '../checks/check.ts';
import { issuerAccredited } from '../checks/issuer-accredited.ts';
import { gatherLedgerEvidence } from '../checks/ledger-evidence.ts';
import { notRevoked } from '../checks/not-revoked.ts';
import { signingKey } from '../checks/signing-key.ts';
import type { CredentialSubject } from '../checks/subjects.ts';
import type { TrustedRegistry } from '../trust.ts';
import { BundleBackedLedgerReader } from './bundle-backed-ledger-reader.ts';
import { TrustBundleIndex } from './bundle-index.ts';
import { noteTrustBundle } from './bundle-notes.ts';

const ISSUED_AT = 1_800_000_000;
const HOUR = 3600;
const REGISTRY = `0x${'ab'.repeat(20)}`;
const kept = hashOf('kept');
const revoked = hashOf('revoked');
/** Status lists the institution published: the second one with revocations by bits only. */
const publishedList = hashOf('list 0');
const markedList = hashOf('list 1');
const rootOf = (hash: string) => `0x${leafOf(Buffer.from(hash.slice(2), 'hex'), sha256).toString('hex')}`;
const receiptOf = (hash: string) => ({
  type: 'SkillmarkAnchorReceipt',
  credentialHash: hash,
  hashAlgorithm: 'sha256',
  merkleRoot: rootOf(hash),
  proof: [],
  chainId: 31337,
  registry: REGISTRY,
  transactionHash: hashOf('tx'),
  blockNumber: 7,
  anchoredAt: new Date(ISSUED_AT * 1000).toISOString(),
});

/** One institution that anchored `kept` and `revoked` in batches of one and revoked the second. */
function payload(): TrustBundlePayload {
  const anchors = packHashes([rootOf(kept), rootOf(revoked)]);
  const revocations = packHashes([revoked]);
  const lists = packHashes([publishedList, markedList]);
  return {
    type: TRUST_BUNDLE_TYPE,
    version: TRUST_BUNDLE_VERSION,
    issuedAt: ISSUED_AT,
    expiresAt: ISSUED_AT + 30 * 24 * HOUR,
    registries: [
      {
        name: 'Test registry',
        chainId: 31337,
        registry: REGISTRY,
        asOf: { block: 9, time: ISSUED_AT - 5 },
        institutions: [
          {
            id: 1,
            name: 'Test College',
            statusHistory: [[1, ISSUED_AT - 1000]],
            dids: [{ did: institutionDid(1) }],
            revocations: { hashes: revocations.packed, revokedAt: [ISSUED_AT - 10], reason: [1] },
            statusLists: {
              keys: lists.packed,
              bitsHashes: Buffer.concat(
                lists.order.map((i) => Buffer.from(hashOf(`bits of list ${i}`).slice(2), 'hex')),
              ).toString('base64url'),
              bitsOnly: lists.order.map((i) => (i === 1 ? 1 : 0)),
            },
          },
        ],
        anchors: {
          roots: anchors.packed,
          institution: [1, 1],
          anchoredAt: anchors.order.map(() => ISSUED_AT - 100),
          batchSize: [1, 1],
        },
      },
    ],
  };
}

/** The four ledger checks, as the verifier runs them, with the bundle's notes. */
async function ledgerChecks(reader: BundleBackedLedgerReader, hash: string, issuer = institutionDid(1)) {
  const evidence = gatherLedgerEvidence(receiptOf(hash), issuer, hash, reader);
  const fragments = await runChecks([issuerAccredited, anchored, notRevoked, signingKey], {
    evidence,
    now: reader.now(),
    credential: { issuer },
  } as CredentialSubject);
  return Object.fromEntries((await noteTrustBundle(fragments, evidence, reader)).map((f) => [f.check, f]));
}

describe('BundleBackedLedgerReader: the bundle answers when the ledger cannot be reached', () => {
  let unreachable: TrustedRegistry;
  const readers: BundleBackedLedgerReader[] = [];
  const readerAt = (hoursAfterIssue: number, registry = REGISTRY) => {
    const reader = new BundleBackedLedgerReader(
      { registries: [{ ...unreachable, registry }] },
      new TrustBundleIndex(payload()),
      { maxAgeSeconds: 48 * HOUR, warnAgeSeconds: 24 * HOUR },
      () => new Date((ISSUED_AT + hoursAfterIssue * HOUR) * 1000),
      { timeoutMs: 1000, cacheTtlMs: 0 },
    );
    readers.push(reader);
    return reader;
  };

  beforeAll(async () => {
    // A port nothing listens on: the ledger is out of reach at once.
    unreachable = {
      name: 'Test registry',
      chainId: 31337,
      registry: REGISTRY,
      rpcUrls: [`http://127.0.0.1:${await freePort()}`],
    };
  });
  afterAll(() => {
    for (const reader of readers) reader.destroy();
  });

  it('answers valid from a fresh bundle, every ledger check saying so', async () => {
    const checks = await ledgerChecks(readerAt(2), kept);
    for (const name of ['issuer_accredited', 'anchored', 'not_revoked', 'signing_key']) {
      expect(checks[name]!.status, name).toBe('valid');
      expect(checks[name]!.note?.reason).toBe('trust_bundle_used');
      expect(checks[name]!.message).toContain(
        'Checked against the trust bundle of 2027-01-15T08:00:00.000Z (2.0 hours old)',
      );
    }
  });

  it('knows the revocations it holds', async () => {
    const checks = await ledgerChecks(readerAt(2), revoked);
    expect(checks.not_revoked!.status).toBe('invalid');
    expect(checks.not_revoked!.reason).toBe('revoked');
  });

  it('cannot tell for a root it lacks (anchored after it) or an issuer it does not list (registered after it)', async () => {
    const unknownRoot = await ledgerChecks(readerAt(2), hashOf('anchored later'));
    expect(unknownRoot.anchored!.status).toBe('unverifiable');
    expect(unknownRoot.anchored!.reason).toBe('ledger_lagging');
    const unknownIssuer = await ledgerChecks(readerAt(2), kept, institutionDid(2));
    expect(unknownIssuer.issuer_accredited!.status).toBe('unverifiable');
    expect(unknownIssuer.issuer_accredited!.details?.detail).toContain('does not list');
  });

  it('warns past the warning age, and stops answering past the maximum age', async () => {
    expect((await ledgerChecks(readerAt(30), kept)).anchored!.note?.reason).toBe('trust_bundle_aging');
    const tooOld = await ledgerChecks(readerAt(49), kept);
    for (const name of ['issuer_accredited', 'anchored', 'not_revoked', 'signing_key']) {
      expect(tooOld[name]!.status, name).toBe('unverifiable');
      expect(tooOld[name]!.note?.reason).toBe('trust_bundle_too_old');
    }
  });

  it("answers an issuer's status list commitments as of its date", async () => {
    const reader = readerAt(2);
    const [published] = await reader.statusListOnEach(institutionDid(1), publishedList);
    expect(published).toMatchObject({
      commitment: { institutionId: 1, bitsHash: hashOf('bits of list 0'), bitsOnly: false },
      asOf: ISSUED_AT,
    });
    const [marked] = await reader.statusListOnEach(institutionDid(1), markedList);
    expect(marked).toMatchObject({ commitment: { bitsHash: hashOf('bits of list 1'), bitsOnly: true } });
    // Never published as of the bundle: no revocation on it then.
    const [never] = await reader.statusListOnEach(institutionDid(1), hashOf('list 2'));
    expect(never).toMatchObject({ commitment: { institutionId: 1, bitsHash: ZeroHash, bitsOnly: false } });
    const [unknown] = await reader.statusListOnEach(institutionDid(2), publishedList);
    expect(unknown).toMatchObject({ error: { message: expect.stringContaining('does not list') } });
    expect((await readerAt(49).statusListOnEach(institutionDid(1), publishedList))[0]).toMatchObject({
      error: { message: expect.stringContaining('is past its use') },
    });
  });

  it('says nothing of status lists from a bundle made before it held them', async () => {
    const older = payload();
    delete older.registries[0]!.institutions[0]!.statusLists;
    const reader = new BundleBackedLedgerReader(
      { registries: [unreachable] },
      new TrustBundleIndex(older),
      { maxAgeSeconds: 48 * HOUR, warnAgeSeconds: 24 * HOUR },
      () => new Date((ISSUED_AT + 2 * HOUR) * 1000),
      { timeoutMs: 1000, cacheTtlMs: 0 },
    );
    readers.push(reader);
    expect((await reader.statusListOnEach(institutionDid(1), hashOf('list 2')))[0]).toMatchObject({
      error: { message: expect.stringContaining('holds no status lists') },
    });
  });

  it('leaves a registry the bundle does not hold to the ledger alone', async () => {
    const checks = await ledgerChecks(readerAt(2, `0x${'cd'.repeat(20)}`), kept);
    expect(checks.not_revoked!.status).toBe('unverifiable');
    expect(checks.not_revoked!.reason).toBe('ledger_unreachable');
    expect(checks.not_revoked!.note).toBeUndefined();
  });
});
