import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import packageJson from '../../package.json' with { type: 'json' };
import { type ApiDocument, REFERENCE_PAGE_CSP, referencePage } from './reference-page.ts';

export interface ApiInfo {
  title: string;
  description: string;
}

const describeRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This API, described in OpenAPI 3.1',
  responses: {
    200: {
      description: 'The OpenAPI document',
      content: { 'application/json': { schema: z.looseObject({ openapi: z.string() }) } },
    },
  },
});

const referenceRoute = createRoute({
  method: 'get',
  path: '/docs',
  summary: 'This API, as a page to read',
  responses: {
    200: {
      description: 'The reference page, self-contained (no script, nothing loaded from elsewhere)',
      content: { 'text/html': { schema: z.string() } },
    },
  },
});

/**
 * Serves the app's OpenAPI 3.1 document at GET /openapi.json and a reference page at GET /docs.
 * Call it after the app's routes are registered: the document is built once, on first request.
 */
export function describeApi<E extends Env>(app: OpenAPIHono<E>, info: ApiInfo): void {
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const documentOf = () => {
    document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: { ...info, version: packageJson.version } });
    return document;
  };
  app.openapi(describeRoute, (c) => c.json(documentOf(), 200));
  app.openapi(referenceRoute, async (c) => {
    c.header('Content-Security-Policy', REFERENCE_PAGE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(await referencePage(documentOf() as ApiDocument), 200);
  });
}
