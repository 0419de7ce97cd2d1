import { rm } from 'node:fs/promises';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HttpProblem, RetryLaterProblem } from '../../core/http-problem.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import { requestLanguage } from '../../core/web/page-language.ts';
import { CertificateLanguage } from '../api/schemas.ts';
import { ANCHORING_RETRY_SECONDS } from '../certificate/index.ts';
import type { ScopeGuard } from '../tokens/guard.ts';
import { scopedRoutes } from '../tokens/scoped-route.ts';
import { CohortAccepted, CohortDryRun, CohortIdParams, CohortStatus, CohortUploadQuery } from './api-schemas.ts';
import { type CohortCertificateSources, cohortCertificatesPdf, cohortPrintability } from './certificates.ts';
import type { CohortJobs } from './jobs.ts';
import { readHeaderOf } from './parse.ts';
import { type ResultsOptions, resultsCsv } from './results.ts';
import { templateCsv, templateXlsx } from './template.ts';
import { MAX_UPLOAD_BYTES, saveUpload } from './upload.ts';

export interface CohortService extends ResultsOptions {
  jobs: CohortJobs;
  /** Where uploads are kept until their rows are read. */
  uploadDir: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string' as const, format: 'binary' } } },
});

/** POST /cohorts streams its body to a file: the app's small body limit does not apply to it. */
export const isCohortUpload = (c: Context) => c.req.method === 'POST' && c.req.path === '/cohorts';

export function cohortRoutes(guard: ScopeGuard) {
  const scoped = scopedRoutes(guard);
  return {
    templateCsv: createRoute({
      method: 'get',
      path: '/cohorts/template.csv',
      summary: 'The cohort spreadsheet template as CSV: the columns and one example row',
      responses: { 200: file('text/csv', 'The template') },
    }),
    templateXlsx: createRoute({
      method: 'get',
      path: '/cohorts/template.xlsx',
      summary: 'The cohort spreadsheet template as an Excel workbook',
      responses: { 200: file(XLSX_TYPE, 'The template') },
    }),
    upload: scoped('issue', {
      method: 'post',
      path: '/cohorts',
      summary:
        'Issues a credential to each learner of a spreadsheet (CSV or XLSX, first sheet), as a job; with dryRun, only checks it',
      request: {
        query: CohortUploadQuery,
        body: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' as const } },
            [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
          },
        },
      },
      responses: {
        200: { description: 'dryRun: what issuing the file would do, and each row error', ...json(CohortDryRun) },
        202: { description: 'The job started: follow it at GET /cohorts/{id}', ...json(CohortAccepted) },
        ...refusals([400, 401, 413, 415, 422], {
          413: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
          415: 'Neither CSV nor XLSX',
          422: 'The file cannot be read as a cohort (its header, its form): `errors` says where',
        }),
      },
    }),
    status: scoped('issue', {
      method: 'get',
      path: '/cohorts/{id}',
      summary: "A cohort job's progress: rows issued, already issued and failed, with each row error",
      request: { params: CohortIdParams },
      responses: { 200: { description: 'The job', ...json(CohortStatus) }, ...refusals([401, 404]) },
    }),
    results: scoped('issue', {
      method: 'get',
      path: '/cohorts/{id}/results.csv',
      summary:
        "Each row's learner, credential id, claim code and claim URL, for a mail merge; the claim codes only until the first complete download",
      request: { params: CohortIdParams },
      responses: {
        200: file('text/csv', 'One line per row'),
        ...refusals([401, 404, 409], { 409: 'The job is still running' }),
      },
    }),
    certificates: scoped('issue', {
      method: 'get',
      path: '/cohorts/{id}/certificates.pdf',
      summary:
        "One PDF with every learner's printed certificate, in row order, with the claim codes while results.csv has not been downloaded in full",
      request: { params: CohortIdParams, query: CertificateLanguage },
      responses: {
        200: file('application/pdf', 'One certificate after another (A4), streamed as it is drawn'),
        ...refusals([401, 404, 409], {
          409: 'The job is still running, some credentials are waiting to be anchored (`Retry-After`), or there is no certificate to print',
        }),
      },
    }),
  };
}

