import { describeShapeProblem, isPlainObject, jsonShapeProblem } from '../formats/json-limits.ts';
import { BoundedFetchError, fetchBounded } from './http.ts';
import { DidKeyError, type DidDocument, type MethodContext, type MethodResolution } from './types.ts';

const MAX_DID_WEB_LENGTH = 500;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
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
  if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) throw invalid('the domain is not a valid host name');
  for (const segment of path) {
    if (!PATH_SEGMENT.test(segment) || segment === '.' || segment === '..') throw invalid('a path segment has characters outside [A-Za-z0-9._~-]');
  }
  const authority = port === undefined ? host : `${host}:${port}`;
  return path.length === 0 ? `https://${authority}/.well-known/did.json` : `https://${authority}/${path.join('/')}/did.json`;
}

export const DID_WEB_DEFAULT_TTL_MS = 5 * 60_000;

/**
 * Resolves a did:web over https with the context's fetch (which decides which addresses may be
 * contacted), deadline and size cap. Every way of not getting an answer (a
 * refused address, a closed port, a timeout, a TLS failure) gives the same message, which names
 * neither an address nor a port nor the underlying error: the answer must not tell an internal
 * network apart.
 */
export async function resolveDidWeb(did: string, context: MethodContext): Promise<MethodResolution> {
  const url = didWebUrl(did);
  let response;
  try {
    response = await fetchBounded(context.fetch, url, { headers: { accept: 'application/did+json, application/did+ld+json, application/json' } }, context.timeoutMs, context.maxDocumentBytes);
  } catch (error) {
    if (error instanceof BoundedFetchError) {
      if (error.kind === 'too_large') throw new DidKeyError('did_not_found', `the DID document of ${did} is rejected: ${error.message}`);
      throw new DidKeyError('did_resolution_failed', `the DID document of ${did} could not be fetched`);
    }
    throw error;
  }
  const { status } = response;
  if (status === 404 || status === 410) throw new DidKeyError('did_not_found', `${url} answered ${status}: ${did} does not exist`);
  if (status >= 300 && status < 400) throw new DidKeyError('did_not_found', `${url} answered with a redirect (${status}), which is not followed`);
  if (status >= 500 || status === 408 || status === 429) throw new DidKeyError('did_resolution_failed', `${url} answered ${status}; try again later`);
  if (status !== 200) throw new DidKeyError('did_not_found', `${url} answered ${status}`);
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.body));
  } catch {
    throw new DidKeyError('did_not_found', `the DID document of ${did} is not UTF-8 JSON`);
  }
  if (!isPlainObject(document)) throw new DidKeyError('did_not_found', `the DID document of ${did} is not a JSON object`);
  const shape = jsonShapeProblem(document);
  if (shape) throw new DidKeyError('did_not_found', `the DID document of ${did} is rejected: ${describeShapeProblem(shape)}`);
  if (document.id !== did) {
    throw new DidKeyError('did_not_found', `the document at ${url} is for ${String(document.id).slice(0, 100)}, not ${did}`);
  }
  return { document: document as DidDocument };
}
