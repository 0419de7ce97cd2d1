import { HttpProblem } from '../../core/http-problem.ts';

/** A calendar quarter: its name (2026-Q2) and its first and last award dates, inclusive. */
export interface Quarter {
  name: string;
  firstDay: string;
  lastDay: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/i;
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

/**
 * The quarter `2026-Q2` names. Award dates are calendar dates without a time of day, so a quarter
 * is the dates from its first day to its last as written (the same in every time zone, UTC's).
 */
export function parseQuarter(text: string | undefined): Quarter {
  const match = QUARTER.exec(text?.trim() ?? '');
  if (!match || Number(match[1]) < 1900)
    throw new HttpProblem(
      400,
      'Bad quarter',
      `"quarter" must name a quarter as a year and Q1 to Q4, such as 2026-Q2 (April to June 2026)${text ? `; got "${text.slice(0, 40)}"` : ''}.`,
    );
  const [, year, n] = match as unknown as [string, string, string];
  const month = String(3 * Number(n) - 2).padStart(2, '0');
  return { name: `${year}-Q${n}`, firstDay: `${year}-${month}-01`, lastDay: `${year}-${LAST_DAY[Number(n) - 1]}` };
}
