import { parseReceipt, proofLeadsToRoot, ReceiptFormatError, type AnchorReceipt } from '../../core/receipt.ts';
import { RevocationReason } from '../../contracts/registry.ts';
import { fragment, type CheckFragment } from '../fragment.ts';
import { LedgerUnreachableError, type IssuerAnswer, type LedgerReader, type NodeHead, type RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';

/**
 * The three checks that read the registry: issuer accredited, credential anchored, not revoked.
 * The anchor is read where the receipt points; the issuer's standing and its revocations are read
 * on every trusted registry whatever the receipt says, so no receipt can hide a revocation.
 */
export interface LedgerEvidence {
  receipt: { ok: true; receipt: AnchorReceipt } | { ok: false; fragment: CheckFragment };
  /** The registry's answer for the receipt's root; undefined without a usable receipt. */
  anchor?: Promise<{ ok: true; facts: RegistryFacts } | { ok: false; fragment: CheckFragment }>;
  /** Every trusted registry's answer about the issuer and its revocation of this credential. */
  issuer: Promise<IssuerAnswer[]>;
}

export const unreachable = (check: string, error: unknown) =>
  fragment(check, 'unverifiable', 'ledger_unreachable', {}, { detail: (error as Error).message });

function readReceipt(receiptInput: unknown, credentialHash: string, ledger: LedgerReader): LedgerEvidence['receipt'] {
  if (receiptInput === undefined) return { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') };
  try {
    const parsed = parseReceipt(receiptInput);
    if (parsed.credentialHash !== credentialHash) return { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_for_other_credential', {}, { expected: credentialHash, found: parsed.credentialHash }) };
    if (!proofLeadsToRoot(parsed, credentialHash)) return { ok: false, fragment: fragment('anchored', 'invalid', 'proof_mismatch') };
    if (!ledger.trustedRegistry(parsed.chainId, parsed.registry)) {
      return { ok: false, fragment: fragment('anchored', 'unverifiable', 'untrusted_registry', { chainId: parsed.chainId, registry: parsed.registry }) };
    }
    return { ok: true, receipt: parsed };
  } catch (error) {
    if (!(error instanceof ReceiptFormatError)) throw error;
    return { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_malformed', { detail: error.message }) };
  }
}

export function gatherLedgerEvidence(receiptInput: unknown, issuer: string, credentialHash: string, ledger: LedgerReader): LedgerEvidence {
  const receipt = readReceipt(receiptInput, credentialHash, ledger);
  const read = receipt.ok
    ? ledger.factsAt(receipt.receipt.chainId, receipt.receipt.registry, receipt.receipt.merkleRoot, issuer, credentialHash).catch((error: unknown) => {
        if (error instanceof LedgerUnreachableError) return error;
        throw error;
      })
    : undefined;
  const anchor = read?.then((outcome) => (outcome instanceof LedgerUnreachableError ? { ok: false as const, fragment: unreachable('anchored', outcome) } : { ok: true as const, facts: outcome }));
  const issuerAnswers = (async () => {
    const outcome = await read;
    return ledger.issuerFactsOnEach(issuer, credentialHash, outcome ? [outcome] : []);
  })();
  return { receipt, ...(anchor ? { anchor } : {}), issuer: issuerAnswers };
}

export const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
export const anchoredByIssuer = (f: RegistryFacts) => f.anchor.institutionId !== 0 && f.anchor.institutionId === f.issuerInstitutionId;
export const answered = (answers: IssuerAnswer[]) => answers.flatMap((a) => ('facts' in a ? [a.facts] : []));

/**
 * Why a registry could not be asked, for the first such registry that no answering registry took
 * over (a migration copies institutions and revocations to the successor); undefined when none.
 */
export function unanswered(answers: IssuerAnswer[]): LedgerUnreachableError | undefined {
  const facts = answered(answers);
  const takenOver = (t: TrustedRegistry) => facts.some((f) => f.trusted.migratedFrom?.some((m) => m.chainId === t.chainId && m.registry === t.registry));
  for (const a of answers) if ('error' in a && !takenOver(a.trusted)) return a.error;
  return undefined;
}

export async function checkIssuerAccredited(evidence: LedgerEvidence, issuer: string): Promise<CheckFragment> {
  const anchor = await evidence.anchor;
  const answers = await evidence.issuer;
  const anchoredHere = anchor?.ok && anchoredByIssuer(anchor.facts) ? anchor.facts : undefined;
  const f = anchoredHere ?? answered(answers).find((facts) => facts.issuerInstitutionId !== 0);
  if (!f) {
    const failed = unanswered(answers);
    return failed ? unreachable('issuer_accredited', failed) : fragment('issuer_accredited', 'invalid', 'issuer_not_accredited', { issuer });
  }
  const details = { registry: f.trusted.name, institutionId: f.issuerInstitutionId, name: f.issuerName, status: f.issuerStatus, statusSince: iso(f.issuerStatusSince) };
  if (f.issuerStatus === 'Accredited') return fragment('issuer_accredited', 'valid', 'issuer_accredited', { name: f.issuerName }, details);
  // The registry only accepts anchors from accredited institutions: anchored by it means accredited then.
  return anchoredHere
    ? fragment('issuer_accredited', 'valid', 'issuer_accredited_then', { name: f.issuerName, status: f.issuerStatus.toLowerCase() }, details)
    : fragment('issuer_accredited', 'invalid', 'issuer_not_accredited_now', { name: f.issuerName, status: f.issuerStatus.toLowerCase() }, details);
}

/** How old a node's latest block may be, by our clock, before the node counts as behind. */
export const DEFAULT_MAX_HEAD_AGE_SECONDS = 60;

/**
 * Whether a node that lacks a root may just be behind, judged only from what the node reports
 * about itself (never from the receipt, which the presenter writes): it says it is still syncing,
 * or its latest block is older than the registry's `maxHeadAgeSeconds` (0: a chain that makes
 * blocks only on demand, whose head is current however old).
 */
export function nodeIsBehind(head: NodeHead, trusted: TrustedRegistry, now: Date): boolean {
  if (head.syncing) return true;
  const maxAge = trusted.maxHeadAgeSeconds ?? DEFAULT_MAX_HEAD_AGE_SECONDS;
  return maxAge > 0 && now.getTime() / 1000 - head.time > maxAge;
}

export async function checkAnchored(evidence: LedgerEvidence, now = new Date()): Promise<CheckFragment> {
  if (!evidence.receipt.ok) return evidence.receipt.fragment;
  const receipt = evidence.receipt.receipt;
  const result = (await evidence.anchor)!;
  if (!result.ok) return result.fragment;
  const f = result.facts;
  if (f.anchor.institutionId === 0) {
    if (f.head && nodeIsBehind(f.head, f.trusted, now)) {
      return fragment('anchored', 'unverifiable', 'ledger_lagging', { blockNumber: f.head.blockNumber, headAt: iso(f.head.time) }, { syncing: f.head.syncing });
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

/**
 * Revoked on any trusted registry that knows the issuer: invalid, whatever the receipt. Otherwise
 * a registry that could not be asked (and whose successor did not answer) leaves it open.
 */
export async function checkNotRevoked(evidence: LedgerEvidence): Promise<CheckFragment> {
  const answers = await evidence.issuer;
  const facts = answered(answers);
  const revoked = facts.find((f) => f.issuerInstitutionId !== 0 && f.revocation.revokedAt !== 0);
  if (revoked) {
    const { revokedAt, reason } = revoked.revocation;
    const reasonName = Object.entries(RevocationReason).find(([, code]) => code === reason)?.[0] ?? `code ${reason}`;
    return fragment('not_revoked', 'invalid', 'revoked', { revokedAt: iso(revokedAt), reasonName }, { revokedAt: iso(revokedAt), reasonCode: reason, registry: revoked.trusted.name });
  }
  const failed = unanswered(answers);
  if (failed) return unreachable('not_revoked', failed);
  if (!facts.some((f) => f.issuerInstitutionId !== 0)) return fragment('not_revoked', 'skipped', 'revocation_needs_issuer');
  return fragment('not_revoked', 'valid', 'not_revoked');
}
