import { hasOwn, isPlainObject, own } from '../json-limits.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../vc-contexts.ts';

export { VC_V1_CONTEXT, VC_V2_CONTEXT };

/** More would not fit a QR code or a phone screen; it bounds the work a request can cause. */
export const MAX_CREDENTIALS_PER_PRESENTATION = 20;

export const MAX_URL_LENGTH = 2048;
export const MAX_LIST = 100;

/** Thrown inside the readers; always caught and turned into `{ ok: false, reason, detail }`. */
export class FormatError extends Error {}

export const fail = (detail: string): never => {
  throw new FormatError(detail);
};

/** A short, printable rendering of an untrusted value for error details. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : value === undefined
          ? 'undefined'
          : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const URL_SYNTAX = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/** An absolute URL (any scheme: https, did, urn, data…), without white space. */
export const isUrl = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_URL_LENGTH && URL_SYNTAX.test(value);

/** Case-insensitive media type match, with or without the "application/" prefix (RFC 7515 §4.1.9). */
export function mediaTypeIs(value: unknown, subtype: string): boolean {
  if (typeof value !== 'string' || value.length > 100) return false;
  const v = value.toLowerCase();
  return v === subtype || v === `application/${subtype}`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,12})?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An XML Schema dateTime as a Date; with `requireZone` (dateTimeStamp, as VC 2.0 requires) the
 * time zone is mandatory, else a missing zone means UTC. Four-digit years only.
 */
export function parseDateTime(value: unknown, requireZone: boolean): Date | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (requireZone && !zone) return undefined;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined; // e.g. 02-30
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3)),
      zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59 || (zh === 14 && zm !== 0)) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  const millis = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return Number.isFinite(time) ? new Date(time) : undefined;
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The @context: an ordered set (a bare string is tolerated) whose first item is one of `bases`. */
export function checkContext(value: unknown, bases: readonly string[], what: string): string {
  if (value === undefined) fail(`the ${what} has no "@context"`);
  const list = asList(value);
  if (list.length === 0 || list.length > 50) fail(`the ${what}'s "@context" must list 1 to 50 entries`);
  if (!bases.includes(list[0] as string))
    fail(`the ${what}'s first "@context" is ${preview(list[0])}, not ${bases.join(' or ')}`);
  for (const entry of list) {
    if (!isUrl(entry) && !isPlainObject(entry))
      fail(`the ${what}'s "@context" holds ${preview(entry)}, which is neither a URL nor an object`);
  }
  return list[0] as string;
}

/** `type`: a term or a set of terms that includes `required`. */
export function checkType(value: unknown, required: string, what: string): string[] {
  if (value === undefined) fail(`the ${what} has no "type"`);
  const list = asList(value);
  if (
    list.length === 0 ||
    list.length > 50 ||
    !list.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_URL_LENGTH)
  ) {
    fail(`the ${what}'s "type" must be one to 50 non-empty strings`);
  }
  if (!list.includes(required)) fail(`the ${what}'s "type" does not include ${required}`);
  return list as string[];
}

/** `issuer` / `holder`: a URL, or an object whose `id` is one. */
export function idOfParty(value: unknown, name: string): string {
  if (isUrl(value)) return value;
  if (isPlainObject(value)) {
    const id = own(value, 'id');
    if (isUrl(id)) return id;
    return fail(`"${name}.id" is not a URL (${preview(id)})`);
  }
  return fail(`"${name}" is neither a URL nor an object with an id (${preview(value)})`);
}

/** credentialSubject: one or more non-empty objects, each with an optional URL id; their ids. */
export function subjectIdsOf(value: unknown): string[] {
  if (value === undefined) fail('the credential has no "credentialSubject"');
  const subjects = asList(value);
  if (subjects.length === 0 || subjects.length > MAX_LIST)
    fail(`"credentialSubject" must hold 1 to ${MAX_LIST} objects`);
  const ids: string[] = [];
  for (const subject of subjects) {
    if (!isPlainObject(subject) || Object.keys(subject).length === 0)
      fail('"credentialSubject" must hold non-empty objects');
    const id = own(subject as Record<string, unknown>, 'id');
    if (id !== undefined) {
      if (!isUrl(id)) fail(`"credentialSubject.id" is not a URL (${preview(id)})`);
      ids.push(id as string);
    }
  }
  return ids;
}