const unknownCohort = refuseInvalid((_issue, target) =>
  target === 'param' ? { status: 404, title: 'Unknown cohort' } : { status: 400, title: 'Bad query' },
);

function service(cohorts: CohortService | undefined): CohortService {
  if (!cohorts) throw new HttpProblem(503, 'Cohorts unavailable', 'This issuer was started without cohort jobs.');
  return cohorts;
}

const notFound = (id: string) => new HttpProblem(404, 'Unknown cohort', `No cohort with id ${id} was uploaded here.`);

/** The cohort routes on the issuer's app. */
export function addCohortRoutes(
  app: OpenAPIHono,
  guard: ScopeGuard,
  cohorts: CohortService | undefined,
  certificates: Omit<CohortCertificateSources, keyof ResultsOptions>,
): void {
  const routes = cohortRoutes(guard);
  app.openapi(routes.templateCsv, (c) =>
    c.body(templateCsv(), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="cohort-template.csv"',
    }),
  );
  app.openapi(routes.templateXlsx, async (c) =>
    c.body(await templateXlsx(), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': 'attachment; filename="cohort-template.xlsx"',
    }),
  );
  app.openapi(
    routes.upload,
    async (c) => {
      const { jobs, uploadDir } = service(cohorts);
      const { dryRun, allOrNothing } = c.req.valid('query');
      const { path, kind } = await saveUpload(c, uploadDir);
      if (dryRun) {
        try {
          return c.json(await jobs.dryRun(path, kind), 200);
        } finally {
          await rm(path, { force: true });
        }
      }
      const headerError = await readHeaderOf(path, kind);
      if (headerError) {
        await rm(path, { force: true });
        throw new HttpProblem(422, 'Cohort file refused', `Nothing was issued: ${headerError.message}.`, {
          errors: [
            {
              row: headerError.row,
              ...(headerError.column ? { column: headerError.column } : {}),
              message: headerError.message,
            },
          ],
        });
      }
      const id = await jobs.submit(path, kind, allOrNothing);
      return c.json({ id }, 202, { location: `/cohorts/${id}` });
    },
    refuseInvalid(() => ({ status: 400, title: 'Bad query' })),
  );
  app.openapi(
    routes.status,
    async (c) => {
      const { id } = c.req.valid('param');
      const status = await service(cohorts).jobs.status(id);
      if (!status) throw notFound(id);
      return c.json(status, 200);
    },
    unknownCohort,
  );
  /** The cohort's service, once its job has ended. */
  const finished = async (id: string) => {
    const cohorts_ = service(cohorts);
    const status = await cohorts_.jobs.status(id);
    if (!status) throw notFound(id);
    if (status.status === 'running')
      throw new HttpProblem(
        409,
        'Cohort still running',
        `The cohort is still ${status.phase} (${status.checked} of its rows checked, ${status.issued} issued): ask again when GET /cohorts/${id} says done.`,
      );
    return cohorts_;
  };
  app.openapi(
    routes.results,
    async (c) => {
      const { id } = c.req.valid('param');
      const cohorts_ = await finished(id);
      return c.body(resultsCsv(cohorts_, id), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="cohort-${id}-results.csv"`,
        'cache-control': 'no-store',
      });
    },
    unknownCohort,
  );
  app.openapi(
    routes.certificates,
    async (c) => {
      const { id } = c.req.valid('param');
      const sources = { ...(await finished(id)), ...certificates };
      const { printable, pending } = await cohortPrintability(sources, id);
      if (pending > 0)
        throw new RetryLaterProblem(
          409,
          'Not anchored yet',
          `${pending} of the cohort's credentials are signed and waiting to be anchored on the ledger: the certificates can be printed in a few seconds.`,
          ANCHORING_RETRY_SECONDS,
        );
      if (printable === 0)
        throw new HttpProblem(
          409,
          'No certificate to print',
          'No learner of this cohort holds a credential that can be printed: no row was issued, or every credential was revoked.',
        );
      return c.body(cohortCertificatesPdf(sources, id, await requestLanguage(c)), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="cohort-${id}-certificates.pdf"`,
        // Names and claim codes.
        'cache-control': 'no-store',
      });
    },
    unknownCohort,
  );
}
