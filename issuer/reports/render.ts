import type { MergedInstitution } from './aggregate.ts';
import type { OccupationReport } from './occupation-table.ts';
import { reportCsv } from './report-csv.ts';
import { reportPage } from './report-page.ts';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A table in one of the report's formats, the same for an institution's quarter (the route) and a
 * national table (`skillmark-issuer report aggregate`, which passes the merged institutions).
 */
export async function renderOccupationReport(
  report: OccupationReport,
  format: ReportFormat,
  options: { language: string; institution?: string; institutions?: readonly MergedInstitution[] },
): Promise<{ contentType: string; body: string }> {
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: reportCsv(report) };
  if (format === 'html')
    return {
      contentType: 'text/html; charset=utf-8',
      body: String(
        await reportPage(report, options.language, {
          ...(options.institution ? { institution: options.institution } : {}),
          ...(options.institutions ? { institutions: options.institutions.map((i) => i.name) } : {}),
        }),
      ),
    };
  const institutions = options.institutions?.map(({ did, name, registry }) => ({ did, name, registry }));
  return {
    contentType: 'application/json',
    body: `${JSON.stringify({ ...report, ...(institutions ? { institutions } : {}) }, null, 2)}\n`,
  };
}
