import { credentialHash } from '../core/credential-hash.ts';
import { checkIssuerSignature } from './checks/did-web-gate.ts';
import { checkAnchored, checkIssuerAccredited, checkNotRevoked, gatherLedgerEvidence } from './checks/ledger.ts';
import { checkSchema } from './checks/schema.ts';
import { checkSigningKey } from './checks/signing-key.ts';
import { checkValidityPeriod } from './checks/validity.ts';
import type { DidKeyResolver, FetchBudget } from './did-keys.ts';
import { readCredentialToken, type ReadCredential } from '../core/formats/index.ts';
import { fragment, verdictOf, type CheckFragment, type Verdict } from './fragment.ts';
import type { LedgerReader } from './ledger-reader.ts';

export interface VerifierContext {
  keys: DidKeyResolver;
  ledger: LedgerReader;
  now: () => Date;
  clockSkewSeconds: number;
  /** The DID-document fetches this request may still cause; a fresh one per request when absent. */
  budget?: FetchBudget;
}

export interface CredentialResult {
  verdict: Verdict;
  checks: CheckFragment[];
  /** The credential in W3C form, when it could be read. */
  credential?: Record<string, unknown>;
  format?: ReadCredential['format'];
  credentialHash?: string;
  /** Who the credential is about (for holder binding); empty when it could not be read. */
  subjectIds: string[];
}

/** A readable credential (VC-JWT 1.1 or VC 2.0 + JOSE), or the structure fragment saying why not. */
export function readCredential(token: string): { ok: true; value: ReadCredential } | { ok: false; fragment: CheckFragment } {
  const read = readCredentialToken(token);
  if (read.ok) return read;
  return { ok: false, fragment: fragment('structure', 'invalid', read.reason, { detail: read.detail }) };
}

/**
 * Verifies one credential with its anchor receipt. The checks run concurrently and each explains
 * itself; the verdict is derived from them.
 */
export async function verifyCredentialToken(token: string, receipt: unknown, ctx: VerifierContext, hash = credentialHash(token)): Promise<CredentialResult> {
  const read = readCredential(token);
  if (!read.ok) return { verdict: 'invalid', checks: [read.fragment], subjectIds: [] };
  const { jws, credential, issuer, format, subjectIds } = read.value;
  const evidence = gatherLedgerEvidence(receipt, issuer, hash, ctx.ledger);
  const checks = await Promise.all([
    fragment('structure', 'valid', 'well_formed', { format }),
    checkIssuerSignature(jws, issuer, evidence, ctx.keys, ctx.budget ?? ctx.keys.requestBudget()),
    checkIssuerAccredited(evidence, issuer),
    checkAnchored(evidence, ctx.now()),
    checkNotRevoked(evidence),
    checkSigningKey(evidence),
    checkValidityPeriod('validity_period', read.value, ctx.now(), ctx.clockSkewSeconds),
    checkSchema(credential),
  ]);
  return { verdict: verdictOf(checks), checks, credential, format, credentialHash: hash, subjectIds };
}
