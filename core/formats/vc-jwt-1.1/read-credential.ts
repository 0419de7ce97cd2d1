import type { ParsedJws } from '../../jose/compact-jws.ts';
import { hasOwn, isPlainObject, own } from '../../json-limits.ts';
import {
  checkContext,
  checkType,
  fail,
  idOfParty,
  isUrl,
  parseDateTime,
  preview,
  subjectIdsOf,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from '../data-model.ts';
import { numericDateClaim, optionalStringClaim } from '../jwt-claims.ts';
import { checkJwsProof } from '../proof.ts';
import { joseTyp } from '../secured-token.ts';
import type { ReadCredential, SecuredToken } from '../types.ts';
import { credentialFromJwtPayload } from './credential-form.ts';

/** A VC-JWT: typ absent or JWT, the credential in the `vc` claim. */
export const isVcJwt = (token: SecuredToken): boolean =>
  token.jws !== undefined && ['absent', 'jwt'].includes(joseTyp(token.jws)) && hasOwn(token.jws.payload, 'vc');

/** Reads a VC-JWT (VC Data Model 1.1 JWT encoding): structure only, never the signature or the clock. */
export function readVcJwt(token: SecuredToken): ReadCredential {
  const { header, payload } = token.jws as ParsedJws;
  if (hasOwn(header, 'cty')) fail(`a VC-JWT has no content type (cty ${preview(own(header, 'cty'))})`);
  const vc = own(payload, 'vc');
  if (!isPlainObject(vc)) fail('the "vc" claim is not an object');
  const claim = vc as Record<string, unknown>;
  const base = checkContext(own(claim, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'credential');
  checkType(own(claim, 'type'), 'VerifiableCredential', 'credential');
  const iss = own(payload, 'iss');
  if (!isUrl(iss)) fail(`the issuer ("iss") is not a DID or URL (${preview(iss)})`);
  if (own(claim, 'issuer') !== undefined && idOfParty(own(claim, 'issuer'), 'vc.issuer') !== iss)
    fail('"vc.issuer" does not match "iss"');
  const subject = own(claim, 'credentialSubject');
  if (!isPlainObject(subject)) fail('the credentialSubject is not an object');
  const sub = optionalStringClaim(payload, 'sub');
  const subjectId = own(subject as Record<string, unknown>, 'id');
  if (sub !== undefined && subjectId !== undefined && subjectId !== sub)
    fail('"vc.credentialSubject.id" does not match "sub"');
  const jti = optionalStringClaim(payload, 'jti');
  if (jti !== undefined && own(claim, 'id') !== undefined && own(claim, 'id') !== jti)
    fail('"vc.id" does not match "jti"');
  // Checked before credentialFromJwtPayload, which assumes representable dates.
  const nbf = numericDateClaim(payload, 'nbf');
  const exp = numericDateClaim(payload, 'exp');
  numericDateClaim(payload, 'iat');
  const credential = credentialFromJwtPayload(payload);
  if (!credential) return fail('the "vc" claim has no credentialSubject object');
  const subjectIds = subjectIdsOf(credential.credentialSubject);
  const dateOf = (name: string) => {
    const value = own(claim, name);
    if (value === undefined) return undefined;
    const date = parseDateTime(value, base === VC_V2_CONTEXT);
    return date ?? fail(`"vc.${name}" is not an XML Schema dateTime (${preview(value)})`);
  };
  const issuanceDate = dateOf('issuanceDate');
  const expirationDate = dateOf('expirationDate');
  const v2From = dateOf('validFrom');
  const v2Until = dateOf('validUntil');
  const validFrom = nbf ?? issuanceDate ?? v2From;
  const validUntil = exp ?? expirationDate ?? v2Until;
  if (validFrom && validUntil && validUntil < validFrom) fail('the credential expires before it becomes valid');
  if (base === VC_V2_CONTEXT) {
    // A 2.0 credential in a `vc` claim: name its dates as 2.0 does.
    for (const [from, to] of [
      ['issuanceDate', 'validFrom'],
      ['expirationDate', 'validUntil'],
    ] as const) {
      if (hasOwn(credential, from) && !hasOwn(claim, from)) {
        if (!hasOwn(credential, to)) credential[to] = credential[from];
        delete credential[from];
      }
    }
  }
  const jws = token.jws as ParsedJws;
  return {
    format: 'vc-jwt-1.1',
    credential,
    issuer: iss as string,
    subjectIds,
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    checkProof: (keys) => checkJwsProof(jws, iss as string, 'assertionMethod', keys),
  };
}
