import type { OpenAPIHono } from '@hono/zod-openapi';
import { HttpProblem } from '../../core/http-problem.ts';
import { jsonObjectBody } from '../../core/openapi/json-object-body.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import { noteAuditTargets } from '../audit/targets.ts';
import { CreatedToken, TokenIdParams, TokenInfo, TokenList, TokenRequest } from './api-schemas.ts';
import type { ApiTokens } from './api-tokens.ts';
import type { ScopeGuard } from './guard.ts';
import { scopedRoutes } from './scoped-route.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** POST, GET and DELETE /tokens: an administrator's management of API tokens (docs/api-tokens.md). */
export function mountTokenRoutes(app: OpenAPIHono, guard: ScopeGuard, tokens: ApiTokens): void {
  const scoped = scopedRoutes(guard);
  const create = scoped('admin', {
    method: 'post',
    path: '/tokens',
    summary: 'Creates a named API token with scopes; the answer shows the token this once',
    middleware: [jsonObjectBody] as const,
    request: { body: { required: true, ...json(TokenRequest) } },
    responses: {
      201: { description: 'The token, shown once', ...json(CreatedToken) },
      ...refusals([400, 401, 409, 413, 415], { 409: 'A live token has this name' }),
    },
  });
  const list = scoped('admin', {
    method: 'get',
    path: '/tokens',
    summary: 'The API tokens: name, scopes, created, last used, revoked; never the tokens themselves',
    responses: { 200: { description: 'Every token, oldest first', ...json(TokenList) }, ...refusals([401]) },
  });
  const revoke = scoped('admin', {
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revokes an API token: from now on it is refused (401)',
    request: { params: TokenIdParams },
    responses: { 200: { description: 'Revoked', ...json(TokenInfo) }, ...refusals([401, 404]) },
  });

  app.openapi(
    create,
    async (c) => {
      const { name, scopes } = c.req.valid('json');
      const created = await tokens.create(name, scopes);
      noteAuditTargets(c, [created.id]);
      return c.json(created, 201);
    },
    refuseInvalid(() => ({ status: 400, title: 'Bad token request' })),
  );
  app.openapi(list, async (c) => c.json({ items: await tokens.list() }, 200));
  app.openapi(
    revoke,
    async (c) => {
      const { id } = c.req.valid('param');
      const revoked = await tokens.revoke(id);
      if (!revoked) throw new HttpProblem(404, 'Unknown token', `No API token has the id ${id}.`);
      return c.json(revoked, 200);
    },
    refuseInvalid((_issue, target) =>
      target === 'param' ? { status: 404, title: 'Unknown token' } : { status: 400, title: 'Malformed request' },
    ),
  );
}
