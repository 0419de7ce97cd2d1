import { credentialFromJwtPayload } from './credential-form.ts';
import { parseCompactJws, type ParsedJws } from '../jose/compact-jws.ts';
import {
  anchorReceiptsOf,
  audienceOf,
  checkContext,
  checkCredentialV2,
  checkType,
  credentialTokensOf,
  earlier,
  FormatError,
  fail,
  idOfParty,
  isUrl,
  later,
  mediaTypeIs,
  numericDateClaim,
  optionalString,
  parseDateTime,
  show,
  subjectIdsOf,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  type UnsupportedCredential,
} from './data-model.ts';
import { describeShapeProblem, hasOwn, isPlainObject, jsonShapeProblem, own } from '../json-limits.ts';

export { envelopedToken, FormatError, MAX_CREDENTIALS_PER_PRESENTATION, VC_V1_CONTEXT, VC_V2_CONTEXT, isDid, isUrl, type UnsupportedCredential } from './data-model.ts';

export type CredentialFormat = 'vc-jwt-1.1' | 'vc-jose-2.0';
export type PresentationFormat = 'vp-jwt-1.1' | 'vp-jose-2.0';

export interface ReadCredential {
  format: CredentialFormat;
  /** From verifier/jws.ts parseCompactJws; nothing in it is verified yet. */
  jws: ParsedJws;
  /** The credential in W3C JSON form (1.1: the vc claim with the JWT claims mapped back; 2.0: the payload). */
  credential: Record<string, unknown>;
  /** The issuer: a DID, or (VC 2.0 / VC 1.1 allow it) another URL, which no DID resolver will accept. */
  issuer: string;
  /** The credentialSubject id(s). */
  subjectIds: string[];
  /** 1.1: nbf (else issuanceDate); 2.0: validFrom and nbf, the later of the two. */
  validFrom?: Date;
  /** 1.1: exp (else expirationDate); 2.0: validUntil and exp, the earlier of the two. */
  validUntil?: Date;
}

export type ReadFailureReason = 'malformed_jws' | 'malformed_credential' | 'malformed_presentation';
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: ReadFailureReason; detail: string };

export interface ReadPresentation {
  format: PresentationFormat;
  jws: ParsedJws;
  /** 1.1: iss; 2.0: holder (or iss). A DID, or (as the VC-JOSE-COSE vectors have it) another URL. */
  holder: string;
  /** The compact JWS of each credential, in order; each still has to be read and verified. */
  credentialTokens: string[];
  nonce?: string;
  audience: string[];
  anchorReceipts: unknown[];
  /** The presentation in W3C JSON form (1.1: the vp claim with holder/id mapped back; 2.0: the payload). */
  presentation: Record<string, unknown>;
  /** Enveloped credentials in formats this verifier cannot check (SD-JWT, COSE); never silently dropped. */
  unsupportedCredentials: UnsupportedCredential[];
  /** nbf / exp of the presentation token. */
  validFrom?: Date;
  validUntil?: Date;
}

/** Why a reader failed, attributed to the part that failed. */
class ReadError extends FormatError {
  constructor(readonly reason: ReadFailureReason, detail: string) {
    super(detail);
  }
}

type Kind = 'credential' | 'presentation';

function parseToken(token: unknown, kind: Kind): ParsedJws {
  if (typeof token !== 'string') throw new ReadError('malformed_jws', 'the token is not a string');
  let jws: ParsedJws;
  try {
    jws = parseCompactJws(token);
  } catch (error) {
    throw new ReadError('malformed_jws', error instanceof Error ? error.message : 'the token is not a compact JWS');
  }
  const headerShape = jsonShapeProblem(jws.header, 8, 200);
  if (headerShape) throw new ReadError('malformed_jws', `the header is rejected: ${describeShapeProblem(headerShape)}`);
  if (hasOwn(jws.header, 'crit')) throw new ReadError('malformed_jws', 'the header has critical extensions ("crit"), which this verifier does not support');
  if (hasOwn(jws.header, 'b64')) throw new ReadError('malformed_jws', 'unencoded payloads ("b64") are not supported');
  if (typeof own(jws.header, 'alg') !== 'string') throw new ReadError('malformed_jws', 'the header has no "alg"');
  const payloadShape = jsonShapeProblem(jws.payload);
  if (payloadShape) throw new ReadError(kind === 'credential' ? 'malformed_credential' : 'malformed_presentation', `the payload is rejected: ${describeShapeProblem(payloadShape)}`);
  return jws;
}

