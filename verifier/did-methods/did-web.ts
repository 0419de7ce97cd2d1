import { DidKeyError, type MethodContext, type MethodResolver } from './types.ts';
import { fetchWebDocument, isDomainName } from './web-document.ts';

const MAX_DID_WEB_LENGTH = 500;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The https URL of a did:web document (https://w3c-ccg.github.io/did-method-web/):
 * did:web:example.com -> https://example.com/.well-known/did.json,
 * did:web:example.com%3A8443:users:alice -> https://example.com:8443/users/alice/did.json.
 * Throws `did_not_found` for anything that is not a plain domain name with safe path segments.
 */
export function didWebUrl(did: string): string {
  const invalid = (why: string) => new DidKeyError('did_not_found', `invalid did:web ${did.slice(0, 80)}: ${why}`);
  if (did.length > MAX_DID_WEB_LENGTH) throw invalid(`longer than ${MAX_DID_WEB_LENGTH} characters`);
  if (!did.startsWith('did:web:')) throw invalid('not a did:web');
  const [hostPart, ...path] = did.slice('did:web:'.length).split(':');
  if (!hostPart) throw invalid('no domain');
  const portMatch = /^(.+)%3[Aa](\d{1,5})$/.exec(hostPart);
  const host = (portMatch ? portMatch[1]! : hostPart).toLowerCase();
  const port = portMatch ? Number(portMatch[2]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) throw invalid('bad port');
  if (!isDomainName(host)) throw invalid('the domain is not a valid host name');
  for (const segment of path) {
    if (!PATH_SEGMENT.test(segment) || segment === '.' || segment === '..')
      throw invalid('a path segment has characters outside [A-Za-z0-9._~-]');
  }
  const authority = port === undefined ? host : `${host}:${port}`;
  return path.length === 0
    ? `https://${authority}/.well-known/did.json`
    : `https://${authority}/${path.join('/')}/did.json`;
}

export const DID_WEB_DEFAULT_TTL_MS = 5 * 60_000;

/** did:web: the document is fetched over https with `fetch` (see fetchWebDocument for how). */
export function didWebResolver(fetch: typeof globalThis.fetch): MethodResolver {
  const resolve = (did: string, context: MethodContext) =>
    fetchWebDocument(did, didWebUrl(did), 'DID document', { ...context, fetch });
  return Object.assign(resolve, { fetchesNamedUrl: true as const });
}
