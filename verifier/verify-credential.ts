import { credentialHash } from '../core/credential-hash.ts';
import { type ReadCredential, readCredentialToken } from '../core/formats/index.ts';
import { runChecks } from './checks/check.ts';
import { CREDENTIAL_CHECKS } from './checks/index.ts';
import { gatherLedgerEvidence } from './checks/ledger-evidence.ts';
import type { DidKeyResolver } from './did-key-resolver.ts';
import type { FetchBudget } from './did-methods/fetch-budget.ts';
import { type CheckFragment, fragment, type Verdict, verdictOf } from './fragment.ts';
import type { LedgerReader } from './ledger-reader.ts';
import type { StatusListFetcher } from './status-list-fetch.ts';
import { noteTrustBundle } from './trust-bundle/bundle-notes.ts';
import { type CredentialSummary, summarise } from './verify-summary.ts';

export interface VerifierContext {
  keys: DidKeyResolver;
  ledger: LedgerReader;
  now: () => Date;
  clockSkewSeconds: number;
  /** Fetches the status lists credentials name (W3C Bitstring Status List); absent, they are not checked. */
  statusLists?: StatusListFetcher;
  /** The DID-document fetches this request may still cause; a fresh one per request when absent. */
  budget?: FetchBudget;
}

export interface CredentialResult {
  verdict: Verdict;
  checks: CheckFragment[];
  /** The credential in W3C form, when it could be read. */
  credential?: Record<string, unknown>;
  /** What it says (who, what, which institution, when), when its signature holds. */
  summary?: CredentialSummary;
  format?: ReadCredential['format'];
  credentialHash?: string;
  /** Who the credential is about (for holder binding); empty when it could not be read. */
  subjectIds: string[];
}

/** A readable credential (VC-JWT 1.1 or VC 2.0 + JOSE), or the structure fragment saying why not. */
export function readCredential(
  token: string,
): { ok: true; value: ReadCredential } | { ok: false; fragment: CheckFragment } {
  const read = readCredentialToken(token);
  if (read.ok) return read;
  return { ok: false, fragment: fragment('structure', 'invalid', read.reason, { detail: read.detail }) };
}

/**
 * Verifies one credential with its anchor receipt. The checks run concurrently and each explains
 * itself; the verdict is derived from them.
 */
export async function verifyCredentialToken(
  token: string,
  receipt: unknown,
  ctx: VerifierContext,
  hash = credentialHash(token),
): Promise<CredentialResult> {
  const read = readCredential(token);
  if (!read.ok) return { verdict: 'invalid', checks: [read.fragment], subjectIds: [] };
  const { credential, issuer, format, subjectIds } = read.value;
  const evidence = gatherLedgerEvidence(receipt, issuer, hash, ctx.ledger);
  const checks = [
    fragment('structure', 'valid', 'well_formed', { format }),
    ...(await noteTrustBundle(
      await runChecks(CREDENTIAL_CHECKS, {
        credential: read.value,
        credentialHash: hash,
        evidence,
        ledger: ctx.ledger,
        ...(ctx.statusLists ? { statusLists: ctx.statusLists } : {}),
        keys: ctx.keys,
        budget: ctx.budget ?? ctx.keys.requestBudget(),
        now: ctx.now(),
        clockSkewSeconds: ctx.clockSkewSeconds,
      }),
      evidence,
      ctx.ledger,
    )),
  ];
  const summary = summarise(credential, issuer, checks);
  return {
    verdict: verdictOf(checks),
    checks,
    credential,
    ...(summary ? { summary } : {}),
    format,
    credentialHash: hash,
    subjectIds,
  };
}