/** The VC 2.0 properties (and JWT claims) a credential's top level may hold without further ado. */
const KNOWN_CREDENTIAL_MEMBERS = new Set([
  '@context',
  'id',
  'type',
  'name',
  'description',
  'issuer',
  'credentialSubject',
  'validFrom',
  'validUntil',
  'credentialStatus',
  'credentialSchema',
  'refreshService',
  'termsOfUse',
  'evidence',
  'proof',
  'relatedResource',
  'renderMethod',
  'confidenceMethod',
  'iss',
  'sub',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  'cnf',
  'status',
]);

/** Extension points whose every object must declare a type (and credentialSchema an id too). */
const TYPED_EXTENSION_POINTS = [
  'credentialStatus',
  'credentialSchema',
  'refreshService',
  'termsOfUse',
  'evidence',
  'renderMethod',
  'confidenceMethod',
  'proof',
];

/**
 * Typed extension points, and no untyped extension data at the top level: an object there that is
 * neither typed nor a link (`id`) cannot be understood (the VC-JOSE-COSE "unknown extensions"
 * cases). Typed or linked extensions (Open Badges' `image`, `endorsement`…) and plain values pass.
 */
export function checkExtensions(credential: Record<string, unknown>): void {
  for (const point of TYPED_EXTENSION_POINTS) {
    const value = own(credential, point);
    if (value === undefined) continue;
    const items = asList(value);
    if (items.length === 0 || items.length > MAX_LIST) fail(`"${point}" must hold 1 to ${MAX_LIST} objects`);
    for (const item of items) {
      if (!isPlainObject(item)) fail(`"${point}" must hold objects`);
      const type = own(item as Record<string, unknown>, 'type');
      if (type === undefined || !asList(type).every((t) => typeof t === 'string' && t.length > 0))
        fail(`every "${point}" must have a "type"`);
      const id = own(item as Record<string, unknown>, 'id');
      if (id !== undefined && !isUrl(id)) fail(`"${point}.id" is not a URL (${preview(id)})`);
      if (point === 'credentialSchema' && id === undefined) fail('every "credentialSchema" must have an "id"');
    }
  }
  for (const name of Object.keys(credential)) {
    if (KNOWN_CREDENTIAL_MEMBERS.has(name)) continue;
    const items = asList(own(credential, name));
    for (const item of items) {
      if (isPlainObject(item) && !hasOwn(item, 'type') && !hasOwn(item, 'id')) {
        fail(`the top-level member ${preview(name)} is an extension without a "type", which cannot be understood`);
      }
    }
  }
}

/** The checked parts of a VC 2.0 credential. */
export interface CredentialFacts {
  issuer: string;
  subjectIds: string[];
  validFrom?: Date;
  validUntil?: Date;
}

/** VC Data Model 2.0 basics of a credential (the JWS payload of application/vc+jwt). */
export function checkCredentialV2(credential: Record<string, unknown>): CredentialFacts {
  checkContext(own(credential, '@context'), [VC_V2_CONTEXT], 'credential');
  checkType(own(credential, 'type'), 'VerifiableCredential', 'credential');
  const id = own(credential, 'id');
  if (id !== undefined && !isUrl(id)) fail(`the credential "id" is not a URL (${preview(id)})`);
  if (own(credential, 'issuer') === undefined) fail('the credential has no "issuer"');
  const issuer = idOfParty(own(credential, 'issuer'), 'issuer');
  const subjectIds = subjectIdsOf(own(credential, 'credentialSubject'));
  const dates: { validFrom?: Date; validUntil?: Date } = {};
  for (const name of ['validFrom', 'validUntil'] as const) {
    const value = own(credential, name);
    if (value === undefined) continue;
    const date = parseDateTime(value, true);
    if (!date) fail(`"${name}" is not an XML Schema dateTimeStamp (${preview(value)})`);
    dates[name] = date;
  }
  if (dates.validFrom && dates.validUntil && dates.validUntil < dates.validFrom)
    fail('"validUntil" is before "validFrom"');
  checkExtensions(credential);
  return { issuer, subjectIds, ...dates };
}

/** Anchor receipts riding along in a presentation: absent, or an array of at most 20. */
export function anchorReceiptsOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail('"anchorReceipts" is not an array');
  if (value.length > MAX_CREDENTIALS_PER_PRESENTATION)
    fail(`"anchorReceipts" holds more than ${MAX_CREDENTIALS_PER_PRESENTATION} receipts`);
  return value;
}

const later = (a?: Date, b?: Date) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a?: Date, b?: Date) => (a && b ? (a < b ? a : b) : (a ?? b));

export { earlier, later };
