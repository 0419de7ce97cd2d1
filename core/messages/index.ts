import { ar, arLabels } from './ar.ts';
import type { Catalogue, Language, ReasonCode } from './catalogue.ts';
import { en, enLabels } from './en.ts';
import { es, esLabels } from './es.ts';
import { fr, frLabels } from './fr.ts';
import { zh, zhLabels } from './zh.ts';

export type { Catalogue, ReasonCode };

/** The languages a verifier answers in, by their BCP 47 primary tag: a new language is one file and one line here. */
const LANGUAGES: Record<string, Language> = {
  en: { messages: en, labels: enLabels },
  fr: { messages: fr, labels: frLabels },
  es: { messages: es, labels: esLabels },
  ar: { messages: ar, labels: arLabels },
  zh: { messages: zh, labels: zhLabels },
};

export const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(LANGUAGES).map(([tag, language]) => [tag, language.messages]),
);
export const REASON_CODES = Object.keys(en) as ReasonCode[];

/** Message parameters whose values are label keys (an accreditation status, a revocation reason). */
const LABELLED_PARAMS = new Set(['status', 'reasonName']);

export function message(code: ReasonCode, params: Record<string, string | number> = {}, language = 'en'): string {
  const { messages, labels } = Object.hasOwn(LANGUAGES, language) ? LANGUAGES[language]! : LANGUAGES.en!;
  return (messages[code] ?? en[code]).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(params[name] ?? '?');
    return LABELLED_PARAMS.has(name) && Object.hasOwn(labels, value) ? labels[value as keyof typeof labels] : value;
  });
}
