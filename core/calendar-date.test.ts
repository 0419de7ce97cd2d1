import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.ts';

describe('isCalendarDate', () => {
  it('takes real dates, leap days in leap years among them', () => {
    for (const day of ['2026-06-30', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01'])
      expect(isCalendarDate(day)).toBe(true);
  });

  it('refuses days that do not exist and months past 12, without throwing', () => {
    for (const day of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-13-45',
      '2026-00-10',
      '2026-04-31',
      '2026-06-00',
      '9999-99-99',
    ])
      expect(isCalendarDate(day)).toBe(false);
  });

  it('refuses other ways of writing a date', () => {
    for (const text of [
      '2026-6-30',
      '30/06/2026',
      '2026-06-30T00:00:00Z',
      ' 2026-06-30',
      '20260630',
      '',
      '２０２６-06-30',
    ])
      expect(isCalendarDate(text)).toBe(false);
  });
});
