/** The CSV and the page say what the table holds, and nothing a title could smuggle in acts. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDUCATION_LEVELS } from './education-levels.ts';
import type { OccupationCount } from './occupation-counts.ts';
import { occupationTable } from './occupation-table.ts';
import { renderOccupationReport } from './render.ts';
import { reportCsv } from './report-csv.ts';
import { REPORT_PAGE_CSP, reportPage } from './report-page.ts';

const occupation = (code: string | null, title: string | null, primary: number): OccupationCount => ({
  code,
  title,
  byEducationLevel: { primary },
});
const table = (occupations: OccupationCount[]) =>
  occupationTable({ quarter: '2026-Q3', educationLevels: [...DEFAULT_EDUCATION_LEVELS], occupations }, 5);

describe('the CSV', () => {
  it('quotes commas, quotes and line breaks, and disarms text a spreadsheet would run as a formula', () => {
    const csv = reportCsv(
      table([
        occupation('1', 'Cook, pastry "chef"', 9),
        occupation('2', '=HYPERLINK("http://x")', 8),
        occupation('3', 'Two\nlines', 7),
        occupation(null, null, 6),
      ]),
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('2026-Q3,1,1,"Cook, pastry ""chef""",9,9,0,0,0,0,0,30.00');
    expect(lines[2]).toBe(`2026-Q3,2,2,"'=HYPERLINK(""http://x"")",8,8,0,0,0,0,0,26.67`);
    expect(lines[3]).toBe('2026-Q3,3,3,"Two\nlines",7,7,0,0,0,0,0,23.33');
    expect(lines[4]).toBe('2026-Q3,4,,,6,6,0,0,0,0,0,20.00');
    expect(lines[5]).toBe('2026-Q3,,,all occupations,30,,,,,,,100.00');
  });

  it('has no share in the total line of an empty quarter', () => {
    expect(reportCsv(table([])).slice(1).split('\r\n')[1]).toBe('2026-Q3,,,all occupations,0,,,,,,,');
  });
});

describe('the page', () => {
  const page = async (occupations: OccupationCount[], language: 'en' | 'ar' | 'hi' | 'fr' | 'zh' = 'en') =>
    String(await reportPage(table(occupations), language));

  it('escapes titles, in the table and in the chart', async () => {
    const html = await page([occupation('1', '<script>alert(1)</script>', 9)]);
    expect(html).not.toContain('<script>');
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toHaveLength(2);
  });

  it('names an occupation without title or code as not stated, and says when a quarter had no awards', async () => {
    expect(await page([occupation(null, null, 9)])).toContain('<th class="who" scope="row">Occupation not stated</th>');
    const empty = await page([]);
    expect(empty).toContain('No qualification was awarded in this quarter.');
    expect(empty).not.toContain('<svg');
    expect(empty).not.toContain('<table');
  });

  it('draws the chart from the right in Arabic, and writes numbers the reader’s way', async () => {
    const arabic = await page([occupation('1', 'A', 1200)], 'ar');
    expect(arabic).toContain('direction="rtl"');
    expect(arabic).toMatch(/<rect x="\d+" y="20" width="336"/);
    expect(arabic).not.toMatch(/<rect x="0" /);
    const hindi = await page([occupation('1', 'A', 123456)], 'hi');
    expect(hindi).toContain('1,23,456'); // Indian digit grouping
  });

  it("titles the page with the language's own colon", async () => {
    expect(await page([], 'en')).toContain('<title>Top training occupations: Quarter 3 of 2026</title>');
    expect(await page([], 'fr')).toContain('<title>Principaux métiers de formation : Trimestre 3 de 2026</title>');
    expect(await page([], 'zh')).toContain('<title>主要培训职业：2026年第3季度</title>');
  });

  it('allows its own style and nothing else', async () => {
    expect(REPORT_PAGE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; /);
    expect(await page([occupation('1', 'A', 9)])).not.toMatch(/<script|<link|<img|src=/);
  });
});

describe('a national table', () => {
  const institutions = [{ file: '/tmp/a.jws', did: 'did:key:z6Mka', name: 'College A', registry: 'National registry' }];

  it('names the merged institutions in JSON (not their files) and on the page', async () => {
    const report = table([occupation('1', 'A', 9)]);
    const json = await renderOccupationReport(report, 'json', { language: 'en', institutions });
    expect(json.contentType).toBe('application/json');
    expect(JSON.parse(json.body)).toEqual({
      ...report,
      institutions: [{ did: 'did:key:z6Mka', name: 'College A', registry: 'National registry' }],
    });
    const page = await renderOccupationReport(report, 'html', { language: 'en', institutions });
    expect(page.body).toContain('Merged from the signed reports of: College A.');
    expect((await renderOccupationReport(report, 'csv', { language: 'en', institutions })).body).toBe(
      reportCsv(report),
    );
  });
});
