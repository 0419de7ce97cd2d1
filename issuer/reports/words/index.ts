/**
 * The occupation report page's own words, one file per language. They belong in the shared message
 * catalogue (core/messages/) and should move there once it has a part for pages; until then they
 * live beside the page, held to the same rule: every language, every key, the same placeholders.
 */
import { ar } from './ar.ts';
import { en, type ReportWords } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { pt } from './pt.ts';
import { zh } from './zh.ts';

export type { ReportWords };
export const REPORT_WORDS = { en, fr, es, ar, zh, pt, hi } as const;
export type ReportLanguage = keyof typeof REPORT_WORDS;
export const REPORT_LANGUAGES = Object.keys(REPORT_WORDS) as ReportLanguage[];
const RIGHT_TO_LEFT: readonly ReportLanguage[] = ['ar'];

export const directionOf = (language: ReportLanguage) => (RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr');

const isLanguage = (value: string): value is ReportLanguage => value in REPORT_WORDS;

/** `?lang=` if it names a language of the page, else the first of Accept-Language's (by weight) that does, else English. */
export function pickLanguage(asked: string | undefined, acceptLanguage: string | undefined): ReportLanguage {
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (asked && isLanguage(primary(asked))) return primary(asked) as ReportLanguage;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: primary(tag), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return (wanted.find((w) => isLanguage(w.language))?.language as ReportLanguage | undefined) ?? 'en';
}

/** A sentence with its {placeholders} filled in. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
