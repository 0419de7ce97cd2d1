import { expect, it } from 'vitest';
import { negotiateLanguage } from './negotiate.ts';

it('chooses among the languages it is given, by quality then order, and falls back to English', () => {
  expect(negotiateLanguage('de-CH, fr;q=0.9', ['en', 'de', 'fr'])).toBe('de');
  expect(negotiateLanguage('de-CH, fr;q=0.9', ['en', 'fr'])).toBe('fr');
  expect(negotiateLanguage('sw;q=0.5, am', ['en', 'sw'])).toBe('sw');
  expect(negotiateLanguage('sw', [])).toBe('en');
});
