import { anchored } from './anchored.ts';
import { challenge } from './challenge.ts';
import type { Check } from './check.ts';
import { credentialValidity } from './credential-validity.ts';
import { holderBinding } from './holder-binding.ts';
import { holderSignature } from './holder-signature.ts';
import { issuerAccredited } from './issuer-accredited.ts';
import { issuerSignature } from './issuer-signature.ts';
import { notRevoked } from './not-revoked.ts';
import { presentationValidity } from './presentation-validity.ts';
import { schema } from './schema.ts';
import { signingKey } from './signing-key.ts';
import { statusList } from './status-list.ts';
import type { CredentialSubject, PresentationSubject } from './subjects.ts';

/** The checks every credential gets, in the order their fragments are reported. A new check is one line here. */
export const CREDENTIAL_CHECKS: readonly Check<CredentialSubject>[] = [
  issuerSignature,
  issuerAccredited,
  anchored,
  notRevoked,
  statusList,
  signingKey,
  credentialValidity,
  schema,
];

/** The checks a presentation gets itself; a check waiting on another's outcome comes after it. */
export const PRESENTATION_CHECKS: readonly Check<PresentationSubject>[] = [
  holderSignature,
  challenge,
  presentationValidity,
  holderBinding,
];
