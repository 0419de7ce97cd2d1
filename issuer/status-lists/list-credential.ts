import { type CredentialFormatName, formatNamed } from '../../core/formats/index.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../../core/vc-contexts.ts';
import type { SigningIdentity } from '../identity.ts';

/** How long a verifier may cache the list (Cache-Control and the credential's `ttl`, in milliseconds there). */
export const LIST_MAX_AGE_SECONDS = 300;

/**
 * The status list credential (W3C Bitstring Status List v1.0 § 2.2), signed in the configured
 * credential format with the institution's current key. Its `encodedList` is the one committed on
 * the ledger; the signed token around it may differ from one signing to the next.
 */
export async function signListCredential(
  list: { url: string; purpose: string; encodedList: string; publishedAt: Date },
  formatName: CredentialFormatName,
  identity: SigningIdentity,
): Promise<{ token: string; mediaType: string }> {
  const format = formatNamed(formatName)!;
  const issued = list.publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const dates = format.dataModel === '2.0' ? { validFrom: issued } : { issuanceDate: issued };
  const credential = {
    '@context': [format.dataModel === '2.0' ? VC_V2_CONTEXT : VC_V1_CONTEXT],
    id: list.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: identity.did,
    ...dates,
    credentialSubject: {
      id: `${list.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: list.purpose,
      encodedList: list.encodedList,
      ttl: LIST_MAX_AGE_SECONDS * 1000,
    },
  };
  return { token: await format.sign(credential, identity.did, identity.joseSigner), mediaType: format.mediaType };
}
