import type { CredentialFormat } from '../types.ts';
import { isSdJwtVc, readSdJwtVc } from './read-credential.ts';
import { readSdJwtVcPresentation, SD_JWT_MEDIA_TYPE } from './read-presentation.ts';
import { sdJwtSigningProblem } from './signing-problem.ts';

/**
 * SD-JWT VC (IETF SD-JWT VC over RFC 9901 SD-JWT, application/dc+sd-jwt) whose claims are a VC 2.0
 * credential: the learner's personal fields and each competency are selectively disclosable, and
 * the credential is bound to the learner's key (`cnf`); presented with a key-binding JWT. Reads the
 * older `vc+sd-jwt` typ as well (W3C VC-JOSE-COSE). docs/verification.md, docs/privacy.md.
 */
export const sdJwtVc = {
  name: 'sd-jwt-vc',
  mediaType: SD_JWT_MEDIA_TYPE,
  dataModel: '2.0',
  recognises: isSdJwtVc,
  read: readSdJwtVc,
  // The SD-JWT library (and the zod it brings) loads when the issuer first signs: a reader, such as
  // the wallet at each start, does not load it (npm run bench wallet).
  sign: async (credential, _issuerDid, signer) => (await import('./sign.ts')).signSdJwtVc(credential, signer),
  signingProblem: sdJwtSigningProblem,
  presentation: {
    name: 'sd-jwt-vc+kb',
    mediaType: SD_JWT_MEDIA_TYPE,
    recognises: isSdJwtVc,
    read: readSdJwtVcPresentation,
  },
} as const satisfies CredentialFormat<'sd-jwt-vc'>;
