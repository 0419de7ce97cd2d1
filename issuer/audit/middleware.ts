import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { clientOf } from '../../core/rate-limit.ts';
import type { AuditLog } from './audit-log.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_ID_LENGTH = 100;

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The route as the API documents it (`/tokens/{id}`), or undefined when no route answered. */
const documentedRoute = (c: Context) =>
  matchedRoutes(c)
    .filter((r) => r.method !== 'ALL')
    .at(-1)
    ?.path.replace(/:(\w+)/g, '{$1}');

/** The `ids` list of a validated JSON body (a batch revocation), and nothing else from the body. */
function idsOfBody(c: Context): string[] {
  let body: unknown;
  try {
    body = (c.req as unknown as { valid(target: string): unknown }).valid('json');
  } catch {
    return [];
  }
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The ids a write touched: its path parameters, what `Location` names, what the handler noted and
 * a validated body's `ids`. Nothing else from the body: a body may hold claim codes, names or tokens.
 */
function targetsOf(c: Context, route: string): string[] {
  const actual = c.req.path.split('/');
  const fromPath = route
    .split('/')
    .flatMap((segment, i) => (segment.startsWith('{') && actual[i] ? [decoded(actual[i])] : []));
  const location = c.res.status < 300 ? c.res.headers.get('location')?.split('/').at(-1) : undefined;
  const ids = [...fromPath, ...(location ? [location] : []), ...(c.get('auditTargets') ?? []), ...idsOfBody(c)];
  return [...new Set(ids.map((id) => id.replace(/\s/g, '').slice(0, MAX_ID_LENGTH)))];
}

/** Records every write the API answered (allowed or refused) in the audit log, after it is answered. */
export function auditWrites(audit: AuditLog, options: { trustProxy: boolean; log: (message: string) => void }) {
  const middleware: MiddlewareHandler = async (c, next) => {
    await next();
    if (!WRITES.has(c.req.method)) return;
    const route = documentedRoute(c);
    if (!route) return;
    const caller = c.get('apiCaller');
    try {
      await audit.record({
        tokenId: caller?.tokenId ?? null,
        tokenName: caller?.name ?? null,
        method: c.req.method,
        route,
        targets: targetsOf(c, route),
        status: c.res.status,
        client: clientOf(c, options.trustProxy),
      });
    } catch (error) {
      // The write is done and answered; losing its audit line is reported, not turned into a failure.
      options.log(`audit log: cannot record ${c.req.method} ${route}: ${(error as Error).message}`);
    }
  };
  return middleware;
}
