/**
 * A calendar date (YYYY-MM-DD, or a timestamp's date) with the month in words, in the reader's
 * language: "30 June 2026", "30 juin 2026", "2026年6月30日", so that no reader takes the day for the
 * month. English is written day first (en-GB), as most of the world reads dates. Anything that is
 * not a date is given back as it is.
 */
export function dateInWords(date: string, language = 'en'): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    parsed,
  );
}