type TypKind = 'absent' | 'jwt' | 'vc' | 'vp' | 'other';

function typOf(header: Record<string, unknown>): TypKind {
  const typ = own(header, 'typ');
  if (typ === undefined) return 'absent';
  if (mediaTypeIs(typ, 'jwt')) return 'jwt';
  if (mediaTypeIs(typ, 'vc+jwt')) return 'vc';
  if (mediaTypeIs(typ, 'vp+jwt')) return 'vp';
  return 'other';
}

/** Runs a reader, turning every failure (and, defensively, any unexpected exception) into a result. */
function attempt<T>(reason: ReadFailureReason, read: () => T): ReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, reason: error.reason, detail: error.message };
    if (error instanceof FormatError) return { ok: false, reason, detail: error.message };
    return { ok: false, reason, detail: `the token could not be read (${error instanceof Error ? error.name : 'error'})` };
  }
}

/** Checks a registered claim against the data-model property it duplicates (they must not conflict). */
function sameAs(payload: Record<string, unknown>, claim: string, value: string | undefined, property: string): void {
  const claimed = own(payload, claim);
  if (claimed === undefined) return;
  if (typeof claimed !== 'string') fail(`the "${claim}" claim is not a string`);
  if (value !== undefined && claimed !== value) fail(`the "${claim}" claim (${show(claimed)}) does not match "${property}" (${show(value)})`);
}

/**
 * Reads a credential token: a VC-JWT (VC Data Model 1.1, `vc` claim, typ absent or JWT) or a VC
 * Data Model 2.0 credential secured with JOSE (typ vc+jwt, the payload is the credential, no
 * `vc`/`vp` claims). Checks structure only, never the signature or the clock. Never throws.
 */
export function readCredentialToken(token: string): ReadResult<ReadCredential> {
  return attempt('malformed_credential', () => {
    const jws = parseToken(token, 'credential');
    const typ = typOf(jws.header);
    if (typ === 'vc') return readCredentialV2(jws);
    if (typ === 'vp') fail('the token holds a presentation (typ vp+jwt), not a credential');
    if (typ === 'other') fail(`the media type (typ) ${show(own(jws.header, 'typ'))} is not vc+jwt`);
    if (hasOwn(jws.payload, 'vc')) return readCredentialV1(jws);
    if (hasOwn(jws.payload, 'vp')) fail('the token holds a presentation ("vp" claim), not a credential');
    if (hasOwn(jws.payload, '@context')) fail('a VC 2.0 credential secured with JOSE must have the media type (typ) vc+jwt');
    return fail('there is no "vc" claim');
  });
}

function readCredentialV1(jws: ParsedJws): ReadCredential {
  const { header, payload } = jws;
  if (hasOwn(header, 'cty')) fail(`a VC-JWT has no content type (cty ${show(own(header, 'cty'))})`);
  const vc = own(payload, 'vc');
  if (!isPlainObject(vc)) fail('the "vc" claim is not an object');
  const claim = vc as Record<string, unknown>;
  const base = checkContext(own(claim, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'credential');
  checkType(own(claim, 'type'), 'VerifiableCredential', 'credential');
  const iss = own(payload, 'iss');
  if (!isUrl(iss)) fail(`the issuer ("iss") is not a DID or URL (${show(iss)})`);
  if (own(claim, 'issuer') !== undefined && idOfParty(own(claim, 'issuer'), 'vc.issuer') !== iss) fail('"vc.issuer" does not match "iss"');
  const subject = own(claim, 'credentialSubject');
  if (!isPlainObject(subject)) fail('the credentialSubject is not an object');
  const sub = optionalString(payload, 'sub');
  const subjectId = own(subject as Record<string, unknown>, 'id');
  if (sub !== undefined && subjectId !== undefined && subjectId !== sub) fail('"vc.credentialSubject.id" does not match "sub"');
  const jti = optionalString(payload, 'jti');
  if (jti !== undefined && own(claim, 'id') !== undefined && own(claim, 'id') !== jti) fail('"vc.id" does not match "jti"');
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
    return date ?? fail(`"vc.${name}" is not an XML Schema dateTime (${show(value)})`);
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
    for (const [from, to] of [['issuanceDate', 'validFrom'], ['expirationDate', 'validUntil']] as const) {
      if (hasOwn(credential, from) && !hasOwn(claim, from)) {
        if (!hasOwn(credential, to)) credential[to] = credential[from];
        delete credential[from];
      }
    }
  }
  return { format: 'vc-jwt-1.1', jws, credential, issuer: iss as string, subjectIds, ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}) };
}

