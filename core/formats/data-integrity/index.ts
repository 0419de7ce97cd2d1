import type { ReadOnlyCredentialFormat } from '../types.ts';
import { isEmbeddedProof, readDataIntegrityCredential } from './read-credential.ts';
import { readDataIntegrityPresentation } from './read-presentation.ts';

/**
 * W3C Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019), read and verified, not
 * signed: credentials and presentations from other systems (Open Badges 3.0 platforms among them)
 * arrive so.
 */
export const dataIntegrity = {
  name: 'data-integrity',
  mediaType: 'application/vc',
  dataModel: '2.0',
  recognises: isEmbeddedProof,
  read: readDataIntegrityCredential,
  presentation: {
    name: 'data-integrity-vp',
    mediaType: 'application/vp',
    recognises: isEmbeddedProof,
    read: readDataIntegrityPresentation,
  },
} as const satisfies ReadOnlyCredentialFormat<'data-integrity'>;
