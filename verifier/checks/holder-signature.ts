import { isHttpsIdentifier } from '../did-methods/controller-document.ts';
import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import { checkSignature, HOLDER_SIGNATURE, isDidWeb } from './signature.ts';
import type { PresentationSubject } from './subjects.ts';

/**
 * The holder's signature. A holder is on no registry, so a did:web or https holder's document is
 * fetched only when the operator allows such holders (VERIFIER_DID_WEB_HOLDERS=1).
 */
export const holderSignature: Check<PresentationSubject> = {
  name: 'presentation_signature',
  verify({ presentation, keys, budget }) {
    const { holder } = presentation;
    if (isDidWeb(holder) && !keys.webHolders)
      return fragment('presentation_signature', 'invalid', 'did_web_holder_refused', { did: holder.slice(0, 200) });
    if (isHttpsIdentifier(holder) && !keys.webHolders)
      return fragment('presentation_signature', 'invalid', 'https_holder_refused', { did: holder.slice(0, 200) });
    return checkSignature(HOLDER_SIGNATURE, presentation, holder, keys, budget);
  },
};
