import { html } from 'hono/html';
import type { OccupationRow } from './occupation-table.ts';

/** The chart shows this many occupations at most; the table below it shows them all. */
export const CHART_ROWS = 10;

const WIDTH = 400;
const ROW_HEIGHT = 44;
const VALUE_SPACE = 64;

const shorten = (text: string) => (text.length > 44 ? `${text.slice(0, 43)}…` : text);

/**
 * A horizontal bar chart of the largest shown totals, drawn as SVG so that it needs no script and
 * scales to a phone's width (viewBox, width 100%). Each bar has its occupation above it and its
 * count at its end; right to left, the whole drawing is mirrored.
 */
export function barChart(
  rows: readonly OccupationRow[],
  options: { rtl: boolean; title: string; label: (row: OccupationRow) => string; number: (n: number) => string },
) {
  const bars = rows.filter((row) => row.total !== null).slice(0, CHART_ROWS);
  const largest = Math.max(1, ...bars.map((row) => row.total!));
  // Text starts at the right in a right-to-left drawing (SVG's text-anchor follows `direction`).
  const x = (offset: number) => (options.rtl ? WIDTH - offset : offset);
  const direction = options.rtl ? 'rtl' : 'ltr';
  const height = bars.length * ROW_HEIGHT + 8;
  return html`<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="100%" direction="${direction}">
<title id="chart-title">${options.title}</title>
${bars.map((row, i) => {
  const top = i * ROW_HEIGHT;
  const length = Math.max(2, Math.round(((WIDTH - VALUE_SPACE) * row.total!) / largest));
  return html`<text x="${x(0)}" y="${top + 14}" text-anchor="start" class="label">${shorten(options.label(row))}</text>
<rect x="${options.rtl ? WIDTH - length : 0}" y="${top + 20}" width="${length}" height="16" rx="2" class="bar"/>
<text x="${x(length + 6)}" y="${top + 33}" text-anchor="start" class="value">${options.number(row.total!)}</text>`;
})}
</svg>`;
}
