import type { DidKeyResolver, FetchBudget } from '../did-keys.ts';
import { isHttpsIdentifier } from '../did-methods/controller-document.ts';
import { fragment, type CheckFragment } from '../fragment.ts';
import type { ParsedJws } from '../../core/jose/compact-jws.ts';
import type { LedgerEvidence } from './ledger.ts';
import { checkSignature } from './signature.ts';

const isDidWeb = (did: string) => did.startsWith('did:web:');

/**
 * The issuer's signature. Resolving a did:web or an https identifier (its controller document)
 * means fetching a URL the credential names, so it is done only for an issuer a trusted registry lists: anyone can write a credential, only an
 * authority can put an issuer on the registry. For an unlisted issuer (or when no registry could
 * be asked) nothing is fetched and the signature is skipped; the issuer check decides the verdict.
 */
export async function checkIssuerSignature(jws: ParsedJws, issuer: string, evidence: LedgerEvidence, keys: DidKeyResolver, budget: FetchBudget): Promise<CheckFragment> {
  if (isDidWeb(issuer) || isHttpsIdentifier(issuer)) {
    const answers = await evidence.issuer;
    const listed = answers.some((a) => 'facts' in a && a.facts.issuerInstitutionId !== 0);
    if (!listed) return fragment('signature', 'skipped', isDidWeb(issuer) ? 'did_web_issuer_not_listed' : 'https_issuer_not_listed', { did: issuer.slice(0, 200) });
  }
  return checkSignature('signature', jws, issuer, keys, budget);
}

/**
 * The holder's signature. A holder is on no registry, so a did:web or https holder's document is
 * fetched only when the operator allows such holders (VERIFIER_DID_WEB_HOLDERS=1).
 */
export async function checkHolderSignature(jws: ParsedJws, holder: string, keys: DidKeyResolver, budget: FetchBudget): Promise<CheckFragment> {
  if (isDidWeb(holder) && !keys.webHolders) return fragment('presentation_signature', 'invalid', 'did_web_holder_refused', { did: holder.slice(0, 200) });
  if (isHttpsIdentifier(holder) && !keys.webHolders) return fragment('presentation_signature', 'invalid', 'https_holder_refused', { did: holder.slice(0, 200) });
  return checkSignature('presentation_signature', jws, holder, keys, budget);
}
