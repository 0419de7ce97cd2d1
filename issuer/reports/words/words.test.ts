import { describe, expect, it } from 'vitest';
import { directionOf, fill, pickLanguage, REPORT_LANGUAGES, REPORT_WORDS } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the report page words', () => {
  it('come in English, French, Spanish, Arabic, Chinese, Portuguese and Hindi', () => {
    expect(REPORT_LANGUAGES).toEqual(['en', 'fr', 'es', 'ar', 'zh', 'pt', 'hi']);
  });

  for (const language of REPORT_LANGUAGES) {
    it(`in ${language}: every key of the English words, with the same placeholders, none left empty`, () => {
      const words: Record<string, string> = REPORT_WORDS[language];
      expect(Object.keys(words).sort()).toEqual(Object.keys(REPORT_WORDS.en).sort());
      for (const [key, english] of Object.entries(REPORT_WORDS.en)) {
        expect(words[key]!.trim(), `${language}.${key}`).not.toBe('');
        expect(placeholders(words[key]!), `${language}.${key}`).toEqual(placeholders(english));
      }
    });
  }

  it('have a word for every default education level', () => {
    for (const level of ['primary', 'lower_secondary', 'upper_secondary', 'technician', 'senior_technician', 'unknown'])
      expect(REPORT_WORDS.en).toHaveProperty(`level_${level}`);
  });

  it('are written right to left in Arabic only', () => {
    expect(REPORT_LANGUAGES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar']);
  });
});

describe('the reader’s language', () => {
  it('is ?lang= when the page has it, else Accept-Language by weight, else English', () => {
    expect(pickLanguage('fr', 'es')).toBe('fr');
    expect(pickLanguage('pt-BR', undefined)).toBe('pt');
    expect(pickLanguage('de', 'ar-EG,ar;q=0.9')).toBe('ar');
    expect(pickLanguage(undefined, 'de-DE, hi;q=0.5, zh-CN;q=0.8')).toBe('zh');
    expect(pickLanguage(undefined, 'de, sw;q=0.2')).toBe('en');
    expect(pickLanguage(undefined, 'fr;q=0, es;q=0.1')).toBe('es');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} of {b} {c}', { a: 1, b: 'x' })).toBe('1 of x {c}');
  });
});
