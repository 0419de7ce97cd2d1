import { languageDetector } from 'hono/language';
import { LANGUAGES } from '../../core/messages/index.ts';

/**
 * The page's language: `?lang=` (the switcher's links, which work without JavaScript), else the
 * browser's Accept-Language, else English. Nothing is remembered: no cookie.
 */
export const pageLanguage = languageDetector({
  supportedLanguages: Object.keys(LANGUAGES),
  fallbackLanguage: 'en',
  order: ['querystring', 'header'],
  lookupQueryString: 'lang',
  caches: false,
});
