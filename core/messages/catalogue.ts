import type { en } from './en.ts';
import type { Labels } from './labels.ts';

/** Every reason a check can give: the keys of the English reference catalogue. */
export type ReasonCode = keyof typeof en;

/** One language's sentences, one per reason code, with {placeholder}s. */
export type Catalogue = Record<ReasonCode, string>;

/** A language: its sentences and its labels. */
export interface Language {
  messages: Catalogue;
  labels: Labels;
}
