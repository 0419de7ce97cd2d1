import { credentialHash } from '../core/credential-hash.ts';
import { parseReceipt, proofLeadsToRoot } from '../core/receipt.ts';
import type { ChallengeStore } from './challenges.ts';
import { checkChallenge, checkHolderBinding } from './checks/presentation.ts';
import { checkHolderSignature } from './checks/did-web-gate.ts';
import { checkValidityPeriod } from './checks/validity.ts';
import { readPresentationToken } from '../core/formats/index.ts';
import { fragment, verdictOf, type CheckFragment, type Verdict } from './fragment.ts';
import { verifyCredentialToken, type CredentialResult, type VerifierContext } from './verify-credential.ts';

function proofHolds(receipt: unknown, hash: string): boolean {
  try {
    return proofLeadsToRoot(parseReceipt(receipt), hash);
  } catch {
    return false;
  }
}

export interface PresentationResult {
  verdict: Verdict;
  holder?: string;
  checks: CheckFragment[];
  credentials: CredentialResult[];
}

/**
 * Verifies a presentation (VP-JWT 1.1 or VC 2.0 + JOSE): its structure and validity window, the
 * holder's signature, the one-time challenge, that every credential is about the holder, and
 * every credential with its anchor receipt.
 */
export async function verifyPresentationToken(
  token: string,
  options: { challenge?: string; domain?: string },
  ctx: VerifierContext & { challenges: ChallengeStore },
): Promise<PresentationResult> {
  const read = readPresentationToken(token);
  if (!read.ok) return { verdict: 'invalid', checks: [fragment('structure', 'invalid', read.reason, { detail: read.detail })], credentials: [] };
  const vp = read.value;
  const requestCtx = { ...ctx, budget: ctx.budget ?? ctx.keys.requestBudget() }; // one budget for the holder and every credential
  // Of the receipts naming a credential, prefer one whose proof holds: a stray one must not hide it.
  const receiptFor = (hash: string) => {
    const named = vp.anchorReceipts.filter((r) => (r as { credentialHash?: unknown })?.credentialHash === hash);
    return named.find((r) => proofHolds(r, hash)) ?? named[0];
  };
  const signature = checkHolderSignature(vp.jws, vp.holder, requestCtx.keys, requestCtx.budget);
  const [signatureFragment, challengeFragment, credentials] = await Promise.all([
    signature,
    checkChallenge(vp, options, signature, ctx.challenges, ctx.now()),
    Promise.all(
      vp.credentialTokens.map((credentialToken) => {
        const hash = credentialHash(credentialToken);
        return verifyCredentialToken(credentialToken, receiptFor(hash), requestCtx, hash);
      }),
    ),
  ]);
  const subjects = credentials.map((c) => c.subjectIds);
  const checks = [
    fragment('structure', 'valid', 'presentation_well_formed', { format: vp.format }),
    signatureFragment,
    challengeFragment,
    checkValidityPeriod('presentation_validity', vp, ctx.now(), ctx.clockSkewSeconds),
    ...(vp.credentialTokens.length + vp.unsupportedCredentials.length === 0
      ? [fragment('credentials', 'skipped', 'no_credentials')]
      : [checkHolderBinding(vp.holder, subjects)]),
    ...vp.unsupportedCredentials.map((u) =>
      fragment('credential_format', 'unverifiable', 'credential_format_unsupported', { format: String((u as { mediaType?: unknown }).mediaType ?? 'unknown').slice(0, 60) }),
    ),
  ];
  return { verdict: verdictOf([...checks, ...credentials.flatMap((c) => c.checks)]), holder: vp.holder, checks, credentials };
}
