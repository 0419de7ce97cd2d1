import { DidKeyError, type MethodContext, type MethodResolver } from './types.ts';
import { fetchWebDocument, isDomainName } from './web-document.ts';

const MAX_URL_LENGTH = 500;

/** Whether an issuer or holder is identified by an https URL rather than a DID. */
export const isHttpsIdentifier = (id: string) => id.startsWith('https://');

/**
 * The URL an https identifier's controller document is fetched from: the identifier itself
 * (W3C Controlled Identifiers 1.0; VC-JOSE-COSE, "Using Controlled Identifier Documents"). Only a
 * plain https URL on a domain name, with no user info, query or fragment, in its canonical
 * spelling (so one document has one identifier); `did_not_found` otherwise.
 */
export function controllerDocumentUrl(id: string): string {
  const invalid = (why: string) =>
    new DidKeyError('did_not_found', `invalid https identifier ${id.slice(0, 80)}: ${why}`);
  if (id.length > MAX_URL_LENGTH) throw invalid(`longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(id);
  } catch {
    throw invalid('not a URL');
  }
  if (url.protocol !== 'https:') throw invalid('not https');
  if (url.username || url.password) throw invalid('it has user info');
  if (url.search || url.hash || id.includes('?') || id.includes('#')) throw invalid('it has a query or a fragment');
  if (!isDomainName(url.hostname)) throw invalid('the host is not a domain name');
  if (url.href !== id && url.href !== `${id}/`) throw invalid('not in canonical form');
  return url.href;
}

/** https identifiers: the controller document is fetched from the identifier with `fetch` (see fetchWebDocument for how). */
export function controllerDocumentResolver(fetch: typeof globalThis.fetch): MethodResolver {
  const resolve = (id: string, context: MethodContext) =>
    fetchWebDocument(id, controllerDocumentUrl(id), 'controller document', { ...context, fetch });
  return Object.assign(resolve, { fetchesNamedUrl: true as const });
}
