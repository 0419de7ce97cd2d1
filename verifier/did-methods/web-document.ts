import { BoundedFetchError, fetchBounded } from '../../core/bounded-fetch.ts';
import { describeShapeProblem, isPlainObject, jsonShapeProblem } from '../../core/json-limits.ts';
import { type DidDocument, DidKeyError, type MethodContext, type MethodResolution } from './types.ts';

/** A host name made of DNS labels, lower case (no IP literal, no user info). */
export function isDomainName(host: string): boolean {
  return host.length <= 253 && host.split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

/**
 * Fetches the document `id` names (a did:web's DID document, or the controller document an https
 * identifier is) from `url` with the context's fetch (which decides which addresses may be
 * contacted), deadline and size cap, and checks it is a JSON object whose `id` is `id`. Every way
 * of not getting an answer (a refused address, a closed port, a timeout, a TLS failure) gives the
 * same message, which names neither an address nor a port nor the underlying error: the answer
 * must not tell an internal network apart.
 */
export async function fetchWebDocument(
  id: string,
  url: string,
  what: 'DID document' | 'controller document',
  context: MethodContext,
): Promise<MethodResolution> {
  let response;
  try {
    response = await fetchBounded(
      context.fetch,
      url,
      { headers: { accept: 'application/did+json, application/did+ld+json, application/json' } },
      context.timeoutMs,
      context.maxDocumentBytes,
    );
  } catch (error) {
    if (error instanceof BoundedFetchError) {
      if (error.kind === 'too_large')
        throw new DidKeyError('did_not_found', `the ${what} of ${id} is rejected: ${error.message}`);
      throw new DidKeyError('did_resolution_failed', `the ${what} of ${id} could not be fetched`);
    }
    throw error;
  }
  const { status } = response;
  if (status === 404 || status === 410)
    throw new DidKeyError('did_not_found', `${url} answered ${status}: ${id} does not exist`);
  if (status >= 300 && status < 400)
    throw new DidKeyError('did_not_found', `${url} answered with a redirect (${status}), which is not followed`);
  if (status >= 500 || status === 408 || status === 429)
    throw new DidKeyError('did_resolution_failed', `${url} answered ${status}; try again later`);
  if (status !== 200) throw new DidKeyError('did_not_found', `${url} answered ${status}`);
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.body));
  } catch {
    throw new DidKeyError('did_not_found', `the ${what} of ${id} is not UTF-8 JSON`);
  }
  if (!isPlainObject(document)) throw new DidKeyError('did_not_found', `the ${what} of ${id} is not a JSON object`);
  const shape = jsonShapeProblem(document);
  if (shape) throw new DidKeyError('did_not_found', `the ${what} of ${id} is rejected: ${describeShapeProblem(shape)}`);
  if (document.id !== id) {
    throw new DidKeyError(
      'did_not_found',
      `the document at ${url} is for ${String(document.id).slice(0, 100)}, not ${id}`,
    );
  }
  return { document: document as DidDocument };
}
