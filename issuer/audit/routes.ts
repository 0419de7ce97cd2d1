import type { OpenAPIHono } from '@hono/zod-openapi';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import type { ScopeGuard } from '../tokens/guard.ts';
import { scopedRoutes } from '../tokens/scoped-route.ts';
import { AuditList, AuditQuery, auditRange } from './api-schemas.ts';
import { auditCsv } from './audit-csv.ts';
import type { AuditLog } from './audit-log.ts';

const badQuery = refuseInvalid(() => ({ status: 400, title: 'Bad query' }));

/** GET /audit and GET /audit.csv: the audit log of writes, for an administrator. */
export function mountAuditRoutes(app: OpenAPIHono, guard: ScopeGuard, audit: AuditLog): void {
  const scoped = scopedRoutes(guard);
  const read = scoped('admin', {
    method: 'get',
    path: '/audit',
    summary: 'The audit log: each write, by which token, to what, with what outcome, when and from where; newest first',
    request: { query: AuditQuery },
    responses: {
      200: { description: 'The newest entries of the range', content: { 'application/json': { schema: AuditList } } },
      ...refusals([400, 401]),
    },
  });
  const exported = scoped('admin', {
    method: 'get',
    path: '/audit.csv',
    summary: 'The audit log of a range as CSV, oldest first',
    request: { query: AuditQuery.omit({ limit: true }) },
    responses: {
      200: { description: 'One line per write', content: { 'text/csv': { schema: { type: 'string' as const } } } },
      ...refusals([400, 401]),
    },
  });
  app.openapi(
    read,
    async (c) => {
      const query = c.req.valid('query');
      return c.json({ items: await audit.newest(auditRange(query), query.limit) }, 200);
    },
    badQuery,
  );
  app.openapi(
    exported,
    (c) =>
      c.body(auditCsv(audit.all(auditRange(c.req.valid('query')))), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="audit.csv"',
      }),
    badQuery,
  );
}
