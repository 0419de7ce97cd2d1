import { isHttpsIdentifier } from '../did-methods/controller-document.ts';
import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import { checkSignature, ISSUER_SIGNATURE, isDidWeb } from './signature.ts';
import type { CredentialSubject } from './subjects.ts';

/**
 * The issuer's signature. Resolving a did:web or an https identifier (its controller document)
 * means fetching a URL the credential names, so it is done only for an issuer a trusted registry
 * lists: anyone can write a credential, only an authority can put an issuer on the registry. For an
 * unlisted issuer (or when no registry could be asked) nothing is fetched and the signature is
 * skipped; the issuer check decides the verdict.
 */
export const issuerSignature: Check<CredentialSubject> = {
  name: 'signature',
  async skip({ credential: { issuer }, evidence }) {
    if (!isDidWeb(issuer) && !isHttpsIdentifier(issuer)) return undefined;
    const answers = await evidence.issuer;
    if (answers.some((a) => 'facts' in a && a.facts.issuerInstitutionId !== 0)) return undefined;
    return fragment(
      'signature',
      'skipped',
      isDidWeb(issuer) ? 'did_web_issuer_not_listed' : 'https_issuer_not_listed',
      { did: issuer.slice(0, 200) },
    );
  },
  verify: ({ credential, keys, budget }) =>
    checkSignature(ISSUER_SIGNATURE, credential, credential.issuer, keys, budget),
};
