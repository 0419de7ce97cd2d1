import { credentialHash } from '../core/credential-hash.ts';
import { readPresentationToken } from '../core/formats/index.ts';
import { receiptFor } from '../core/receipt.ts';
import type { ChallengeStore } from './challenges.ts';
import { runChecks } from './checks/check.ts';
import { PRESENTATION_CHECKS } from './checks/index.ts';
import { type CheckFragment, fragment, type Verdict, verdictOf } from './fragment.ts';
import { type CredentialResult, type VerifierContext, verifyCredentialToken } from './verify-credential.ts';

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
  if (!read.ok)
    return {
      verdict: 'invalid',
      checks: [fragment('structure', 'invalid', read.reason, { detail: read.detail })],
      credentials: [],
    };
  const vp = read.value;
  const requestCtx = { ...ctx, budget: ctx.budget ?? ctx.keys.requestBudget() }; // one budget for the holder and every credential
  // Of the receipts naming a credential, prefer one whose proof holds: a stray one must not hide it.
  const receiptOf = (hash: string) => {
    const named = vp.anchorReceipts.filter((r) => (r as { credentialHash?: unknown })?.credentialHash === hash);
    return named.find((r) => receiptFor(r, hash).ok) ?? named[0];
  };
  // Verified alongside the presentation's own checks (the holder signature among them).
  const credentials = Promise.all(
    vp.credentialTokens.map((credentialToken) => {
      const hash = credentialHash(credentialToken);
      return verifyCredentialToken(credentialToken, receiptOf(hash), requestCtx, hash);
    }),
  );
  const [presentationChecks, credentialResults] = await Promise.all([
    runChecks(PRESENTATION_CHECKS, {
      presentation: vp,
      expected: options,
      challenges: ctx.challenges,
      credentialSubjects: credentials.then((results) => results.map((c) => c.subjectIds)),
      keys: requestCtx.keys,
      budget: requestCtx.budget,
      now: ctx.now(),
      clockSkewSeconds: ctx.clockSkewSeconds,
    }),
    credentials,
  ]);
  const checks = [
    fragment('structure', 'valid', 'presentation_well_formed', { format: vp.format }),
    ...presentationChecks,
    ...vp.unsupportedCredentials.map((u) =>
      fragment('credential_format', 'unverifiable', 'credential_format_unsupported', {
        format: String((u as { mediaType?: unknown }).mediaType ?? 'unknown').slice(0, 60),
      }),
    ),
  ];
  return {
    verdict: verdictOf([...checks, ...credentialResults.flatMap((c) => c.checks)]),
    holder: vp.holder,
    checks,
    credentials: credentialResults,
  };
}