function readCredentialV2(jws: ParsedJws): ReadCredential {
  const { header, payload } = jws;
  const cty = own(header, 'cty');
  if (cty !== undefined && !mediaTypeIs(cty, 'vc')) fail(`the content type (cty) ${show(cty)} is not vc`);
  if (hasOwn(payload, 'vc') || hasOwn(payload, 'vp')) fail('a VC 2.0 credential secured with JOSE must not carry "vc" or "vp" claims');
  const facts = checkCredentialV2(payload);
  sameAs(payload, 'iss', facts.issuer, 'issuer');
  const sub = optionalString(payload, 'sub');
  if (sub !== undefined && !facts.subjectIds.includes(sub)) fail(`the "sub" claim (${show(sub)}) is not the credentialSubject id`);
  sameAs(payload, 'jti', own(payload, 'id') as string | undefined, 'id');
  const nbf = numericDateClaim(payload, 'nbf');
  const exp = numericDateClaim(payload, 'exp');
  numericDateClaim(payload, 'iat', true);
  const validFrom = later(facts.validFrom, nbf);
  const validUntil = earlier(facts.validUntil, exp);
  if (validFrom && validUntil && validUntil < validFrom) fail('the credential expires before it becomes valid');
  return {
    format: 'vc-jose-2.0',
    jws,
    credential: { ...payload },
    issuer: facts.issuer,
    subjectIds: facts.subjectIds,
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}

/**
 * Reads a presentation token: a VP-JWT (VC Data Model 1.1, `vp` claim) or a VC 2.0 presentation
 * secured with JOSE (typ vp+jwt) holding EnvelopedVerifiableCredentials. Checks structure only;
 * the credentials inside are extracted as compact JWS, each to be read and verified on its own.
 * Never throws.
 */
export function readPresentationToken(token: string): ReadResult<ReadPresentation> {
  return attempt('malformed_presentation', () => {
    const jws = parseToken(token, 'presentation');
    const typ = typOf(jws.header);
    if (typ === 'vp') return readPresentationV2(jws);
    if (typ === 'vc') fail('the token holds a credential (typ vc+jwt), not a presentation');
    if (typ === 'other') fail(`the media type (typ) ${show(own(jws.header, 'typ'))} is not vp+jwt`);
    if (hasOwn(jws.payload, 'vp')) return readPresentationV1(jws);
    if (hasOwn(jws.payload, 'vc')) fail('the token holds a credential ("vc" claim), not a presentation');
    if (hasOwn(jws.payload, '@context')) fail('a VC 2.0 presentation secured with JOSE must have the media type (typ) vp+jwt');
    return fail('there is no "vp" claim');
  });
}

function presentationTimes(payload: Record<string, unknown>, allowDateStringIat: boolean): { validFrom?: Date; validUntil?: Date } {
  const validFrom = numericDateClaim(payload, 'nbf');
  const validUntil = numericDateClaim(payload, 'exp');
  numericDateClaim(payload, 'iat', allowDateStringIat);
  if (validFrom && validUntil && validUntil < validFrom) fail('the presentation expires before it becomes valid');
  return { ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}) };
}

