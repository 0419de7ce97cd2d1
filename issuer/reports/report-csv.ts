import { inertCsvText } from '../../core/inert-csv-text.ts';
import type { OccupationReport, Shown } from './occupation-table.ts';

/** The word a suppressed count is written as (docs/reports.md). */
export const SUPPRESSED = 'suppressed';

/**
 * One CSV field (RFC 4180), hand-written: quoting is three rules, not worth a dependency. A text
 * that a spreadsheet would run as a formula is made inert (inertCsvText).
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? inertCsvText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const count = (value: Shown) => (value === null ? SUPPRESSED : value);

/**
 * The table as CSV: a header, one line per occupation, and a last line with the quarter's total
 * (its level columns empty: they are not published). UTF-8 with a byte order mark, so that
 * spreadsheet programs read accented and non-Latin titles right; CRLF line ends.
 */
export function reportCsv(report: OccupationReport): string {
  const levels = report.educationLevels.map((l) => l.code);
  const lines = [
    ['quarter', 'rank', 'occupation_code', 'occupation_title', 'total', ...levels, 'share_percent'],
    ...report.rows.map((row) => [
      report.quarter,
      row.rank,
      row.occupation.code,
      row.occupation.title,
      count(row.total),
      ...levels.map((level) => count(row.byEducationLevel[level] ?? null)),
      row.share === null ? SUPPRESSED : row.share.toFixed(2),
    ]),
    [
      report.quarter,
      null,
      null,
      'all occupations',
      count(report.total),
      ...levels.map(() => null),
      report.total === null ? SUPPRESSED : report.rows.length ? '100.00' : null,
    ],
  ];
  return `\uFEFF${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
