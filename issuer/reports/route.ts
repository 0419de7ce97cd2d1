import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LANGUAGES } from '../../core/messages/index.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import { pageLanguage } from '../../core/web/page-language.ts';
import type { ScopeGuard } from '../tokens/guard.ts';
import { scopedRoutes } from '../tokens/scoped-route.ts';
import type { OccupationReports } from './occupation-reports.ts';
import { parseQuarter } from './quarter.ts';
import { REPORT_FORMATS, renderOccupationReport } from './render.ts';
import { REPORT_PAGE_CSP } from './report-page.ts';

const ReportQuery = z.object({
  // Checked by parseQuarter, which says in plain words what a quarter looks like.
  quarter: z.string().optional().openapi({ example: '2026-Q2', description: 'The quarter: a year and Q1 to Q4' }),
  format: z
    .enum(REPORT_FORMATS, { error: '"format" must be json, csv or html.' })
    .default('json')
    .openapi({ description: 'json (default), csv (UTF-8 with BOM) or html (a page with a bar chart)' }),
  lang: z
    .string()
    .optional()
    .openapi({
      description: `The page's language (${Object.keys(LANGUAGES).join(', ')}); else Accept-Language, else en`,
    }),
  signed: z.enum(['true', 'false'], { error: '"signed" must be true or false.' }).default('false').openapi({
    description:
      "true: the quarter's exact counts as a compact JWS signed with the institution's DID, for the accreditation authority to aggregate (format is then ignored)",
  }),
});

const Shown = z.number().nullable();
const OccupationReportJson = z
  .object({
    quarter: z.string().openapi({ example: '2026-Q2' }),
    total: Shown.openapi({ description: "The quarter's total; null when suppressed (below the threshold)" }),
    rows: z.array(
      z.object({
        rank: z.int(),
        occupation: z.object({ code: z.string().nullable(), title: z.string().nullable() }),
        total: Shown,
        byEducationLevel: z.record(z.string(), Shown),
        share: Shown.openapi({ description: 'Percent of the quarter total, two decimals, rounded half up' }),
      }),
    ),
    educationLevels: z.array(z.object({ code: z.string(), isced: z.int().optional() })),
    suppressionThreshold: z.int(),
  })
  .openapi('OccupationReport', { description: 'null counts are suppressed: docs/reports.md gives the rules' });

/** GET /reports/occupations: the quarterly labour-market report (docs/reports.md). */
export function mountOccupationReport(app: OpenAPIHono, guard: ScopeGuard, reports: OccupationReports): void {
  const route = scopedRoutes(guard)('report', {
    method: 'get',
    path: '/reports/occupations',
    summary: "The quarter's occupations ranked by people awarded, by education level, small counts suppressed",
    description: 'The rules (award date, revoked left out, ties, shares, suppression): docs/reports.md',
    request: { query: ReportQuery },
    responses: {
      200: {
        description: 'The report in the format asked for',
        content: {
          'application/json': { schema: OccupationReportJson },
          'text/csv': { schema: z.string() },
          'text/html': { schema: z.string() },
          'application/jose': { schema: z.string().openapi({ description: 'The signed exact counts (compact JWS)' }) },
        },
      },
      ...refusals([400, 401], { 400: 'Not a quarter, or an unknown format' }),
    },
  });
  app.openapi(
    route,
    async (c) => {
      const query = c.req.valid('query');
      const quarter = parseQuarter(query.quarter).name;
      const download = (extension: string) => `attachment; filename="occupations-${quarter}.${extension}"`;
      if (query.signed === 'true') {
        const jws = await reports.signed(quarter);
        return c.body(jws, 200, { 'content-type': 'application/jose', 'content-disposition': download('jws') });
      }
      const report = await reports.table(quarter);
      if (query.format === 'json') return c.json(report, 200);
      // ?lang=, else Accept-Language, else English: as every page of the project chooses (core/web).
      const languageContext = c as unknown as Context<{ Variables: { language: string } }>;
      await pageLanguage(languageContext, async () => {});
      const language = languageContext.get('language');
      const { contentType, body } = await renderOccupationReport(report, query.format, {
        language,
        institution: reports.institutionName,
      });
      if (query.format === 'html') {
        c.header('Content-Security-Policy', REPORT_PAGE_CSP);
        c.header('Content-Language', language);
      } else c.header('Content-Disposition', download('csv'));
      return c.body(body, 200, { 'content-type': contentType });
    },
    refuseInvalid(() => ({ status: 400, title: 'Bad query' })),
  );
}
