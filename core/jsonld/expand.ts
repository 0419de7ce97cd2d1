import { bundledDocumentLoader } from './document-loader.ts';

/** Why a document is not valid JSON-LD: a context that is not bundled (nothing is fetched), or what the processor refused, in plain words. */
export type JsonLdProblem = { reason: 'context_unknown'; url: string } | { reason: 'jsonld_invalid'; detail: string };

const quoted = (value: unknown) => JSON.stringify(value)?.slice(0, 120) ?? String(value);

/** The one term a local context defines, when it defines only one: the term jsonld's error is about. */
function termOf(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return undefined;
  const terms = Object.keys(context).filter((k) => !k.startsWith('@'));
  return terms.length === 1 ? terms[0] : undefined;
}

/**
 * jsonld's error, in the words of a reader who knows JSON but not JSON-LD's algorithms: the common
 * faults of a credential named with the term or value at fault, the others by jsonld's own code.
 * Written here because jsonld reports codes of the JSON-LD API specification, not sentences.
 */
export function describeJsonLdError(error: unknown): string {
  const details = (error as { details?: Record<string, unknown> } | undefined)?.details ?? {};
  const event = details.event as { code?: string; details?: Record<string, unknown> } | undefined;
  const term = (details.term as string | undefined) ?? termOf(details.context);
  const code = event?.code ?? details.code;
  switch (code) {
    case 'protected term redefinition':
      return `its "@context" redefines ${quoted(term)}, a term an earlier context protects`;
    case 'keyword redefinition':
      return `its "@context" redefines the keyword ${quoted(term)}`;
    case 'invalid IRI mapping':
      return term === undefined
        ? 'its "@context" maps a term to something that is not a URL'
        : `its "@context" maps ${quoted(term)} to ${quoted((details.context as Record<string, unknown>)[term])}, which is not a URL`;
    case 'relative @type reference':
      return `the type ${quoted(event?.details?.type)} is not defined by its "@context" (it does not expand to a URL)`;
    case 'invalid property':
      return `the property ${quoted(event?.details?.property)} is not defined by its "@context"`;
    case 'relative @id reference':
      return `the identifier ${quoted(event?.details?.id)} is not a URL`;
    case 'relative @vocab reference':
      return 'its "@context" sets "@vocab" to something that is not a URL';
    case 'invalid @id value':
      return 'an "id" is not a single string';
    case 'invalid type value':
      return 'a "type" is not a string or a list of strings';
    default:
      return `its JSON-LD is invalid${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}

/**
 * Expands a document as JSON-LD in safe mode (what no context defines is an error, not silently
 * dropped), with contexts from the bundle only, and says what is wrong, if anything. Only the
 * JSON-LD API's own rules: what the document may mean is the caller's to judge.
 */
export async function jsonLdProblem(document: Record<string, unknown>): Promise<JsonLdProblem | undefined> {
  const loader = bundledDocumentLoader();
  try {
    // Loaded on first use: the wallet and the services start without it.
    const { default: jsonld } = await import('jsonld');
    await jsonld.expand(document, { documentLoader: loader.load, safe: true });
    return undefined;
  } catch (error) {
    if (loader.unknown.length > 0) return { reason: 'context_unknown', url: loader.unknown[0]! };
    return { reason: 'jsonld_invalid', detail: describeJsonLdError(error) };
  }
}
