import { own } from '../json-limits.ts';
import {
  asList,
  type CredentialFacts,
  checkCredentialV2,
  earlier,
  fail,
  later,
  MAX_LIST,
  MAX_URL_LENGTH,
  parseDateTime,
  preview,
} from './data-model.ts';

/** The registered JWT claims (RFC 7519) that JWT-secured credentials and presentations carry. */

/** Largest |seconds| a JS Date can hold. */
const MAX_NUMERIC_DATE = 8.64e12;

/** A JWT NumericDate claim as a Date; undefined when absent; throws when present but not a usable number. */
export function numericDateClaim(
  payload: Record<string, unknown>,
  claim: 'nbf' | 'exp' | 'iat',
  allowDateString = false,
): Date | undefined {
  const value = own(payload, claim);
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_NUMERIC_DATE)
    return new Date(value * 1000);
  // The VC-JOSE-COSE test vectors carry `iat` as a date string; tolerated for iat only, when well formed.
  if (allowDateString && claim === 'iat') {
    const date = parseDateTime(value, true);
    if (date) return date;
  }
  return fail(`the "${claim}" claim is not a NumericDate (${preview(value)})`);
}

/** `aud`: a string or an array of strings. */
export function audienceOf(payload: Record<string, unknown>): string[] {
  const aud = own(payload, 'aud');
  if (aud === undefined) return [];
  const list = asList(aud);
  if (list.length > MAX_LIST || !list.every((a) => typeof a === 'string' && a.length <= MAX_URL_LENGTH))
    fail('"aud" must be a string or an array of strings');
  return list as string[];
}

/** An optional string claim (nonce, jti, sub). */
export function optionalStringClaim(
  payload: Record<string, unknown>,
  claim: string,
  maxLength = MAX_URL_LENGTH,
): string | undefined {
  const value = own(payload, claim);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > maxLength)
    fail(`the "${claim}" claim is not a string of at most ${maxLength} characters`);
  return value as string;
}

/** A registered claim that duplicates a data-model property (jti/id, iss/issuer, sub) must not conflict with it. */
export function sameAs(
  payload: Record<string, unknown>,
  claim: string,
  value: string | undefined,
  property: string,
): void {
  const claimed = own(payload, claim);
  if (claimed === undefined) return;
  if (typeof claimed !== 'string') fail(`the "${claim}" claim is not a string`);
  if (value !== undefined && claimed !== value)
    fail(`the "${claim}" claim (${preview(claimed)}) does not match "${property}" (${preview(value)})`);
}

/** nbf / exp of a presentation token, checked to make a window (iat only checked to be a date). */
export function presentationTimes(
  payload: Record<string, unknown>,
  allowDateStringIat: boolean,
): { validFrom?: Date; validUntil?: Date } {
  const validFrom = numericDateClaim(payload, 'nbf');
  const validUntil = numericDateClaim(payload, 'exp');
  numericDateClaim(payload, 'iat', allowDateStringIat);
  if (validFrom && validUntil && validUntil < validFrom) fail('the presentation expires before it becomes valid');
  return { ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}) };
}

/**
 * A VC 2.0 credential whose JWT claims carry it (VC-JOSE-COSE, SD-JWT VC): its data model checked,
 * the registered claims that restate it (`iss`, `sub`) agreeing with it, and the validity window
 * that both the data model's dates and `nbf` / `exp` allow.
 */
export function credentialV2InClaims(claims: Record<string, unknown>): CredentialFacts {
  const facts = checkCredentialV2(claims);
  sameAs(claims, 'iss', facts.issuer, 'issuer');
  const sub = optionalStringClaim(claims, 'sub');
  if (sub !== undefined && !facts.subjectIds.includes(sub))
    fail(`the "sub" claim (${preview(sub)}) is not the credentialSubject id`);
  const nbf = numericDateClaim(claims, 'nbf');
  const exp = numericDateClaim(claims, 'exp');
  numericDateClaim(claims, 'iat', true);
  const validFrom = later(facts.validFrom, nbf);
  const validUntil = earlier(facts.validUntil, exp);
  if (validFrom && validUntil && validUntil < validFrom) fail('the credential expires before it becomes valid');
  return {
    issuer: facts.issuer,
    subjectIds: facts.subjectIds,
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}
