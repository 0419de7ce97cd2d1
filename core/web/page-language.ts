import type { Context } from 'hono';
import { type LanguageVariables, languageDetector } from 'hono/language';
import { LANGUAGES } from '../messages/index.ts';

/**
 * A page's language: `?lang=` (the switcher's links, which work without JavaScript), else the
 * browser's Accept-Language, else English. Nothing is remembered: no cookie.
 */
export const pageLanguage = languageDetector({
  supportedLanguages: Object.keys(LANGUAGES),
  fallbackLanguage: 'en',
  order: ['querystring', 'header'],
  lookupQueryString: 'lang',
  caches: false,
});

/**
 * The language pageLanguage picks for a request that is not a page (a certificate's PDF): `?lang=`,
 * else Accept-Language, else English.
 */
export async function requestLanguage(c: Context): Promise<string> {
  const detecting = c as unknown as Context<{ Variables: LanguageVariables }>;
  await pageLanguage(detecting, async () => {});
  return detecting.get('language');
}
