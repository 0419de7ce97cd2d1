import { describe, expect, it } from 'vitest';
import { inertCsvText } from './inert-csv-text.ts';

describe('inertCsvText', () => {
  it('puts an apostrophe before what a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(inertCsvText(text)).toBe(`'${text}`);
  });

  it('leaves every other text as it is', () => {
    for (const text of ['Amina Yusuf', 'REG-0001', 'a=b', '', ' =1', "'quoted", 'عامل كهرباء'])
      expect(inertCsvText(text)).toBe(text);
  });
});
