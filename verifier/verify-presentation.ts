import { checkChallenge, checkHolderBinding } from './checks/presentation.ts';
import { checkSignature } from './checks/signature.ts';
import type { ChallengeStore } from './challenges.ts';
import { credentialHash } from '../core/credential-hash.ts';
import { fragment, verdictOf, type CheckFragment, type Verdict } from './fragment.ts';
import { JwsFormatError, parseCompactJws } from './jws.ts';
import { jwtOfCredentialInput } from './inputs.ts';
import { verifyCredentialJwt, type CredentialResult, type VerifierContext } from './verify-credential.ts';

export interface PresentationResult {
  verdict: Verdict;
  holder?: string;
  checks: CheckFragment[];
  credentials: CredentialResult[];
}

/** More would not fit a QR code or a phone screen; it bounds the work a request can cause. */
export const MAX_CREDENTIALS_PER_PRESENTATION = 20;
const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

function invalid(reason: 'malformed_jws' | 'malformed_presentation', detail: string): PresentationResult {
  return { verdict: 'invalid', checks: [fragment('structure', 'invalid', reason, { detail })], credentials: [] };
}

/**
 * Verifies a VP-JWT: its structure, the holder's signature, the one-time challenge, that every
 * credential is about the holder, and every credential with its anchor receipt.
 */
export async function verifyPresentationJwt(
  jwt: string,
  options: { challenge?: string; domain?: string },
  ctx: VerifierContext & { challenges: ChallengeStore },
): Promise<PresentationResult> {
  let jws;
  try {
    jws = parseCompactJws(jwt);
  } catch (error) {
    if (!(error instanceof JwsFormatError)) throw error;
    return invalid('malformed_jws', error.message);
  }
  const vp = jws.payload.vp as Record<string, unknown> | undefined;
  if (typeof vp !== 'object' || vp === null || Array.isArray(vp)) return invalid('malformed_presentation', 'there is no "vp" claim');
  const holder = jws.payload.iss;
  if (typeof holder !== 'string' || holder.length > 500 || !DID.test(holder)) return invalid('malformed_presentation', 'the holder ("iss") is not a DID');
  const listed = vp.verifiableCredential === undefined ? [] : Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : [vp.verifiableCredential];
  if (listed.length === 0) return invalid('malformed_presentation', 'it contains no credential');
  if (listed.length > MAX_CREDENTIALS_PER_PRESENTATION) return invalid('malformed_presentation', `it contains more than ${MAX_CREDENTIALS_PER_PRESENTATION} credentials`);
  const jwts: string[] = [];
  for (const item of listed) {
    const credentialJwt = jwtOfCredentialInput(item);
    if (!credentialJwt) return invalid('malformed_presentation', 'a credential in it is neither a VC-JWT nor an enveloped credential');
    jwts.push(credentialJwt);
  }
  const receipts = Array.isArray(vp.anchorReceipts) ? vp.anchorReceipts.slice(0, MAX_CREDENTIALS_PER_PRESENTATION) : [];
  const receiptFor = (credentialJwt: string) => {
    const hash = credentialHash(credentialJwt);
    return receipts.find((r) => (r as { credentialHash?: unknown })?.credentialHash === hash);
  };

  const signature = checkSignature('presentation_signature', jws, holder, ctx.keys);
  const [signatureFragment, challengeFragment, credentials] = await Promise.all([
    signature,
    checkChallenge(jws.payload, options, signature, ctx.challenges, ctx.now()),
    Promise.all(jwts.map((credentialJwt) => verifyCredentialJwt(credentialJwt, receiptFor(credentialJwt), ctx))),
  ]);
  const subjects = credentials.map((c) => {
    const subject = c.credential?.credentialSubject as { id?: unknown } | undefined;
    return typeof subject?.id === 'string' ? subject.id : undefined;
  });
  const checks = [
    fragment('structure', 'valid', 'presentation_well_formed'),
    signatureFragment,
    challengeFragment,
    checkHolderBinding(holder, subjects),
  ];
  return { verdict: verdictOf([...checks, ...credentials.flatMap((c) => c.checks)]), holder, checks, credentials };
}
