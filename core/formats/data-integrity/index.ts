import { fail } from '../data-model.ts';
import type { ReadOnlyCredentialFormat, SecuredToken } from '../types.ts';
import { isEmbeddedProofCredential, readDataIntegrityCredential } from './read-credential.ts';

/**
 * W3C Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019), read and verified, not
 * signed: credentials from other systems (Open Badges 3.0 platforms among them) arrive so.
 */
export const dataIntegrity = {
  name: 'data-integrity',
  mediaType: 'application/vc',
  dataModel: '2.0',
  recognises: isEmbeddedProofCredential,
  read: readDataIntegrityCredential,
  presentation: {
    name: 'data-integrity-vp',
    mediaType: 'application/vp',
    recognises: (token: SecuredToken) => token.json !== undefined,
    read: () =>
      fail(
        'presentations secured with a Data Integrity proof are not verified yet; send a VC 2.0 presentation secured with JOSE (vp+jwt)',
      ),
  },
} as const satisfies ReadOnlyCredentialFormat<'data-integrity'>;
