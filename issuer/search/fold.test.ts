import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, termsOf } from './fold.ts';

const fullFold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

describe('foldText', () => {
  it('folds accents, compatibility forms and case', () => {
    expect(termsOf('Amína Yúsuf', 'ﬁve Ⅻ', 'ÅNGSTRÖM-42')).toEqual(['amina', 'yusuf', 'five', 'xii', 'angstrom', '42']);
  });

  it('gives ASCII text, which skips normalizing, what the whole folding gives', () => {
    for (const unit of ['binary-ascii', 'binary'] as const)
      fc.assert(fc.property(fc.string({ unit }), (text) => foldText(text) === fullFold(text)));
  });
});
