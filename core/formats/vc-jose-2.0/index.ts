import type { CredentialFormat } from '../types.ts';
import { isVcJose, readVcJose } from './read-credential.ts';
import { isVpJose, readVpJose } from './read-presentation.ts';
import { signVcJose } from './sign.ts';

/** VC Data Model 2.0 secured with JOSE (W3C VC-JOSE-COSE): application/vc+jwt and application/vp+jwt. */
export const vcJose20 = {
  name: 'vc-jose-2.0',
  mediaType: 'application/vc+jwt',
  dataModel: '2.0',
  recognises: isVcJose,
  read: readVcJose,
  sign: (credential, _issuerDid, signer) => signVcJose(credential, signer),
  presentation: { name: 'vp-jose-2.0', mediaType: 'application/vp+jwt', recognises: isVpJose, read: readVpJose },
} as const satisfies CredentialFormat<'vc-jose-2.0'>;
