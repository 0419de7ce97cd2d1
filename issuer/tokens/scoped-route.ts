import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ProblemDetails } from '../../core/openapi/problem-details.ts';
import type { ScopeGuard } from './guard.ts';
import type { Scope } from './scopes.ts';

/** The OpenAPI name of the issuer's bearer tokens; a route's requirement lists the scope it needs. */
export const API_TOKEN = 'apiToken';

export const API_TOKEN_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  description:
    'An issuer token, `Authorization: Bearer <token>`: the admin token (`SKILLMARK_ADMIN_TOKEN`, every scope) or an API token made with POST /tokens. Each route names the scope it needs (`issue`, `revoke`, `read`, `report` or `admin`; `admin` may do everything). Unknown token: 401; token without the scope: 403. Requests without the admin token are rate-limited per client.',
} as const;

/**
 * Makes routes that need a scope: the guard runs before the route's own middleware, and the
 * OpenAPI description names the scope in the security requirement and in words.
 */
export function scopedRoutes(guard: ScopeGuard) {
  return <R extends Omit<RouteConfig, 'security'>>(scope: Scope, route: R) => {
    const own = route.middleware === undefined ? [] : [route.middleware].flat();
    const needs = `Needs a token with the \`${scope}\` scope (or \`admin\`).`;
    return createRoute({
      ...route,
      description: route.description ? `${needs} ${route.description}` : needs,
      security: [{ [API_TOKEN]: [scope] }],
      middleware: [guard(scope), ...own],
      responses: {
        ...route.responses,
        403: {
          description: `The token lacks the \`${scope}\` scope`,
          content: { 'application/problem+json': { schema: ProblemDetails } },
        },
      },
    });
  };
}
