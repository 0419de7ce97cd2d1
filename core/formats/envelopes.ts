import { MAX_JWS_LENGTH } from '../jose/compact-jws.ts';
import { isPlainObject, own } from '../json-limits.ts';
import { asList, checkContext, fail, MAX_CREDENTIALS_PER_PRESENTATION, preview, VC_V2_CONTEXT } from './data-model.ts';
import type { EnvelopedCredentialToken } from './types.ts';

/** Enveloped credentials and presentations (VC Data Model 2.0 §4.13): secured data in a `data:` URL. */

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const isCompactJws = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_JWS_LENGTH && COMPACT_JWS.test(value);

/** Credential media types whose data is a compact JWS. */
const JWT_MEDIA_TYPES = new Set(['application/vc+jwt', 'application/jwt']);
/** Whether `data` can be the data of `mediaType`: a compact JWS for the JWT types, else any bounded text the format's reader will judge. */
const fitsMediaType = (mediaType: string, data: string) =>
  JWT_MEDIA_TYPES.has(mediaType) || mediaType === 'application/vp+jwt'
    ? isCompactJws(data)
    : data.length > 0 && data.length <= MAX_JWS_LENGTH;
/**
 * Other secured credential media types in use: SD-JWT, COSE, and the legacy vc-ld+jwt (earlier
 * drafts of VC-JOSE-COSE). A presentation may carry them; whether one can be checked depends on
 * the formats registered in core/formats/index.ts, never on this list.
 */
const OTHER_SECURED_MEDIA_TYPES = new Set([
  'application/vc+sd-jwt',
  'application/dc+sd-jwt',
  'application/vc+cose',
  'application/vc-ld+jwt',
]);
const DATA_URL = /^data:([^,;]*)((?:;[^,;]*)*),/;

/**
 * An envelope is itself a verifiable credential or presentation (VC Data Model 2.0 §4.13): its
 * `@context` must be present with the VC 2.0 base context first (a lone string of it is the
 * compacted form the specification's own examples use).
 */
function checkEnvelopeContext(envelope: Record<string, unknown>, what: string): void {
  checkContext(own(envelope, '@context'), [VC_V2_CONTEXT], what);
}

/**
 * The secured token inside a VC API request's `verifiableCredential` / `verifiablePresentation`
 * object: an EnvelopedVerifiableCredential or EnvelopedVerifiablePresentation whose id is a
 * `data:` URL of one of `mediaTypes` (those a registered format reads); undefined for anything else. Throws a FormatError for such an
 * envelope whose `@context` is not VC 2.0's.
 */
export function envelopedTokenOf(value: unknown, mediaTypes: ReadonlySet<string>): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const envelope = value as Record<string, unknown>;
  const types = asList(own(envelope, 'type'));
  const isCredential = types.includes('EnvelopedVerifiableCredential');
  if (!isCredential && !types.includes('EnvelopedVerifiablePresentation')) return undefined;
  const id = own(envelope, 'id');
  const match = typeof id === 'string' ? DATA_URL.exec(id) : null;
  if (match?.[2] !== '' || !mediaTypes.has(match[1]!.toLowerCase())) return undefined;
  const token = (id as string).slice(match[0].length);
  if (!fitsMediaType(match[1]!.toLowerCase(), token)) return undefined;
  checkEnvelopeContext(envelope, isCredential ? 'enveloped credential' : 'enveloped presentation');
  return token;
}

/**
 * Every credential in a presentation's `verifiableCredential`: enveloped credentials
 * (`data:application/vc+jwt,…`, `data:application/jwt,…`, SD-JWT, COSE) and, in a VC 1.1 VP, bare
 * JWT strings. Anything else (unsecured embedded credentials, other media types, garbage) makes the
 * presentation malformed. JWT data is only checked to be a compact JWS here; each credential is
 * read and verified on its own.
 */
export function envelopedCredentialsOf(value: unknown, allowBareJwt: boolean): EnvelopedCredentialToken[] {
  const items = value === undefined ? [] : asList(value);
  if (items.length > MAX_CREDENTIALS_PER_PRESENTATION)
    fail(`it contains more than ${MAX_CREDENTIALS_PER_PRESENTATION} credentials`);
  return items.map((item, index) => {
    const which = `credential ${index + 1}`;
    if (typeof item === 'string') {
      if (!allowBareJwt)
        fail(`${which} is a string; a VC 2.0 presentation holds EnvelopedVerifiableCredential objects`);
      if (!isCompactJws(item)) fail(`${which} is not a compact JWS`);
      return { index, mediaType: 'application/jwt', token: item };
    }
    if (!isPlainObject(item)) fail(`${which} is neither a JWT nor an enveloped credential`);
    const types = asList(own(item as Record<string, unknown>, 'type'));
    if (!types.includes('EnvelopedVerifiableCredential'))
      fail(`${which} is not secured: credentials in a presentation must be EnvelopedVerifiableCredential objects`);
    const id = own(item as Record<string, unknown>, 'id');
    if (typeof id !== 'string' || id.length > MAX_JWS_LENGTH + 100) fail(`${which} has no data: URL id`);
    const match = DATA_URL.exec(id as string);
    if (!match) fail(`${which}'s id is not a data: URL (${preview(id)})`);
    const mediaType = match![1]!.toLowerCase();
    const params = match![2]!;
    const data = (id as string).slice(match![0].length);
    if (JWT_MEDIA_TYPES.has(mediaType) && params === '') {
      if (!isCompactJws(data)) fail(`${which}'s data: URL does not hold a compact JWS`);
    } else if (OTHER_SECURED_MEDIA_TYPES.has(mediaType)) {
      if (data.length === 0) fail(`${which}'s data: URL is empty`);
    } else {
      fail(`${which} has the media type ${preview(mediaType + params)}, which is not a secured credential`);
    }
    checkEnvelopeContext(item as Record<string, unknown>, `envelope of ${which}`);
    return { index, mediaType, token: data };
  });
}

/** The EnvelopedVerifiableCredential that carries a secured credential of `mediaType` in a VC 2.0 presentation or a VC API answer. */
export function envelopedCredential(
  token: string,
  mediaType = 'application/vc+jwt',
): { '@context': string; type: 'EnvelopedVerifiableCredential'; id: string } {
  return { '@context': VC_V2_CONTEXT, type: 'EnvelopedVerifiableCredential', id: `data:${mediaType},${token}` };
}
