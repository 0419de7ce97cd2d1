import type { en, enPage } from './en.ts';
import type { Labels } from './labels.ts';

/** Every reason a check can give: the keys of the English reference catalogue. */
export type ReasonCode = keyof typeof en;

/** One language's sentences, one per reason code, with {placeholder}s. */
export type Catalogue = Record<ReasonCode, string>;

/** Every word of the pages: the keys of the English page words. */
export type PageKey = keyof typeof enPage;

/** One language's page words (the verification page, the learner's claim page), with {placeholder}s. */
export type PageWords = Record<PageKey, string>;

/** A language: its name in itself, its writing direction, its sentences, labels and page words. */
export interface Language {
  /** The language's name as its speakers write it, for the language switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Catalogue;
  labels: Labels;
  page: PageWords;
}
