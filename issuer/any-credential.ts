import { randomUUID } from 'node:crypto';
import type { IssuableTypes } from '../core/config.ts';
import { asList, checkCredentialV2, FormatError, isUrl, preview } from '../core/formats/data-model.ts';
import { HttpProblem } from '../core/http-problem.ts';
import { isPlainObject, own } from '../core/json-limits.ts';
import { claimsOpenBadge, refuseUnlessOpenBadge } from './open-badges/schema.ts';

const refused = (detail: string, errors: string[] = [detail]) =>
  new HttpProblem(422, 'Invalid credential', detail, { errors });

/**
 * The data model's words name the property in quotes ('"credentialSubject.id" is not a URL'): as
 * every issuer error does, the line starts with its JSON pointer (/credentialSubject/id).
 */
function withPointer(detail: string): string {
  const named = /"([A-Za-z@][\w@]*(?:\.[\w@]+)*)"/.exec(detail)?.[1];
  return named ? `/${named.replaceAll('.', '/')} ${detail}` : `(root) ${detail}`;
}

/**
 * `name` and `description` (of the credential and of its issuer): a string, a language value
 * object ({"@value", "@language", "@direction"}) or a list of them (VC Data Model 2.0 §4.6, §11.1).
 */
function checkText(value: unknown, where: string): void {
  if (value === undefined || typeof value === 'string') return;
  for (const item of asList(value)) {
    if (typeof item === 'string') continue;
    const ok =
      isPlainObject(item) &&
      typeof own(item, '@value') === 'string' &&
      Object.keys(item).every((k) => ['@value', '@language', '@direction'].includes(k)) &&
      ['@language', '@direction'].every((k) => own(item, k) === undefined || typeof own(item, k) === 'string');
    if (!ok) throw new FormatError(`"${where}" must be a string or a language value object (${preview(item)})`);
  }
}

/** relatedResource (§5.3): objects, each with a URL id (unique among them) and a digestSRI or digestMultibase. */
function checkRelatedResources(value: unknown): void {
  if (value === undefined) return;
  const seen = new Set<unknown>();
  for (const item of asList(value)) {
    if (!isPlainObject(item) || !isUrl(own(item, 'id')))
      throw new FormatError(`every "relatedResource" must be an object with a URL "id" (${preview(item)})`);
    if (typeof own(item, 'digestSRI') !== 'string' && typeof own(item, 'digestMultibase') !== 'string')
      throw new FormatError('every "relatedResource" must have a "digestSRI" or a "digestMultibase"');
    if (seen.has(own(item, 'id')))
      throw new FormatError(`"relatedResource" lists ${preview(own(item, 'id'))} twice; each id must be unique`);
    seen.add(own(item, 'id'));
  }
}

/** Refuses (422, naming them) the types beside VerifiableCredential this issuer does not sign (ISSUABLE_TYPES). */
export function refuseUnlessIssuable(type: unknown, issuable: IssuableTypes): void {
  if (issuable === '*') return;
  const own = asList(type).filter((t) => t !== 'VerifiableCredential') as string[];
  const refusedTypes = own.length === 0 ? ['VerifiableCredential alone'] : own.filter((t) => !issuable.includes(t));
  if (refusedTypes.length > 0)
    throw refused(
      `"type": this issuer does not issue ${refusedTypes.join(', ')} (ISSUABLE_TYPES: ${issuable.join(', ')}).`,
      [`/type ${refusedTypes.join(', ')} is not issued here`],
    );
}

/**
 * A VC Data Model 2.0 credential of any type the operator allows (ISSUABLE_TYPES), as the request
 * gives it. The issuer adds only what is absent and its own to give (the issuer, an id, and for an
 * Open Badge validFrom: now); everything else is kept as sent or refused with 422 naming the property, never repaired:
 * a missing or misordered @context is refused, not injected. The data model's rules are the
 * verifier's own (core/formats/data-model.ts), so that nothing is signed that a verifier refuses;
 * a credential that claims Open Badges 3.0 must also conform to its schema.
 */
export function anyCredentialFromRequest(
  input: Record<string, unknown>,
  issuerDid: string,
  now: Date,
  issuable: IssuableTypes,
): Record<string, unknown> {
  const absent = (name: string) => !Object.hasOwn(input, name);
  const issuerValue = own(input, 'issuer');
  const candidate: Record<string, unknown> = {
    ...input,
    ...(absent('id') ? { id: `urn:uuid:${randomUUID()}` } : {}),
    ...(absent('issuer') ? { issuer: issuerDid } : {}),
    // Open Badges require validFrom, the issuance date; other credentials may leave it out, and keep it out.
    ...(absent('validFrom') && claimsOpenBadge(own(input, 'type'))
      ? { validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }
      : {}),
  };
  let issuerId: string;
  try {
    issuerId = checkCredentialV2(candidate).issuer;
    checkText(own(candidate, 'name'), 'name');
    checkText(own(candidate, 'description'), 'description');
    if (isPlainObject(issuerValue)) {
      checkText(own(issuerValue, 'name'), 'issuer.name');
      checkText(own(issuerValue, 'description'), 'issuer.description');
    }
    checkRelatedResources(own(candidate, 'relatedResource'));
  } catch (error) {
    if (error instanceof FormatError)
      throw refused(`The credential is not a valid VC 2.0 credential: ${error.message}.`, [withPointer(error.message)]);
    throw error;
  }
  if (issuerId !== issuerDid)
    throw new HttpProblem(
      422,
      'Wrong issuer',
      `This service issues as ${issuerDid}; leave "issuer" out or set it (or its "id") to that DID.`,
      { errors: ['/issuer is not this service'] },
    );
  refuseUnlessIssuable(own(candidate, 'type'), issuable);
  if (claimsOpenBadge(own(candidate, 'type'))) refuseUnlessOpenBadge(candidate);
  return candidate;
}
