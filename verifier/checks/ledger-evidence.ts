import { type AnchorReceipt, type ReceiptForCredential, receiptFor } from '../../core/receipt.ts';
import { type CheckFragment, fragment } from '../fragment.ts';
import { type IssuerAnswer, type LedgerReader, LedgerUnreachableError, type RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import type { CheckName } from './check-names.ts';

/**
 * What the registry says, read once for the checks that need it (issuer accredited, anchored, not
 * revoked, signing key). The anchor is read where the receipt points; the issuer's standing and its
 * revocations are read on every trusted registry whatever the receipt says, so no receipt can hide
 * a revocation.
 */
export interface LedgerEvidence {
  receipt: { ok: true; receipt: AnchorReceipt } | { ok: false; fragment: CheckFragment };
  /** The registry's answer for the receipt's root; undefined without a usable receipt. */
  anchor?: Promise<{ ok: true; facts: RegistryFacts } | { ok: false; fragment: CheckFragment }>;
  /** Every trusted registry's answer about the issuer and its revocation of this credential. */
  issuer: Promise<IssuerAnswer[]>;
}

export const unreachable = (check: CheckName, error: unknown) =>
  fragment(check, 'unverifiable', 'ledger_unreachable', {}, { detail: (error as Error).message });

function receiptProblem(read: Exclude<ReceiptForCredential, { ok: true }>, credentialHash: string): CheckFragment {
  switch (read.problem) {
    case 'malformed':
      return fragment('anchored', 'invalid', 'receipt_malformed', { detail: read.detail });
    case 'other_credential':
      return fragment(
        'anchored',
        'invalid',
        'receipt_for_other_credential',
        {},
        { expected: credentialHash, found: read.found },
      );
    case 'proof_mismatch':
      return fragment('anchored', 'invalid', 'proof_mismatch');
  }
}

function readReceipt(receiptInput: unknown, credentialHash: string, ledger: LedgerReader): LedgerEvidence['receipt'] {
  if (receiptInput === undefined) return { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') };
  const read = receiptFor(receiptInput, credentialHash);
  if (!read.ok) return { ok: false, fragment: receiptProblem(read, credentialHash) };
  if (!ledger.trustedRegistry(read.receipt.chainId, read.receipt.registry)) {
    return {
      ok: false,
      fragment: fragment('anchored', 'unverifiable', 'untrusted_registry', {
        chainId: read.receipt.chainId,
        registry: read.receipt.registry,
      }),
    };
  }
  return read;
}

export function gatherLedgerEvidence(
  receiptInput: unknown,
  issuer: string,
  credentialHash: string,
  ledger: LedgerReader,
): LedgerEvidence {
  const receipt = readReceipt(receiptInput, credentialHash, ledger);
  const read = receipt.ok
    ? ledger
        .factsAt(receipt.receipt.chainId, receipt.receipt.registry, receipt.receipt.merkleRoot, issuer, credentialHash)
        .catch((error: unknown) => {
          if (error instanceof LedgerUnreachableError) return error;
          throw error;
        })
    : undefined;
  const anchor = read?.then((outcome) =>
    outcome instanceof LedgerUnreachableError
      ? { ok: false as const, fragment: unreachable('anchored', outcome) }
      : { ok: true as const, facts: outcome },
  );
  const issuerAnswers = (async () => {
    const outcome = await read;
    return ledger.issuerFactsOnEach(issuer, credentialHash, outcome ? [outcome] : []);
  })();
  return { receipt, ...(anchor ? { anchor } : {}), issuer: issuerAnswers };
}

export const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
export const anchoredByIssuer = (f: RegistryFacts) =>
  f.anchor.institutionId !== 0 && f.anchor.institutionId === f.issuerInstitutionId;
export const answered = (answers: IssuerAnswer[]) => answers.flatMap((a) => ('facts' in a ? [a.facts] : []));

/**
 * Why a registry could not be asked, for the first such registry that no answering registry took
 * over (a migration copies institutions and revocations to the successor); undefined when none.
 */
export function unanswered(answers: IssuerAnswer[]): LedgerUnreachableError | undefined {
  const facts = answered(answers);
  const takenOver = (t: TrustedRegistry) =>
    facts.some((f) => f.trusted.migratedFrom?.some((m) => m.chainId === t.chainId && m.registry === t.registry));
  for (const a of answers) if ('error' in a && !takenOver(a.trusted)) return a.error;
  return undefined;
}
