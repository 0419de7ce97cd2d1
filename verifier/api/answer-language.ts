import { languageDetector } from 'hono/language';
import { CATALOGUES } from '../../core/messages/index.ts';

/**
 * Sets the `language` the verifier answers in: the caller's most preferred language (Accept-Language,
 * quality values, `fr-CA` finds `fr`) among those it has a catalogue for, else English. Nothing is
 * remembered between requests: no cookie, no query parameter.
 */
export const answerLanguage = languageDetector({
  supportedLanguages: Object.keys(CATALOGUES),
  fallbackLanguage: 'en',
  order: ['header'],
  caches: false,
});
