import { describe, expect, it } from 'vitest';
import { en, enCertificate, enLabels, enPage, enReport } from './en.ts';
import {
  CATALOGUES,
  fillPlaceholders,
  LANGUAGES,
  message,
  pageWords,
  REASON_CODES,
  reportWords,
  textDirection,
} from './index.ts';

const TRANSLATIONS = Object.entries(CATALOGUES).filter(([language]) => language !== 'en');

/** The {placeholder} names of a template, sorted (a multiset). */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Technical identifiers that must survive translation unchanged wherever the English has them. */
const IDENTIFIERS = ['VC-JWT', 'VP-JWT', 'DID', '1.1'];

/** A letter of the language's own script, to catch a catalogue pasted into the wrong file. */
const SCRIPT: Record<string, RegExp> = {
  fr: /[a-zàâçéèêëîïôûùüÿœ]/i,
  es: /[a-záéíóúñü]/i,
  ar: /[\u0600-\u06FF]/,
  zh: /[\u4E00-\u9FFF]/,
  pt: /[a-záàâãçéêíóôõú]/i,
  hi: /[\u0900-\u097F]/,
};

const PAGE_KEYS = Object.keys(enPage) as (keyof typeof enPage)[];
const LABEL_KEYS = Object.keys(enLabels) as (keyof typeof enLabels)[];
const PAGE_TRANSLATIONS = Object.entries(LANGUAGES).filter(([language]) => language !== 'en');

/**
 * Catalogue parity: one test per rule and language, each collecting every offending reason code so
 * that a failure names them all (and the test count stays meaningful).
 */
describe('message catalogues', () => {
  it('covers the expected languages', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['ar', 'en', 'es', 'fr', 'hi', 'pt', 'zh']);
    expect(REASON_CODES.length).toBeGreaterThan(40);
  });

  describe.each(TRANSLATIONS)('%s', (language, catalogue) => {
    it('has exactly the keys of the English catalogue', () => {
      const keys = Object.keys(catalogue);
      expect(
        keys.filter((k) => !Object.hasOwn(en, k)),
        'extra keys',
      ).toEqual([]);
      expect(
        REASON_CODES.filter((k) => !Object.hasOwn(catalogue, k)),
        'missing keys',
      ).toEqual([]);
    });

    it('gives every message as non-empty text with the English placeholders and no stray braces', () => {
      const bad = REASON_CODES.filter((code) => {
        const text = catalogue[code];
        return (
          typeof text !== 'string' ||
          text.trim() === '' ||
          placeholders(text).join() !== placeholders(en[code]).join() ||
          // No stray or mistyped braces ({ name}, full-width ｛｝) outside well-formed placeholders.
          /[{}｛｝]/.test(text.replace(/\{\w+\}/g, ''))
        );
      });
      expect(bad).toEqual([]);
    });

    it('translates every sentence instead of copying the English', () => {
      const copied = REASON_CODES.filter(
        (code) => en[code].length > 20 && (catalogue[code] === en[code] || !SCRIPT[language]!.test(catalogue[code])),
      );
      expect(copied).toEqual([]);
    });

    it('keeps technical identifiers unchanged', () => {
      const lost = REASON_CODES.flatMap((code) =>
        IDENTIFIERS.filter((id) => en[code].includes(id) && !catalogue[code].includes(id)).map(
          (id) => `${code}: ${id}`,
        ),
      );
      expect(lost).toEqual([]);
    });
  });
});

