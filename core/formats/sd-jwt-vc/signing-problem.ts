import { isPlainObject } from '../../json-limits.ts';
import { holderJwkOf } from './holder-key.ts';

/** The credential's subject id, as the holder binding needs it. */
export const subjectIdOf = (credential: Record<string, unknown>): unknown =>
  isPlainObject(credential.credentialSubject) ? credential.credentialSubject.id : undefined;

/** Why a credential cannot be an SD-JWT VC: it must be bound (`cnf`) to a learner's key the issuer can name. */
export function sdJwtSigningProblem(credential: Record<string, unknown>): string | undefined {
  const subject = subjectIdOf(credential);
  if (typeof subject !== 'string')
    return 'an SD-JWT VC is bound to the learner\'s key: "credentialSubject.id" must be the learner\'s DID';
  if (!holderJwkOf(subject))
    return 'an SD-JWT VC is bound to the learner\'s key: "credentialSubject.id" must be an Ed25519 did:key or a did:jwk';
  return undefined;
}
