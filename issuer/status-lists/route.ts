import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CREDENTIAL_FORMATS } from '../../core/formats/index.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import { LIST_MAX_AGE_SECONDS } from './list-credential.ts';
import type { StatusLists } from './status-lists.ts';

const ListParams = z.object({
  id: z.uuid().openapi({ description: 'The status list, as the end of a credential\'s "statusListCredential" URL' }),
});

const route = createRoute({
  method: 'get',
  path: '/status-lists/{id}',
  summary:
    'A W3C Bitstring Status List credential, signed in the configured format; its bits are committed on the ledger',
  description:
    'Public and cacheable. encodedList is GZIP-compressed, multibase base64url; a set bit is a revoked credential. What the list reveals and how to check it against the ledger: docs/status-lists.md',
  request: { params: ListParams },
  responses: {
    200: {
      description: 'The signed status list credential (compact JWS), as last committed on the ledger',
      content: Object.fromEntries(CREDENTIAL_FORMATS.map((f) => [f.mediaType, { schema: z.string() }])),
    },
    ...refusals([404]),
  },
});

/** GET /status-lists/{id}: what any standard verifier fetches for a credential's `credentialStatus`. */
export function mountStatusLists(app: OpenAPIHono, lists: StatusLists): void {
  app.openapi(
    route,
    async (c) => {
      const served = await lists.served(c.req.valid('param').id);
      if (!served) throw new HttpProblem(404, 'Unknown status list', 'No status list with this id is served here.');
      return c.body(served.token, 200, {
        'content-type': served.mediaType,
        'cache-control': `public, max-age=${LIST_MAX_AGE_SECONDS}`,
      }) as never;
    },
    refuseInvalid((_issue, target) =>
      target === 'param' ? { status: 404, title: 'Unknown status list' } : { status: 400, title: 'Bad request' },
    ),
  );
}
