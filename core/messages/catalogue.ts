import type { en, enCertificate, enPage, enReport, enWallet } from './en.ts';
import type { Labels } from './labels.ts';

/** Every reason a check can give: the keys of the English reference catalogue. */
export type ReasonCode = keyof typeof en;

/** One language's sentences, one per reason code, with {placeholder}s. */
export type Catalogue = Record<ReasonCode, string>;

/** Every word of the pages: the keys of the English page words. */
export type PageKey = keyof typeof enPage;

/** One language's page words (the verification page, the learner's claim page), with {placeholder}s. */
export type PageWords = Record<PageKey, string>;

/** A plural: one sentence per plural category the language's Intl.PluralRules selects, the number in {count}. */
export type PluralForms = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

/** Every word of the learner's wallet: the keys of the English wallet words. */
export type WalletKey = keyof typeof enWallet;

/** The wallet's sentences (with {placeholders}) and its plurals. */
export type WalletSentenceKey = { [K in WalletKey]: (typeof enWallet)[K] extends string ? K : never }[WalletKey];
export type WalletPluralKey = Exclude<WalletKey, WalletSentenceKey>;

/** One language's words for the wallet CLI: every sentence, and every plural with the forms its language uses. */
export type WalletWords = Record<WalletSentenceKey, string> & Record<WalletPluralKey, PluralForms>;

/** Every word of the quarterly occupation report's page: the keys of the English report words. */
export type ReportKey = keyof typeof enReport;

/** One language's report page words, with {placeholder}s. */
export type ReportWords = Record<ReportKey, string>;

/** Every word printed on a certificate: the keys of the English certificate words. */
export type CertificateKey = keyof typeof enCertificate;

/** One language's certificate words, with {placeholder}s. */
export type CertificateWords = Record<CertificateKey, string>;

/** A language: its name in itself, its writing direction, its sentences, labels, and the words of its pages, wallet, report and certificate. */
export interface Language {
  /** The language's name as its speakers write it, for the language switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Catalogue;
  labels: Labels;
  page: PageWords;
  wallet: WalletWords;
  report: ReportWords;
  certificate: CertificateWords;
}
