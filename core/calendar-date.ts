const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A real calendar date written YYYY-MM-DD: not 2026-02-30, not 2026-13-45 (which Date cannot
 * even represent: a check that called toISOString() on it threw, and the request answered 500).
 */
export function isCalendarDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}
