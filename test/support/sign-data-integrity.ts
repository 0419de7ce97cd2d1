import { type KeyObject, sign } from 'node:crypto';
import { base58 } from '@scure/base';
import { hashDataOf } from '../../core/formats/data-integrity/canonical-form.ts';

/**
 * Secures a credential (or presentation) with a Data Integrity proof, as another system would, for tests: Skillmark
 * issues no Data Integrity credentials. The bytes signed come from the same hashing the verifier
 * uses, which test/data-integrity.test.ts holds to the specifications' published intermediate values.
 */
export async function signDataIntegrity(
  credential: Record<string, unknown>,
  privateKey: KeyObject,
  verificationMethod: string,
  cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'ecdsa-rdfc-2019' = 'eddsa-rdfc-2022',
  /** For a presentation: `{proofPurpose: 'authentication', challenge, domain}`. */
  options: { proofPurpose?: string; challenge?: string; domain?: string } = {},
): Promise<Record<string, unknown>> {
  const proof = {
    type: 'DataIntegrityProof',
    cryptosuite,
    created: '2026-06-30T10:00:00Z',
    verificationMethod,
    proofPurpose: 'assertionMethod',
    ...options,
  };
  const canonicalisation = cryptosuite === 'eddsa-jcs-2022' ? 'jcs' : 'rdfc';
  const hashed = await hashDataOf(credential, proof, canonicalisation, 'sha256');
  if (!hashed.ok) throw new Error(`cannot sign: ${hashed.reason}`);
  const signature = cryptosuite.startsWith('ecdsa')
    ? sign('sha256', hashed.hashData, { key: privateKey, dsaEncoding: 'ieee-p1363' })
    : sign(null, hashed.hashData, privateKey);
  return { ...credential, proof: { ...proof, proofValue: `z${base58.encode(signature)}` } };
}
