import { own } from '../../json-limits.ts';
import {
  asList,
  checkContext,
  checkCredentialV2,
  checkType,
  earlier,
  fail,
  idOfParty,
  parseDateTime,
  preview,
  subjectIdsOf,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from '../data-model.ts';
import type { ReadCredential, SecuredToken } from '../types.ts';
import { checkDataIntegrityProof, readProof } from './proof.ts';

const MAX_DATA_INTEGRITY_BYTES = 64 * 1024;

/** A credential or presentation with an embedded proof arrives as a JSON object (its text is its JCS form). */
export const isEmbeddedProof = (token: SecuredToken): boolean => token.json !== undefined;

/** VC Data Model 1.1 basics: issuer, subjects, issuanceDate (required) and expirationDate. */
function checkCredentialV1(credential: Record<string, unknown>) {
  checkType(own(credential, 'type'), 'VerifiableCredential', 'credential');
  if (own(credential, 'issuer') === undefined) fail('the credential has no "issuer"');
  const issuer = idOfParty(own(credential, 'issuer'), 'issuer');
  const subjectIds = subjectIdsOf(own(credential, 'credentialSubject'));
  const dateOf = (name: string, required: boolean) => {
    const value = own(credential, name);
    if (value === undefined) return required ? fail(`the credential has no "${name}"`) : undefined;
    return parseDateTime(value, false) ?? fail(`"${name}" is not an XML Schema dateTime (${preview(value)})`);
  };
  const validFrom = dateOf('issuanceDate', true);
  const validUntil = dateOf('expirationDate', false);
  return { issuer, subjectIds, validFrom, ...(validUntil ? { validUntil } : {}) };
}

/** Reads a credential secured with a Data Integrity proof (VC 1.1 or 2.0): structure only, never the proof or the clock. */
export function readDataIntegrityCredential(token: SecuredToken): ReadCredential {
  // JSON-LD expansion costs about 4 ms per KiB of an Open Badge on one core: bound the work one request can cause.
  if (token.text.length > MAX_DATA_INTEGRITY_BYTES)
    fail(`a credential with a Data Integrity proof is checked up to ${MAX_DATA_INTEGRITY_BYTES / 1024} KiB`);
  const credential = token.json as Record<string, unknown>;
  const base = checkContext(own(credential, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'credential');
  const facts = base === VC_V2_CONTEXT ? checkCredentialV2(credential) : checkCredentialV1(credential);
  const proofs = own(credential, 'proof');
  if (proofs === undefined) fail('the credential has no "proof"');
  if (asList(proofs).length !== 1)
    fail('the credential has several proofs (a proof set or chain), which this verifier does not check');
  const proof = readProof(asList(proofs)[0], 'assertionMethod');
  const validUntil = earlier(facts.validUntil, proof.supported ? proof.expires : undefined);
  if (facts.validFrom && validUntil && validUntil < facts.validFrom)
    fail('the credential expires before it becomes valid');
  return {
    format: 'data-integrity',
    credential: { ...credential },
    issuer: facts.issuer,
    subjectIds: facts.subjectIds,
    ...(facts.validFrom ? { validFrom: facts.validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    checkProof: (keys) => checkDataIntegrityProof(credential, proof, facts.issuer, 'assertionMethod', keys),
  };
}