/** The same rules for the page words and the labels, which the pages and messages show beside the sentences. */
describe.each(PAGE_TRANSLATIONS)('%s page words and labels', (language, { name, dir, page, labels }) => {
  it('has exactly the page keys of English, each non-empty with its placeholders and no stray braces', () => {
    expect(Object.keys(page).sort()).toEqual([...PAGE_KEYS].sort());
    const bad = PAGE_KEYS.filter((key) => {
      const text = page[key];
      return (
        typeof text !== 'string' ||
        text.trim() === '' ||
        placeholders(text).join() !== placeholders(enPage[key]).join() ||
        /[{}｛｝]/.test(text.replace(/\{\w+\}/g, ''))
      );
    });
    expect(bad).toEqual([]);
  });

  it('translates the page words and labels instead of copying the English', () => {
    const copied = PAGE_KEYS.filter(
      (key) => enPage[key].length > 20 && (page[key] === enPage[key] || !SCRIPT[language]!.test(page[key])),
    );
    expect(copied).toEqual([]);
    expect(Object.keys(labels).sort()).toEqual([...LABEL_KEYS].sort());
    expect(LABEL_KEYS.filter((key) => labels[key].trim() === '' || !SCRIPT[language]!.test(labels[key]))).toEqual([]);
  });

  it('names itself in its own script and says which way it is written', () => {
    expect(SCRIPT[language]!.test(name)).toBe(true);
    expect(dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
  });
});

/** The keys of `words` that are missing, empty, lose one of the English placeholders or hold stray braces. */
function malformedKeys(words: Record<string, string>, english: Record<string, string>): string[] {
  return Object.keys(english).filter((key) => {
    const text = words[key];
    return (
      typeof text !== 'string' ||
      text.trim() === '' ||
      placeholders(text).join() !== placeholders(english[key]!).join() ||
      /[{}｛｝]/.test(text.replace(/\{\w+\}/g, ''))
    );
  });
}

/** The same rules for the words of the quarterly occupation report's page (issuer/reports/). */
describe.each(PAGE_TRANSLATIONS)('%s report words', (language, { report }) => {
  it('has exactly the report keys of English, each non-empty with its placeholders and no stray braces', () => {
    expect(Object.keys(report).sort()).toEqual(Object.keys(enReport).sort());
    expect(malformedKeys(report, enReport)).toEqual([]);
  });

  it('translates the report words instead of copying the English', () => {
    const copied = (Object.keys(enReport) as (keyof typeof enReport)[]).filter(
      (key) => enReport[key].length > 20 && (report[key] === enReport[key] || !SCRIPT[language]!.test(report[key])),
    );
    expect(copied).toEqual([]);
  });
});

/** The same rules for the words printed on a certificate (issuer/certificate/), every one translated. */
describe.each(PAGE_TRANSLATIONS)('%s certificate words', (language, { certificate }) => {
  it('has exactly the certificate keys of English, each non-empty with its placeholders, translated', () => {
    expect(Object.keys(certificate).sort()).toEqual(Object.keys(enCertificate).sort());
    expect(malformedKeys(certificate, enCertificate)).toEqual([]);
    const copied = (Object.keys(enCertificate) as (keyof typeof enCertificate)[]).filter(
      (key) => certificate[key] === enCertificate[key] || !SCRIPT[language]!.test(certificate[key]),
    );
    expect(copied).toEqual([]);
  });
});

describe('reportWords(), textDirection() and fillPlaceholders()', () => {
  it('give a word for every default education level, and English for a language the catalogue lacks', () => {
    for (const level of ['primary', 'lower_secondary', 'upper_secondary', 'technician', 'senior_technician', 'unknown'])
      expect(enReport).toHaveProperty(`level_${level}`);
    expect(reportWords('hi')).toBe(LANGUAGES.hi!.report);
    expect(reportWords('de')).toBe(enReport);
  });

  it('write Arabic alone right to left', () => {
    expect(Object.keys(LANGUAGES).filter((tag) => textDirection(tag) === 'rtl')).toEqual(['ar']);
    expect(textDirection('de')).toBe('ltr');
  });

  it("keep the QR text's prefix SM1: in one piece in Arabic, its colon after SM1 and not before", () => {
    expect(pageWords('ar').paste_hint).toContain('SM1:\u200e');
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(fillPlaceholders('{a} of {b} {c} {constructor}', { a: 1, b: 'x' })).toBe('1 of x {c} {constructor}');
  });
});

describe('pageWords()', () => {
  it("gives a language's page words, and English for one the catalogue lacks", () => {
    expect(pageWords('ar').verdict_valid).toBe(LANGUAGES.ar!.page.verdict_valid);
    expect(pageWords('de')).toBe(enPage);
    expect(pageWords('__proto__')).toBe(enPage);
  });
});

describe('message()', () => {
  it('fills placeholders in the requested language', () => {
    const params = { revokedAt: '2024-03-01T00:00:00.000Z', reasonName: 'code 77' };
    expect(message('revoked', params)).toBe(
      'The institution revoked this credential on 2024-03-01T00:00:00.000Z (reason: code 77).',
    );
    expect(message('revoked', params, 'en')).toBe(message('revoked', params));
    for (const [language, catalogue] of TRANSLATIONS) {
      const text = message('revoked', params, language);
      expect(text).toBe(
        catalogue.revoked.replace('{revokedAt}', params.revokedAt).replace('{reasonName}', params.reasonName),
      );
      expect(text).not.toBe(message('revoked', params, 'en'));
    }
  });

  it('fills every placeholder of every message in every language', () => {
    for (const language of Object.keys(CATALOGUES)) {
      for (const code of REASON_CODES) {
        const params = Object.fromEntries(placeholders(en[code]).map((name) => [name, `<${name}:${language}>`]));
        const text = message(code, params, language);
        expect(text).not.toMatch(/[{}]/);
        for (const value of Object.values(params)) expect(text).toContain(value);
      }
    }
  });

  it('accepts numbers as values', () => {
    expect(message('ledger_lagging', { blockNumber: 41, headAt: '2026-01-01T00:00:00.000Z' }, 'en')).toContain(
      'latest block, 41, is from 2026-01-01',
    );
  });

  it('falls back to English for an unknown language', () => {
    const params = { validUntil: '2025-01-01' };
    expect(message('expired', params, 'de')).toBe('The credential expired on 2025-01-01.');
    expect(message('expired', params, 'xx-YY')).toBe(message('expired', params, 'en'));
    expect(message('expired', params, '')).toBe(message('expired', params, 'en'));
  });
});
