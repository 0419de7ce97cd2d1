import {
  fillPlaceholders as fill,
  LANGUAGES,
  type Language,
  languageOfTag,
  type WalletPluralKey,
  type WalletSentenceKey,
} from '../core/messages/index.ts';

/**
 * What the wallet says, in the learner's language: its words come from the catalogue it shares with
 * the verifier (core/messages, each language's `wallet` section). The language is chosen once, when
 * the program starts (main.ts), before any command runs.
 */

type Params = Record<string, string | number>;

interface Chosen {
  /** The catalogue's tag: en, fr, es, ar, zh, pt, hi. */
  tag: string;
  /** The locale numbers, plurals and dates are formatted for (`pt-BR` when asked for, else the tag). */
  locale: string;
  language: Language;
}

const ENGLISH: Chosen = { tag: 'en', locale: 'en', language: LANGUAGES.en! };
let chosen = ENGLISH;

/** The locale to format for: the tag as given when it is a locale of the chosen language (`pt-BR`), else the language. */
function localeFor(given: string, tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(given);
    if (canonical && languageOfTag(canonical) === tag && Intl.DateTimeFormat.supportedLocalesOf(canonical).length)
      return canonical;
  } catch {
    // Not a well-formed tag (fr_FR.UTF-8 is read before it gets here): the language alone.
  }
  return tag;
}

export interface LanguageChoice {
  tag: string;
  locale: string;
  /** A tag asked for (--lang, SKILLMARK_LANG) that the catalogue does not have: English is used instead. */
  unknown?: string;
}

/**
 * The language to speak: --lang, else SKILLMARK_LANG, else the system locale (LC_ALL, else
 * LC_MESSAGES, else LANG, as POSIX orders them: `fr_FR.UTF-8` is French), else English.
 */
export function languageChoice(given: string | undefined, env: Record<string, string | undefined>): LanguageChoice {
  const asked = given ?? (env.SKILLMARK_LANG || undefined);
  if (asked !== undefined) {
    const tag = languageOfTag(asked.trim());
    return tag ? { tag, locale: localeFor(asked.trim(), tag) } : { tag: 'en', locale: 'en', unknown: asked };
  }
  // A POSIX locale: language[_territory][.codeset][@modifier]; "C" and "POSIX" are English.
  const system = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split(/[.@]/)[0]!.replace(/_/g, '-');
  const tag = languageOfTag(system) ?? 'en';
  return { tag, locale: localeFor(system, tag) };
}

/** Speaks the chosen language from now on. */
export function speak(choice: { tag: string; locale: string }): void {
  const language = LANGUAGES[choice.tag];
  chosen = language ? { tag: choice.tag, locale: choice.locale, language } : ENGLISH;
}

/** The language spoken, as a tag (for Accept-Language: the verifier answers in it too). */
export const spokenLanguage = () => chosen.tag;

/** Every language the wallet speaks, for its help: "en (English), fr (Français), ...". */
export const languageList = () =>
  Object.entries(LANGUAGES)
    .map(([tag, language]) => `${tag} (${language.name})`)
    .join(', ');

/** A sentence of the wallet in the chosen language, its {placeholders} filled. */
export function t(key: WalletSentenceKey, params: Params = {}): string {
  return fill(chosen.language.wallet[key], params);
}

/** A word the catalogue shares with the verifier's sentences (a revocation reason), in the chosen language. */
export const label = (key: keyof Language['labels']) => chosen.language.labels[key];

/** A plural of the wallet: the form the language uses for `count` (Intl.PluralRules), the number written its way. */
export function plural(key: WalletPluralKey, count: number, params: Params = {}): string {
  const forms = chosen.language.wallet[key];
  const form = forms[new Intl.PluralRules(chosen.locale).select(count)] ?? forms.other;
  return fill(form, { ...params, count: new Intl.NumberFormat(chosen.locale).format(count) });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function formatted(iso: string, options: Intl.DateTimeFormatOptions): string {
  const time = Date.parse(iso);
  if (!ISO_DATE.test(iso) || Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(chosen.locale, { ...options, timeZone: 'UTC' }).format(time);
}

/** A day as the language writes it ("30 juin 2026"), from an ISO date or time (left as it is when it is not one). */
export const day = (iso: string) => formatted(iso, { dateStyle: 'long' });

/** A moment as the language writes it, in UTC ("30 juin 2026 à 14:05 UTC"). */
export const moment = (iso: string) =>
  formatted(iso, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });

/** The answers that mean yes to a question of the wallet: English's y and yes, and the language's own. */
export function isYes(answer: string): boolean {
  const yes = [...t('remove_yes_answers').split(','), 'y', 'yes'].map((word) => word.trim().toLowerCase());
  return yes.includes(answer.trim().toLowerCase());
}

/** How many terminal columns a text takes, as wcwidth counts them: combining marks none, East Asian wide characters two. */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/[\p{Mn}\p{Me}]/u.test(char)) continue;
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char)
      ? 2
      : 1;
  }
  return width;
}

/** Chinese and Japanese characters: a line may break between any two, but not before closing punctuation. */
const BREAK_AFTER_CJK = /(?<=[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])(?![，。；：、）」』”？！])/u;

/** The text as lines of at most `width` columns, broken after spaces (and between Chinese characters); a longer word keeps a line of its own. */
export function wrapped(text: string, width: number): string[] {
  const pieces = text.split(/(?<=\s)/).flatMap((piece) => piece.split(BREAK_AFTER_CJK));
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && columns((line + piece).trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The text followed by spaces up to `width` columns (at least one). */
export const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - columns(text)));
