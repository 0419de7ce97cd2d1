import { ar } from './ar.ts';
import { en, type ReasonCode } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';

export type { ReasonCode };
export type Catalogue = Record<ReasonCode, string>;

/** The languages a verifier answers in, by their BCP 47 primary tag. */
export const CATALOGUES: Record<string, Catalogue> = { en, fr, es, ar, zh };
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES);
export const REASON_CODES = Object.keys(en) as ReasonCode[];

/** Words that checks put into messages (accreditation statuses, revocation reasons), per language. */
const LABELS: Record<string, Record<string, string>> = {
  en: { accredited: 'accredited', suspended: 'suspended', withdrawn: 'withdrawn', unspecified: 'unspecified', issuedInError: 'issued in error', fraud: 'fraud', superseded: 'superseded', withdrawnByAssessmentBody: 'withdrawn by the assessment body' },
  fr: { accredited: 'accréditée', suspended: 'suspendue', withdrawn: 'retirée', unspecified: 'non précisé', issuedInError: 'délivrée par erreur', fraud: 'fraude', superseded: 'remplacée', withdrawnByAssessmentBody: "retirée par l'organisme d'évaluation" },
  es: { accredited: 'acreditada', suspended: 'suspendida', withdrawn: 'retirada', unspecified: 'no especificado', issuedInError: 'emitida por error', fraud: 'fraude', superseded: 'sustituida', withdrawnByAssessmentBody: 'retirada por el organismo evaluador' },
  ar: { accredited: 'معتمدة', suspended: 'موقوفة', withdrawn: 'مسحوبة', unspecified: 'غير محدد', issuedInError: 'صدرت عن طريق الخطأ', fraud: 'احتيال', superseded: 'استُبدلت', withdrawnByAssessmentBody: 'سحبتها جهة التقييم' },
  zh: { accredited: '已认可', suspended: '已暂停', withdrawn: '已撤销认可', unspecified: '未说明', issuedInError: '误发', fraud: '欺诈', superseded: '已被替代', withdrawnByAssessmentBody: '被评估机构撤回' },
};
const LABELLED_PARAMS = new Set(['status', 'reasonName']);

export function message(code: ReasonCode, params: Record<string, string | number> = {}, language = 'en'): string {
  const catalogue = Object.hasOwn(CATALOGUES, language) ? CATALOGUES[language]! : en;
  const labels = LABELS[Object.hasOwn(LABELS, language) ? language : 'en']!;
  return (catalogue[code] ?? en[code]).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(params[name] ?? '?');
    return LABELLED_PARAMS.has(name) && Object.hasOwn(labels, value) ? labels[value]! : value;
  });
}

/**
 * The best language for an Accept-Language header (RFC 9110 quality values; `fr-CA` matches `fr`,
 * `zh-Hans-CN` matches `zh`); English when nothing matches. Bounded work on hostile headers.
 */
export function negotiateLanguage(header: string | undefined): string {
  if (!header) return 'en';
  const ranges = header
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.find((p) => /^\s*q\s*=/i.test(p));
      // RFC 9110 qvalue: 0 to 1 with at most three decimals; a malformed one disqualifies the range.
      const q = qParam === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(qParam) ? Number(qParam.split('=')[1]) : 0;
      return { primary: tag.trim().toLowerCase().split('-')[0]!, q, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.find((r) => Object.hasOwn(CATALOGUES, r.primary))?.primary ?? 'en';
}
