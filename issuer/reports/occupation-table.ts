import type { EducationLevel } from './education-levels.ts';
import { keyOf, type OccupationCount, type OccupationCounts } from './occupation-counts.ts';

/** A suppressed count is null: docs/reports.md gives the rule. */
export type Shown = number | null;

export interface OccupationRow {
  rank: number;
  occupation: { code: string | null; title: string | null };
  total: Shown;
  byEducationLevel: Record<string, Shown>;
  /** Percent of the quarter's total, two decimals rounded half up; null when the total is suppressed. */
  share: Shown;
}

/** The quarter's table as published: ranked, with shares, small counts suppressed. */
export interface OccupationReport {
  quarter: string;
  total: Shown;
  rows: OccupationRow[];
  educationLevels: EducationLevel[];
  suppressionThreshold: number;
}

interface Working {
  occupation: OccupationCount;
  total: number;
  rowSuppressed: boolean;
  suppressedLevels: Set<string>;
}

const small = (count: number, threshold: number) => count > 0 && count < threshold;

/** Code order, occupations without a code last; then title order. */
function byCodeThenTitle(a: OccupationCount, b: OccupationCount): number {
  if (a.code !== b.code) {
    if (a.code === null) return 1;
    if (b.code === null) return -1;
    return a.code < b.code ? -1 : 1;
  }
  const [x, y] = [a.title ?? '', b.title ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** total / quarterTotal in percent, two decimals, half up, in whole-number arithmetic (no binary rounding surprises). */
export function shareOf(total: number, quarterTotal: number): number {
  return Math.floor((2 * total * 10_000 + quarterTotal) / (2 * quarterTotal)) / 100;
}

/**
 * Ranks the occupations and suppresses small counts so that nobody can be singled out:
 * 1. a count from 1 to threshold - 1 is suppressed (zeros are shown), and so is a whole occupation
 *    whose total is that small;
 * 2. an occupation with exactly one suppressed level count also has its smallest other level count
 *    suppressed, else its total minus the others would give the hidden one back;
 * 3. when exactly one occupation's total is suppressed, the shown occupation with the smallest total
 *    is suppressed as well, else the quarter's total minus the others would give it back (unless the
 *    quarter's total is itself suppressed, being below the threshold).
 * 4. in a table merged from several institutions' counts (`contributions`), a count is suppressed
 *    as well when all the institutions but one add up to a small count, else that one's own
 *    published table subtracted from this one would give the others' back.
 * Ranks: shown occupations by total, most first, equal totals by occupation code (those without a
 * code last), then title; after them the suppressed occupations in code order, so that their
 * order tells nothing of their size. Every row has its own rank.
 */
export function occupationTable(
  counts: OccupationCounts,
  threshold: number,
  contributions: readonly OccupationCounts[] = [],
): OccupationReport {
  const levels = counts.educationLevels.map((l) => l.code);
  const totalOf = (o: OccupationCount) => levels.reduce((sum, level) => sum + (o.byEducationLevel[level] ?? 0), 0);
  const byKey = contributions.map((c) => new Map(c.occupations.map((o) => [keyOf(o.code, o.title), o])));
  /** What each institution added to an occupation's count at a level (its total without a level). */
  const partsOf = (occupation: OccupationCount, level?: string) =>
    byKey.map((institution) => {
      const own = institution.get(keyOf(occupation.code, occupation.title));
      if (!own) return 0;
      return level === undefined ? totalOf(own) : (own.byEducationLevel[level] ?? 0);
    });
  /** Rules 1 and 4: a small count, or one whose remainder without any single institution is small. */
  const hides = (n: number, parts: readonly number[]) =>
    small(n, threshold) || parts.some((part) => part > 0 && small(n - part, threshold));
  const working: Working[] = counts.occupations
    .map((occupation) => ({
      occupation,
      total: totalOf(occupation),
      rowSuppressed: false,
      suppressedLevels: new Set<string>(),
    }))
    .filter((w) => w.total > 0);
  const quarterTotal = working.reduce((sum, w) => sum + w.total, 0);
  const count = (w: Working, level: string) => w.occupation.byEducationLevel[level] ?? 0;

  for (const w of working) {
    w.rowSuppressed = hides(w.total, partsOf(w.occupation));
    for (const level of levels) if (hides(count(w, level), partsOf(w.occupation, level))) w.suppressedLevels.add(level);
    if (!w.rowSuppressed && w.suppressedLevels.size === 1) {
      const partner = levels
        .filter((level) => !w.suppressedLevels.has(level))
        .sort((a, b) => count(w, a) - count(w, b) || levels.indexOf(a) - levels.indexOf(b))[0];
      if (partner !== undefined) w.suppressedLevels.add(partner);
    }
  }
  const institutionTotals = contributions.map((c) => c.occupations.reduce((sum, o) => sum + totalOf(o), 0));
  const quarterSuppressed = hides(quarterTotal, institutionTotals);
  if (!quarterSuppressed && working.filter((w) => w.rowSuppressed).length === 1) {
    const partner = working
      .filter((w) => !w.rowSuppressed)
      .sort((a, b) => a.total - b.total || byCodeThenTitle(a.occupation, b.occupation))[0];
    if (partner) partner.rowSuppressed = true;
  }

  const shown = working
    .filter((w) => !w.rowSuppressed)
    .sort((a, b) => b.total - a.total || byCodeThenTitle(a.occupation, b.occupation));
  const hidden = working.filter((w) => w.rowSuppressed).sort((a, b) => byCodeThenTitle(a.occupation, b.occupation));
  const rows = [...shown, ...hidden].map(
    (w, i): OccupationRow => ({
      rank: i + 1,
      occupation: { code: w.occupation.code, title: w.occupation.title },
      total: w.rowSuppressed ? null : w.total,
      byEducationLevel: Object.fromEntries(
        levels.map((level) => [level, w.rowSuppressed || w.suppressedLevels.has(level) ? null : count(w, level)]),
      ),
      share: w.rowSuppressed ? null : shareOf(w.total, quarterTotal),
    }),
  );
  return {
    quarter: counts.quarter,
    total: quarterSuppressed ? null : quarterTotal,
    rows,
    educationLevels: counts.educationLevels,
    suppressionThreshold: threshold,
  };
}
