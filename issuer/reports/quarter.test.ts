import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../core/http-problem.ts';
import { parseQuarter } from './quarter.ts';

describe('a quarter', () => {
  it('runs from its first to its last calendar day', () => {
    expect(parseQuarter('2026-Q1')).toEqual({ name: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(parseQuarter('2026-Q2')).toEqual({ name: '2026-Q2', firstDay: '2026-04-01', lastDay: '2026-06-30' });
    expect(parseQuarter(' 2026-q3 ')).toEqual({ name: '2026-Q3', firstDay: '2026-07-01', lastDay: '2026-09-30' });
    expect(parseQuarter('2024-Q4')).toEqual({ name: '2024-Q4', firstDay: '2024-10-01', lastDay: '2024-12-31' });
  });

  it('is a 400 in plain words when it names none', () => {
    for (const text of [undefined, '', '2026-Q5', '2026-Q0', '2026Q2', 'Q2-2026', '1899-Q4', '2026-04']) {
      let problem: unknown;
      try {
        parseQuarter(text);
      } catch (error) {
        problem = error;
      }
      expect(problem, String(text)).toBeInstanceOf(HttpProblem);
      expect((problem as HttpProblem).status).toBe(400);
      expect((problem as HttpProblem).detail).toMatch(
        /^"quarter" must name a quarter as a year and Q1 to Q4, such as 2026-Q2/,
      );
    }
  });
});
