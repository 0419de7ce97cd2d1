import { parseReceipt, proofLeadsToRoot, ReceiptFormatError, type AnchorReceipt } from '../../core/receipt.ts';
import { RevocationReason } from '../../contracts/registry.ts';
import { fragment, type CheckFragment } from '../fragment.ts';
import { LedgerUnreachableError, type LedgerReader, type RegistryFacts } from '../ledger-reader.ts';

/**
 * The three checks that read the registry: issuer accredited, credential anchored, not revoked.
 * They share one registry call per credential but decide independently.
 */
export interface LedgerEvidence {
  receipt: { ok: true; receipt: AnchorReceipt } | { ok: false; fragment: CheckFragment };
  facts: Promise<{ ok: true; facts: RegistryFacts; anchoredHere: boolean } | { ok: false; fragment: CheckFragment }>;
}

const unreachable = (check: string, error: unknown) =>
  fragment(check, 'unverifiable', 'ledger_unreachable', {}, { detail: (error as Error).message });

export function gatherLedgerEvidence(receiptInput: unknown, issuer: string, credentialHash: string, ledger: LedgerReader): LedgerEvidence {
  let receipt: LedgerEvidence['receipt'];
  if (receiptInput === undefined) {
    receipt = { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') };
  } else {
    try {
      const parsed = parseReceipt(receiptInput);
      if (parsed.credentialHash !== credentialHash) receipt = { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_for_other_credential', {}, { expected: credentialHash, found: parsed.credentialHash }) };
      else if (!proofLeadsToRoot(parsed, credentialHash)) receipt = { ok: false, fragment: fragment('anchored', 'invalid', 'proof_mismatch') };
      else if (!ledger.trustedRegistry(parsed.chainId, parsed.registry)) {
        receipt = { ok: false, fragment: fragment('anchored', 'unverifiable', 'untrusted_registry', { chainId: parsed.chainId, registry: parsed.registry }) };
      } else receipt = { ok: true, receipt: parsed };
    } catch (error) {
      if (!(error instanceof ReceiptFormatError)) throw error;
      receipt = { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_malformed', { detail: error.message }) };
    }
  }
  const facts = (async (): Promise<Awaited<LedgerEvidence['facts']>> => {
    try {
      if (receipt.ok) {
        const r = receipt.receipt;
        const found = await ledger.factsAt(r.chainId, r.registry, r.merkleRoot, issuer, credentialHash);
        return { ok: true, facts: found, anchoredHere: true };
      }
      const found = await ledger.issuerFacts(issuer);
      return found ? { ok: true, facts: found, anchoredHere: false } : { ok: false, fragment: fragment('issuer_accredited', 'invalid', 'issuer_not_accredited', { issuer }) };
    } catch (error) {
      if (error instanceof LedgerUnreachableError) return { ok: false, fragment: unreachable('ledger', error) };
      throw error;
    }
  })();
  return { receipt, facts };
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const anchoredByIssuer = (f: RegistryFacts) => f.anchor.institutionId !== 0 && f.anchor.institutionId === f.issuerInstitutionId;

export async function checkIssuerAccredited(evidence: LedgerEvidence, issuer: string): Promise<CheckFragment> {
  const result = await evidence.facts;
  if (!result.ok) return { ...result.fragment, check: 'issuer_accredited' };
  const f = result.facts;
  if (f.issuerInstitutionId === 0) return fragment('issuer_accredited', 'invalid', 'issuer_not_accredited', { issuer });
  const details = { registry: f.trusted.name, institutionId: f.issuerInstitutionId, name: f.issuerName, status: f.issuerStatus, statusSince: iso(f.issuerStatusSince) };
  if (result.anchoredHere && anchoredByIssuer(f)) {
    // The registry only accepts anchors from accredited institutions: anchored by it means accredited then.
    return f.issuerStatus === 'Accredited'
      ? fragment('issuer_accredited', 'valid', 'issuer_accredited', { name: f.issuerName }, details)
      : fragment('issuer_accredited', 'valid', 'issuer_accredited_then', { name: f.issuerName, status: f.issuerStatus.toLowerCase() }, details);
  }
  return f.issuerStatus === 'Accredited'
    ? fragment('issuer_accredited', 'valid', 'issuer_accredited', { name: f.issuerName }, details)
    : fragment('issuer_accredited', 'invalid', 'issuer_not_accredited_now', { name: f.issuerName, status: f.issuerStatus.toLowerCase() }, details);
}

/** How long after a receipt's claimed anchoring time a node that still lacks the root is no longer "behind". */
const LAG_GRACE_SECONDS = 600;

/**
 * A node that lacks the root may just be behind: its head is below the receipt's block and its
 * latest block is older than the receipt's anchoring time (plus a grace period). A receipt that
 * claims a far-future block but an anchoring time long past (or a time in the future) is not
 * given the benefit of the doubt: the root is simply not anchored.
 */
function nodeIsBehind(f: RegistryFacts, receipt: AnchorReceipt, now: Date): boolean {
  if (!f.head || f.trusted.chainId !== receipt.chainId || f.trusted.registry !== receipt.registry.toLowerCase()) return false;
  const claimedAt = Date.parse(receipt.anchoredAt) / 1000;
  if (claimedAt > now.getTime() / 1000 + 60) return false;
  return f.head.blockNumber < receipt.blockNumber && f.head.time < claimedAt + LAG_GRACE_SECONDS;
}

export async function checkAnchored(evidence: LedgerEvidence, now = new Date()): Promise<CheckFragment> {
  if (!evidence.receipt.ok) return evidence.receipt.fragment;
  const receipt = evidence.receipt.receipt;
  const result = await evidence.facts;
  if (!result.ok) return { ...result.fragment, check: 'anchored' };
  const f = result.facts;
  if (f.anchor.institutionId === 0) {
    if (nodeIsBehind(f, receipt, now)) {
      return fragment('anchored', 'unverifiable', 'ledger_lagging', { blockNumber: f.head!.blockNumber, receiptBlock: receipt.blockNumber });
    }
    return fragment('anchored', 'invalid', 'root_not_anchored', {}, { merkleRoot: receipt.merkleRoot });
  }
  if (!anchoredByIssuer(f)) return fragment('anchored', 'invalid', 'anchored_by_another_institution', {}, { anchoredBy: f.anchor.institutionId });
  const anchoredAt = iso(f.anchor.anchoredAt);
  return fragment('anchored', 'valid', 'anchored', { chainId: receipt.chainId, anchoredAt }, {
    chainId: receipt.chainId,
    registry: receipt.registry,
    merkleRoot: receipt.merkleRoot,
    anchoredAt,
    batchSize: f.anchor.batchSize,
  });
}

export async function checkNotRevoked(evidence: LedgerEvidence): Promise<CheckFragment> {
  if (!evidence.receipt.ok) return fragment('not_revoked', 'skipped', 'revocation_needs_anchor');
  const result = await evidence.facts;
  if (!result.ok) return { ...result.fragment, check: 'not_revoked' };
  if (!anchoredByIssuer(result.facts)) return fragment('not_revoked', 'skipped', 'revocation_needs_anchor');
  const { revokedAt, reason } = result.facts.revocation;
  if (revokedAt === 0) return fragment('not_revoked', 'valid', 'not_revoked');
  const reasonName = Object.entries(RevocationReason).find(([, code]) => code === reason)?.[0] ?? `code ${reason}`;
  return fragment('not_revoked', 'invalid', 'revoked', { revokedAt: iso(revokedAt), reasonName }, { revokedAt: iso(revokedAt), reasonCode: reason });
}
