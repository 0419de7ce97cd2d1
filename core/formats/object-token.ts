import { isPlainObject, own } from '../json-limits.ts';
import { embeddedProofToken } from './data-integrity/token.ts';

/**
 * The token of a credential or presentation sent as a JSON object rather than as a compact token:
 * Veramo's object form of a JWT (`proof.type` JwtProof2020, the JWT in `proof.jwt`) is the JWT
 * inside it, which alone is signed (the object around it is Veramo's unsigned rendering, so it is
 * not read); one with an embedded proof (Data Integrity) is its JCS form. Undefined for anything else.
 */
export function securedObjectToken(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const proof = own(value, 'proof');
  if (isPlainObject(proof) && own(proof, 'type') === 'JwtProof2020') {
    const jwt = own(proof, 'jwt');
    return typeof jwt === 'string' ? jwt : undefined;
  }
  return embeddedProofToken(value);
}
