/**
 * The quarter's table from known counts, worked out by hand: ranks and ties, shares rounded half
 * up, and suppression of small counts (and of the counts that would give them back).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDUCATION_LEVELS } from './education-levels.ts';
import { countOccupations, type OccupationCount } from './occupation-counts.ts';
import { occupationTable, shareOf } from './occupation-table.ts';

const LEVELS = ['primary', 'lower_secondary', 'upper_secondary', 'technician', 'senior_technician', 'unknown'];
const occupation = (code: string | null, title: string, counts: number[]): OccupationCount => ({
  code,
  title,
  byEducationLevel: Object.fromEntries(LEVELS.map((level, i) => [level, counts[i] ?? 0])),
});
const levels = (counts: (number | null)[]) => Object.fromEntries(LEVELS.map((level, i) => [level, counts[i]]));
const table = (occupations: OccupationCount[], threshold = 5) =>
  occupationTable({ quarter: '2026-Q2', educationLevels: [...DEFAULT_EDUCATION_LEVELS], occupations }, threshold);

describe('the table of a quarter (threshold 5)', () => {
  // primary, lower secondary, upper secondary, technician, senior technician, unknown
  const report = table([
    occupation('5120', 'Cook', [8, 0, 2, 0, 0, 0]), // 10: upper secondary 2 suppressed, so one more
    occupation('7411', 'Electrician', [10, 6, 0, 0, 0, 0]), // 16: the most
    occupation('7212', 'Welder', [5, 3, 0, 0, 0, 4]), // 12: two small counts hide each other
    occupation(null, 'Hairdresser', [6, 6, 0, 0, 0, 0]), // 12, no code: after the coded 12s
    occupation('3512', 'ICT operations technician', [0, 0, 0, 3, 0, 0]), // 3: a small total
    occupation('7126', 'Plumber', [6, 6, 0, 0, 0, 0]), // 12: code 7126 before 7212
    occupation(null, 'Tailor', [8, 0, 0, 0, 0, 0]), // 8: the smallest shown total, hidden with the 3
    occupation('9999', 'Nobody this quarter', [0, 0, 0, 0, 0, 0]), // no row
  ]);

  it('has the quarter total of every occupation: 16 + 12 + 12 + 12 + 10 + 8 + 3 = 73', () => {
    expect(report.total).toBe(73);
    expect(report.quarter).toBe('2026-Q2');
    expect(report.suppressionThreshold).toBe(5);
  });

  it('ranks by total, equal totals by code (none last), suppressed occupations after, by code', () => {
    expect(report.rows.map((r) => [r.rank, r.occupation.code, r.occupation.title, r.total])).toEqual([
      [1, '7411', 'Electrician', 16],
      [2, '7126', 'Plumber', 12],
      [3, '7212', 'Welder', 12],
      [4, null, 'Hairdresser', 12],
      [5, '5120', 'Cook', 10],
      [6, '3512', 'ICT operations technician', null],
      [7, null, 'Tailor', null],
    ]);
  });

  it('gives each share of 73 in percent, two decimals rounded half up', () => {
    // 16/73 = 21.917…%, 12/73 = 16.438…%, 10/73 = 13.698…%
    expect(report.rows.map((r) => r.share)).toEqual([21.92, 16.44, 16.44, 16.44, 13.7, null, null]);
  });

  it('suppresses counts below 5, one more where a row would give one back, zeros shown', () => {
    expect(report.rows.map((r) => r.byEducationLevel)).toEqual([
      levels([10, 6, 0, 0, 0, 0]),
      levels([6, 6, 0, 0, 0, 0]),
      levels([5, null, 0, 0, 0, null]),
      levels([6, 6, 0, 0, 0, 0]),
      // 2 is small; its partner is the smallest other count, the first zero in level order
      levels([8, null, null, 0, 0, 0]),
      levels([null, null, null, null, null, null]),
      levels([null, null, null, null, null, null]),
    ]);
  });
});

describe('suppression across occupations', () => {
  it('hides no second occupation when two totals are already hidden', () => {
    const report = table([
      occupation('1', 'A', [20]),
      occupation('2', 'B', [9]),
      occupation('3', 'C', [4]),
      occupation('4', 'D', [1]),
    ]);
    expect(report.rows.map((r) => r.total)).toEqual([20, 9, null, null]);
    expect(report.total).toBe(34);
  });

  it('hides the quarter total itself below the threshold, and then needs no partner', () => {
    const report = table([occupation('1', 'A', [3])]);
    expect(report.total).toBe(null);
    expect(report.rows).toEqual([
      {
        rank: 1,
        occupation: { code: '1', title: 'A' },
        total: null,
        byEducationLevel: levels([null, null, null, null, null, null]),
        share: null,
      },
    ]);
  });

  it('gives an empty table for a quarter without awards', () => {
    expect(table([])).toMatchObject({ total: 0, rows: [] });
  });

  it('follows the configured threshold', () => {
    expect(
      table([occupation('1', 'A', [3, 2]), occupation('2', 'B', [1])], 1).rows.map((r) => r.byEducationLevel.primary),
    ).toEqual([3, 1]);
    // B's 11 is below 12, and A's 12 is hidden with it, else 43 - 20 - 12 would give it back
    const report = table([occupation('1', 'A', [12]), occupation('2', 'B', [11]), occupation('3', 'C', [20])], 12);
    expect(report.rows.map((r) => [r.occupation.code, r.total])).toEqual([
      ['3', 20],
      ['1', null],
      ['2', null],
    ]);
  });
});

describe('a table merged from several institutions', () => {
  const counts = (occupations: OccupationCount[]) => ({
    quarter: '2026-Q2',
    educationLevels: [...DEFAULT_EDUCATION_LEVELS],
    occupations,
  });
  const merged = (...institutions: OccupationCount[][]) => {
    const all = countOccupations(
      '2026-Q2',
      DEFAULT_EDUCATION_LEVELS,
      institutions
        .flat()
        .flatMap((o) =>
          Object.entries(o.byEducationLevel).map(([educationLevel, count]) => ({ ...o, educationLevel, count })),
        ),
    );
    return occupationTable(all, 5, institutions.map(counts));
  };

  it('hides a count that one institution’s own table would give the others’ small share of back', () => {
    // Electricians: 10 + 2 = 12. The first institution shows its 10; 12 would tell the second's 2.
    const report = merged(
      [
        occupation('7411', 'Electrician', [0, 0, 10, 0, 0, 0]),
        occupation('7126', 'Plumber', [0, 0, 20, 0, 0, 0]),
        occupation('7212', 'Welder', [0, 0, 6, 0, 0, 0]),
      ],
      [occupation('7411', 'Electrician', [0, 0, 2, 0, 0, 0]), occupation('7126', 'Plumber', [0, 0, 9, 0, 0, 0])],
    );
    expect(report.rows.find((r) => r.occupation.code === '7411')).toMatchObject({ total: null });
    // Plumbers: 20 + 9 = 29, each share 5 or more: shown. The Welders' 6, the smallest shown total,
    // goes with the one hidden total (rule 3).
    expect(report.rows.find((r) => r.occupation.code === '7126')).toMatchObject({ total: 29 });
    expect(report.rows.find((r) => r.occupation.code === '7212')).toMatchObject({ total: null });
  });

  it('shows what one institution alone counted, and hides the quarter total when the others add up to little', () => {
    const alone = merged([occupation('7411', 'Electrician', [0, 0, 12, 0, 0, 0])], []);
    expect(alone.rows[0]).toMatchObject({ total: 12, byEducationLevel: levels([0, 0, 12, 0, 0, 0]) });
    const report = merged(
      [occupation('7411', 'Electrician', [0, 0, 30, 0, 0, 0])],
      [occupation('7126', 'Plumber', [0, 0, 3, 0, 0, 0])],
    );
    expect(report.total).toBeNull();
  });
});

describe('shares', () => {
  it('round half up in exact arithmetic, and may not add up to 100', () => {
    expect(shareOf(1, 32)).toBe(3.13); // 3.125
    expect(shareOf(201, 20_000)).toBe(1.01); // 1.005, which binary floating point puts below the half
    expect(shareOf(1, 3)).toBe(33.33);
    expect(shareOf(2, 3)).toBe(66.67);
    expect(shareOf(1, 3) * 3).not.toBe(100);
    expect(shareOf(7, 7)).toBe(100);
  });
});

describe('counting groups into occupations', () => {
  it('joins an occupation by its code under its most given title, or by its title in any case', () => {
    const counts = countOccupations('2026-Q2', DEFAULT_EDUCATION_LEVELS, [
      { code: '7411', title: 'Electrician', educationLevel: 'primary', count: 3 },
      { code: '7411', title: 'Electrician (building)', educationLevel: 'primary', count: 2 },
      { code: '7411', title: 'Electrician', educationLevel: null, count: 1 },
      { code: null, title: 'Tailor', educationLevel: 'technician', count: 2 },
      { code: null, title: 'tailor', educationLevel: 'technician', count: 2 },
      { code: null, title: null, educationLevel: 'primary', count: 1 },
    ]);
    expect(counts.occupations).toEqual([
      { code: '7411', title: 'Electrician', byEducationLevel: levels([5, 0, 0, 0, 0, 1]) },
      { code: null, title: 'Tailor', byEducationLevel: levels([0, 0, 0, 4, 0, 0]) },
      { code: null, title: null, byEducationLevel: levels([1, 0, 0, 0, 0, 0]) },
    ]);
  });

  it('keeps a level that is no longer configured as a level of its own', () => {
    const counts = countOccupations(
      '2026-Q2',
      [{ code: 'basic' }, { code: 'unknown' }],
      [{ code: '1', title: 'A', educationLevel: 'primary', count: 6 }],
    );
    expect(counts.educationLevels).toEqual([{ code: 'basic' }, { code: 'unknown' }, { code: 'primary' }]);
    expect(counts.occupations[0]!.byEducationLevel).toEqual({ basic: 0, unknown: 0, primary: 6 });
  });
});
