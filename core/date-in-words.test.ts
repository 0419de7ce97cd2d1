import { describe, expect, it } from 'vitest';
import { dateInWords } from './date-in-words.ts';

describe('dateInWords', () => {
  it('writes the month in words, day first in English', () => {
    expect(dateInWords('2026-02-03')).toBe('3 February 2026');
    expect(dateInWords('2026-12-31T23:00:00Z')).toBe('31 December 2026');
  });

  it("writes it in the reader's language", () => {
    expect(dateInWords('2026-02-03', 'fr')).toBe('3 février 2026');
    expect(dateInWords('2026-02-03', 'zh')).toBe('2026年2月3日');
    expect(dateInWords('2026-02-03', 'ar')).toContain('فبراير');
    expect(dateInWords('2026-02-03', 'hi')).toContain('फ़रवरी');
  });

  it('gives back what is not a date', () => {
    expect(dateInWords('someday', 'fr')).toBe('someday');
  });
});
