import { arabic } from './ar.ts';
import type {
  Catalogue,
  CertificateWords,
  Language,
  PageKey,
  PageWords,
  PluralForms,
  ReasonCode,
  ReportWords,
  WalletKey,
  WalletPluralKey,
  WalletSentenceKey,
  WalletWords,
} from './catalogue.ts';
import { en, english } from './en.ts';
import { spanish } from './es.ts';
import { french } from './fr.ts';
import { hindi } from './hi.ts';
import { portuguese } from './pt.ts';
import { chinese } from './zh.ts';

export type {
  Catalogue,
  CertificateWords,
  Language,
  PageKey,
  PageWords,
  PluralForms,
  ReasonCode,
  ReportWords,
  WalletKey,
  WalletPluralKey,
  WalletSentenceKey,
  WalletWords,
};

/** The languages the verifier and the pages speak, by their BCP 47 primary tag: a new language is one file and one line here. */
export const LANGUAGES: Readonly<Record<string, Language>> = {
  en: english,
  fr: french,
  es: spanish,
  ar: arabic,
  zh: chinese,
  pt: portuguese,
  hi: hindi,
};

export const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(LANGUAGES).map(([tag, language]) => [tag, language.messages]),
);
export const REASON_CODES = Object.keys(en) as ReasonCode[];

/** Message parameters whose values are label keys (an accreditation status, a revocation reason). */
const LABELLED_PARAMS = new Set(['status', 'reasonName']);

const languageOf = (tag: string): Language => (Object.hasOwn(LANGUAGES, tag) ? LANGUAGES[tag]! : english);

export function message(code: ReasonCode, params: Record<string, string | number> = {}, language = 'en'): string {
  const { messages, labels } = languageOf(language);
  return (messages[code] ?? en[code]).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(params[name] ?? '?');
    return LABELLED_PARAMS.has(name) && Object.hasOwn(labels, value) ? labels[value as keyof typeof labels] : value;
  });
}

/** The language of a tag the catalogue has (the primary subtag of `fr-CA` too), else undefined. */
export function languageOfTag(tag: string): string | undefined {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(LANGUAGES, primary) ? primary : undefined;
}

/** The page words of a language (English for one the catalogue lacks), placeholders left for the page to fill. */
export function pageWords(language: string): PageWords {
  return languageOf(language).page;
}

/** The words printed on a certificate in a language (English for one the catalogue lacks). */
export function certificateWords(language: string): CertificateWords {
  return languageOf(language).certificate;
}

/** The words of the quarterly occupation report's page in a language (English for one the catalogue lacks). */
export function reportWords(language: string): ReportWords {
  return languageOf(language).report;
}

/** Which way a language is written (left to right for one the catalogue lacks). */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return languageOf(language).dir;
}

/** A template with its {placeholders} filled in; a placeholder without a value stays as it is, to be seen. */
export function fillPlaceholders(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
