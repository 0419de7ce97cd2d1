import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import { fillPlaceholders as fill, type ReportWords, reportWords, textDirection } from '../../core/messages/index.ts';
import type { OccupationReport, OccupationRow, Shown } from './occupation-table.ts';
import { barChart, CHART_ROWS } from './report-chart.ts';

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic","Noto Sans SC","Noto Sans Devanagari",sans-serif;color:#1a1a1a;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.quarter{margin:0 0 1rem;color:#444}
figure{margin:1rem 0;max-width:36rem}
figcaption{color:#444;font-size:.9rem}
svg .label{font-size:15px;fill:#1a1a1a}
svg .value{font-size:14px;fill:#1a1a1a}
svg .bar{fill:#1f5fa8}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;min-width:100%;font-size:.9rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid #ccc;text-align:start;vertical-align:top}
td.n,th.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.hidden{color:#555;font-style:italic}
.who{position:sticky;inset-inline-start:0;z-index:1;background:#fff;box-shadow:inset -1px 0 #ccc}
[dir=rtl] .who{box-shadow:inset 1px 0 #ccc}
.swipe{display:none;color:#444;font-size:.9rem;margin:.5rem 0}
ul{padding-inline-start:1.25rem}
@media (max-width:40rem){.swipe{display:block}}
@media print{main{max-width:none}.scroll{overflow:visible}.swipe{display:none}.who{position:static}}
`;

/** The Content-Security-Policy of the page: nothing but its own inline style, by hash. */
export const REPORT_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const levelName = (words: ReportWords, code: string) =>
  (words as Record<string, string>)[`level_${code}`] ?? code.replace(/_/g, ' ');

/**
 * The report as a page a person reads: in the reader's language, a bar chart of the largest
 * occupations, the whole table, and the rules it follows. It loads nothing and runs no script, so
 * it can be saved, mailed and printed as it is.
 */
export function reportPage(
  report: OccupationReport,
  /** A language tag of the catalogue (core/messages). */
  language: string,
  /** `institution`: who made the report; `institutions`: whose reports a national table merges. */
  options: { institution?: string; institutions?: readonly string[] } = {},
) {
  const words = reportWords(language);
  const rtl = textDirection(language) === 'rtl';
  const numbers = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const [year, number] = report.quarter.split('-Q');
  const quarter = fill(words.quarter, { year: year!, number: number! });
  const occupationOf = (row: OccupationRow) => row.occupation.title ?? row.occupation.code ?? words.occupationNotStated;
  const cell = (value: Shown, format: (n: number) => string = (n) => numbers.format(n)) =>
    value === null ? html`<td class="n hidden">${words.hidden}</td>` : html`<td class="n">${format(value)}</td>`;
  const summary =
    report.total === null
      ? fill(words.summaryHidden, { threshold: numbers.format(report.suppressionThreshold) })
      : report.total === 0
        ? words.empty
        : fill(words.summary, { total: numbers.format(report.total) });
  const levels = report.educationLevels.map((l) => l.code);
  const charted = report.rows.filter((row) => row.total !== null).length;
  return html`<!doctype html>
<html lang="${language}" dir="${rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(words.documentTitle, { title: words.title, quarter })}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
${options.institution ? html`<p class="quarter">${options.institution}</p>` : ''}
<h1>${words.title}</h1>
<p class="quarter">${quarter} (<span dir="ltr">${report.quarter}</span>)</p>
<p>${summary}</p>
${options.institutions?.length ? html`<p>${fill(words.institutions, { names: options.institutions.join(', ') })}</p>` : ''}
${
  charted > 0
    ? html`<figure>${barChart(report.rows, { rtl, title: words.chartTitle, label: occupationOf, number: (n) => numbers.format(n) })}
<figcaption>${words.chartTitle}${charted > CHART_ROWS ? html`. ${fill(words.chartMore, { count: numbers.format(CHART_ROWS) })}` : ''}</figcaption></figure>`
    : ''
}
${
  report.rows.length > 0
    ? html`<p class="swipe">${words.swipeHint}</p>
<div class="scroll"><table>
<thead><tr><td colspan="4"></td><th colspan="${levels.length}" scope="colgroup">${words.educationLevel}</th><td></td></tr>
<tr><th class="n" scope="col">${words.rank}</th><th class="who" scope="col">${words.occupation}</th><th scope="col">${words.code}</th><th class="n" scope="col">${words.trained}</th>${levels.map((level) => html`<th class="n" scope="col">${levelName(words, level)}</th>`)}<th class="n" scope="col">${words.share}</th></tr></thead>
<tbody>
${report.rows.map(
  (
    row,
  ) => html`<tr><td class="n">${numbers.format(row.rank)}</td><th class="who" scope="row">${occupationOf(row)}</th><td>${row.occupation.code ?? ''}</td>${cell(row.total)}${levels.map((level) => cell(row.byEducationLevel[level] ?? null))}${cell(row.share, (n) => percent.format(n / 100))}</tr>
`,
)}</tbody>
</table></div>`
    : ''
}
<h2>${words.rulesHeading}</h2>
<ul>
<li>${words.dateRule}</li>
<li>${words.rankRule}</li>
<li>${words.shareRule}</li>
<li>${fill(words.suppressionRule, { threshold: numbers.format(report.suppressionThreshold) })}</li>
</ul>
</main>
</body>
</html>`;
}
