import type { RemoteDocument } from 'jsonld';
import { BUNDLED_CONTEXTS } from './contexts/index.ts';

/**
 * A JSON-LD document loader that answers from the bundled contexts only and never fetches. It
 * records each URL it could not answer, so a failed canonicalisation can say which context was
 * unknown rather than only that JSON-LD processing failed.
 */
export function bundledDocumentLoader(): { load: (url: string) => Promise<RemoteDocument>; unknown: string[] } {
  const unknown: string[] = [];
  return {
    unknown,
    async load(url) {
      const bundled = BUNDLED_CONTEXTS.get(url);
      if (!bundled) {
        unknown.push(url);
        throw new Error(`the JSON-LD context ${url} is not bundled here (nothing is fetched)`);
      }
      return { contextUrl: null, documentUrl: url, document: (await bundled.load()).default };
    },
  };
}
