import type { CredentialFormat } from '../types.ts';
import { isVcJwt, readVcJwt } from './read-credential.ts';
import { isVpJwt, readVpJwt } from './read-presentation.ts';
import { signVcJwt } from './sign.ts';

/**
 * VC-JWT, the JWT encoding of VC Data Model 1.1: the format deployed wallets and libraries
 * (did-jwt-vc, Veramo) read today, and so the issuer's default.
 */
export const vcJwt11 = {
  name: 'vc-jwt-1.1',
  mediaType: 'application/jwt',
  dataModel: '1.1',
  recognises: isVcJwt,
  read: readVcJwt,
  sign: signVcJwt,
  presentation: { name: 'vp-jwt-1.1', mediaType: 'application/jwt', recognises: isVpJwt, read: readVpJwt },
} as const satisfies CredentialFormat<'vc-jwt-1.1'>;