function readPresentationV1(jws: ParsedJws): ReadPresentation {
  const { header, payload } = jws;
  if (hasOwn(header, 'cty')) fail(`a VP-JWT has no content type (cty ${show(own(header, 'cty'))})`);
  const vp = own(payload, 'vp');
  if (!isPlainObject(vp)) fail('the "vp" claim is not an object');
  const claim = vp as Record<string, unknown>;
  checkContext(own(claim, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'presentation');
  checkType(own(claim, 'type'), 'VerifiablePresentation', 'presentation');
  const iss = own(payload, 'iss');
  if (!isUrl(iss)) fail(`the holder ("iss") is not a DID or URL (${show(iss)})`);
  if (own(claim, 'holder') !== undefined && idOfParty(own(claim, 'holder'), 'vp.holder') !== iss) fail('"vp.holder" does not match "iss"');
  const jti = optionalString(payload, 'jti');
  if (jti !== undefined && own(claim, 'id') !== undefined && own(claim, 'id') !== jti) fail('"vp.id" does not match "jti"');
  const { tokens, unsupported } = credentialTokensOf(own(claim, 'verifiableCredential'), true);
  const nonce = optionalString(payload, 'nonce', 1024);
  const presentation: Record<string, unknown> = { ...claim, holder: iss, ...(jti !== undefined ? { id: jti } : {}) };
  return {
    format: 'vp-jwt-1.1',
    jws,
    holder: iss as string,
    credentialTokens: tokens,
    ...(nonce !== undefined ? { nonce } : {}),
    audience: audienceOf(payload),
    anchorReceipts: anchorReceiptsOf(own(claim, 'anchorReceipts')),
    presentation,
    unsupportedCredentials: unsupported,
    ...presentationTimes(payload, false),
  };
}

function readPresentationV2(jws: ParsedJws): ReadPresentation {
  const { header, payload } = jws;
  const cty = own(header, 'cty');
  if (cty !== undefined && !mediaTypeIs(cty, 'vp')) fail(`the content type (cty) ${show(cty)} is not vp`);
  if (hasOwn(payload, 'vc') || hasOwn(payload, 'vp')) fail('a VC 2.0 presentation secured with JOSE must not carry "vc" or "vp" claims');
  checkContext(own(payload, '@context'), [VC_V2_CONTEXT], 'presentation');
  checkType(own(payload, 'type'), 'VerifiablePresentation', 'presentation');
  const id = own(payload, 'id');
  if (id !== undefined && !isUrl(id)) fail(`the presentation "id" is not a URL (${show(id)})`);
  sameAs(payload, 'jti', id as string | undefined, 'id');
  const holderValue = own(payload, 'holder');
  const iss = own(payload, 'iss');
  let holder: string;
  if (holderValue !== undefined) {
    holder = idOfParty(holderValue, 'holder');
    sameAs(payload, 'iss', holder, 'holder');
  } else if (isUrl(iss)) {
    holder = iss;
  } else {
    return fail('the presentation names no holder ("holder" or "iss")');
  }
  const { tokens, unsupported } = credentialTokensOf(own(payload, 'verifiableCredential'), false);
  const nonce = optionalString(payload, 'nonce', 1024);
  return {
    format: 'vp-jose-2.0',
    jws,
    holder,
    credentialTokens: tokens,
    ...(nonce !== undefined ? { nonce } : {}),
    audience: audienceOf(payload),
    anchorReceipts: anchorReceiptsOf(own(payload, 'anchorReceipts')),
    presentation: { ...payload },
    unsupportedCredentials: unsupported,
    ...presentationTimes(payload, true),
  };
}

export type Validity = 'within_validity_period' | 'not_yet_valid' | 'expired';

/** Where `now` falls in a validity window, allowing `skewSeconds` of clock skew either way. */
export function validityAt(window: { validFrom?: Date; validUntil?: Date }, now: Date, skewSeconds = 0): Validity {
  const t = now.getTime();
  if (window.validFrom && window.validFrom.getTime() > t + skewSeconds * 1000) return 'not_yet_valid';
  if (window.validUntil && window.validUntil.getTime() <= t - skewSeconds * 1000) return 'expired';
  return 'within_validity_period';
}
