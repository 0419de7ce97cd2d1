/**
 * The wallet's words (each Language's `wallet` section) in every language: the keys of the English
 * reference, each sentence with the same {placeholders}, each plural with every form its language's
 * Intl.PluralRules can pick, and the technical identifiers (commands, options, environment
 * variables, file names, DID) unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { PluralForms, WalletWords } from './catalogue.ts';
import { enWallet } from './en.ts';
import { LANGUAGES } from './index.ts';

const KEYS = Object.keys(enWallet).sort() as (keyof WalletWords)[];
const PLURAL_KEYS = KEYS.filter((key) => typeof enWallet[key] !== 'string');
const SENTENCE_KEYS = KEYS.filter((key) => typeof enWallet[key] === 'string');
const TRANSLATIONS = Object.entries(LANGUAGES).filter(([tag]) => tag !== 'en');

/** The {placeholder} names of a text, sorted (a multiset). */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Braces outside well-formed placeholders ({ name}, full-width ｛｝): a typo the wallet would print as it is. */
const strayBraces = (text: string) => /[{}｛｝]/.test(text.replace(/\{\w+\}/g, ''));

const COMMANDS = 'init|did|receive|list|show|status|share|certificate|present|qr|verify|export|import|remove';
/** What a learner types or reads as it is, in every language. */
const IDENTIFIER = new RegExp(
  `skillmark-wallet(?: (?:${COMMANDS})\\b)?|--[a-z]+|SKILLMARK_[A-Z_]+|NO_COLOR|LC_ALL|LC_MESSAGES|\\bLANG\\b|\\bDID\\b|did:key|POST /credentials/verify|docs/[\\w.-]+\\.md|SkillmarkCredentialBundle`,
  'g',
);
const identifiers = (text: string) => [...new Set(text.match(IDENTIFIER) ?? [])];

/** A letter of the language's own script (the messages test's table, for the wallet's words). */
const SCRIPT: Record<string, RegExp> = {
  fr: /[a-zàâçéèêëîïôûùüÿœ]/i,
  es: /[a-záéíóúñü]/i,
  ar: /[\u0600-\u06FF]/,
  zh: /[\u4E00-\u9FFF]/,
  pt: /[a-záàâãçéêíóôõú]/i,
  hi: /[\u0900-\u097F]/,
};

/** Every text of a language's wallet words, each plural form on its own. */
function texts(words: WalletWords): [string, string][] {
  return KEYS.flatMap((key) => {
    const value = words[key] as string | PluralForms;
    return typeof value === 'string'
      ? [[key, value] as [string, string]]
      : Object.entries(value).map(([form, text]) => [`${key}.${form}`, text] as [string, string]);
  });
}

describe('the English wallet words', () => {
  it('give every plural an "other" form with {count}, and every form the same other placeholders', () => {
    expect(PLURAL_KEYS.length).toBeGreaterThan(5);
    for (const key of PLURAL_KEYS) {
      const forms = enWallet[key] as PluralForms;
      expect(placeholders(forms.other), key).toContain('count');
      for (const text of Object.values(forms)) expect(placeholders(text), key).toEqual(placeholders(forms.other));
    }
  });

  it('have no stray braces', () => {
    expect(texts(enWallet as WalletWords).filter(([, text]) => strayBraces(text))).toEqual([]);
  });
});

describe.each(TRANSLATIONS)('%s wallet words', (tag, { wallet }) => {
  it('have exactly the keys of English, sentences where English has a sentence and plurals where it has a plural', () => {
    expect(Object.keys(wallet).sort()).toEqual(KEYS);
    expect(KEYS.filter((key) => typeof wallet[key] !== typeof enWallet[key])).toEqual([]);
  });

  it('give every sentence as non-empty text with the English placeholders and no stray braces', () => {
    const bad = SENTENCE_KEYS.filter((key) => {
      const text = wallet[key] as string;
      return (
        text.trim() === '' ||
        placeholders(text).join() !== placeholders(enWallet[key] as string).join() ||
        strayBraces(text)
      );
    });
    expect(bad).toEqual([]);
  });

  it("give every plural the forms the language's plural rules pick, each with the English placeholders", () => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const bad = PLURAL_KEYS.flatMap((key) => {
      const forms = wallet[key] as PluralForms;
      const english = placeholders((enWallet[key] as PluralForms).other).filter((name) => name !== 'count');
      const missing = categories.filter((category) => !forms[category]).map((category) => `${key}: no ${category}`);
      const extra = Object.keys(forms)
        .filter((form) => !(categories as string[]).includes(form))
        .map((form) => `${key}: ${form} is not a form of ${tag}`);
      // A form may say its number in words (Arabic's one and two do); every other placeholder is there.
      const wrong = Object.entries(forms)
        .filter(
          ([, text]) =>
            placeholders(text)
              .filter((name) => name !== 'count')
              .join() !== english.join() || strayBraces(text),
        )
        .map(([form]) => `${key}.${form}: placeholders`);
      const counted = placeholders(forms.other).includes('count') ? [] : [`${key}.other: no {count}`];
      return [...missing, ...extra, ...wrong, ...counted];
    });
    expect(bad).toEqual([]);
  });

  it('keep every command, option, environment variable, file name and DID as they are in English', () => {
    const english = texts(enWallet as WalletWords);
    const translated = new Map(texts(wallet));
    const lost = english.flatMap(([key, text]) => {
      const own = translated.get(key) ?? translated.get(`${key.split('.')[0]}.other`) ?? '';
      return identifiers(text)
        .filter((id) => !own.includes(id))
        .map((id) => `${key}: ${id}`);
    });
    expect(lost).toEqual([]);
  });

  it('translate every sentence instead of copying the English', () => {
    const english = new Map(texts(enWallet as WalletWords));
    // The words around the identifiers and placeholders (a usage line may be nothing else).
    const words = (text: string) => text.replace(IDENTIFIER, '').replace(/\{\w+\}|\[[^\]]*\]/g, '');
    const copied = texts(wallet).filter(([key, text]) => {
      const reference = english.get(key) ?? english.get(`${key.split('.')[0]}.other`) ?? '';
      const letters = words(reference).match(/[a-z]/gi)?.length ?? 0;
      return letters > 15 && (text === reference || !SCRIPT[tag]!.test(words(text)));
    });
    expect(copied).toEqual([]);
  });
});
