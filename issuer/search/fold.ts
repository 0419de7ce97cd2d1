/**
 * Text as a clerk types it compares with text as it was issued: compatibility forms folded (NFKD),
 * accents and other combining marks dropped, lower case. "amina yusuf" then meets "Amína Yúsuf".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** What a search term is a word of. */
export type SearchField = 'name' | 'qualification' | 'occupation';

/** The longest term kept: longer words are cut, in the index and in a query alike. */
export const MAX_TERM_LENGTH = 100;

/** The folded words of a text (letters and digits; everything else separates them), each once. */
export function termsOf(...texts: (string | null | undefined)[]): string[] {
  const words = texts
    .filter((t): t is string => typeof t === 'string')
    .flatMap((t) => foldText(t).split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w !== '')
    .map((w) => w.slice(0, MAX_TERM_LENGTH));
  return [...new Set(words)];
}
