/**
 * Both services describe their HTTP API once, from the route definitions: GET /openapi.json is an
 * OpenAPI 3.1 document naming every route the app answers, with the admin token on exactly the
 * routes that ask for it; GET /docs renders it as a page that loads nothing from anywhere.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../issuer/tokens/scopes.ts';
import { routesOf, standInIssuerApp, standInVerifierApp } from './support/api-apps.ts';

type Operation = {
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};

const services: [string, () => OpenAPIHono<any>][] = [
  ['issuer', standInIssuerApp],
  ['verifier', standInVerifierApp],
];

async function documentOf(app: OpenAPIHono<any>): Promise<Document> {
  const reply = await app.request('/openapi.json');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  return reply.json();
}

const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

for (const [service, appOf] of services) {
  describe(`${service}: GET /openapi.json`, () => {
    it('is an OpenAPI 3.1 document whose references, parameters and answers hold together', async () => {
      const doc = await documentOf(appOf());
      expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
      expect(doc.info).toMatchObject({
        title: expect.stringContaining('Skillmark'),
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
      for (const ref of refsIn(doc)) {
        const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
        expect(
          (doc.components as Record<string, Record<string, unknown>> | undefined)?.[kind!]?.[name!],
          ref,
        ).toBeDefined();
      }
      for (const { path, method, op } of operationsOf(doc)) {
        const where = `${method} ${path}`;
        expect(
          Object.keys(op.responses).some((status) => /^2\d\d$/.test(status)),
          `${where} has a success answer`,
        ).toBe(true);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), `${where} declares its path parameters`).toEqual(
          [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(),
        );
        for (const requirement of op.security ?? [])
          for (const scheme of Object.keys(requirement))
            expect(doc.components?.securitySchemes?.[scheme], `${where}: ${scheme}`).toBeDefined();
      }
    });

    it('names every route the app answers, and nothing else', async () => {
      const app = appOf();
      const doc = await documentOf(app);
      expect(
        operationsOf(doc)
          .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
          .sort(),
      ).toEqual(routesOf(app));
    });
  });

  describe(`${service}: GET /docs`, () => {
    it('renders every operation, with a strict Content-Security-Policy, and loads nothing from anywhere', async () => {
      const app = appOf();
      const doc = await documentOf(app);
      const reply = await app.request('/docs');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = reply.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/unsafe-|https?:|\*/);
      const page = await reply.text();
      for (const { path, method } of operationsOf(doc)) expect(page).toContain(`id="${method}-${path}"`);
      // No element that fetches: no script, stylesheet link, image, frame or media, no CSS import.
      expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source)\b/i);
      expect(page).not.toMatch(/\s(src|srcset)=|@import|url\(/i);
      for (const [, href] of page.matchAll(/href="([^"]*)"/g))
        expect(href, 'links stay on the page or this service').toMatch(/^(#|[\w.-]+$)/);
    });
  });
}

describe('the tokens in the document are the tokens the issuer asks for', () => {
  it('every route that answers 401 without the token says it needs it, and no other route does', async () => {
    const app = standInIssuerApp();
    const doc = await documentOf(app);
    expect(doc.components?.securitySchemes?.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { path, method, op } of operationsOf(doc)) {
      const concrete = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const reply = await app.request(concrete, {
        method: method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        body: method === 'get' ? undefined : '{}',
      });
      const needsToken = (op.security ?? []).some((requirement) => 'apiToken' in requirement);
      expect(reply.status === 401, `${method} ${path} answered ${reply.status}`).toBe(needsToken);
    }
  });
});

/** The scope each route needs, as docs/api-tokens.md states it. */
function expectedScope(method: string, path: string): Scope | undefined {
  if (/^\/(tokens|audit|ledger-key|signing-key)\b/.test(path)) return 'admin';
  if (path.startsWith('/reports/')) return 'report';
  if (path === '/anchoring') return 'read';
  if (path.startsWith('/cohorts') && !path.startsWith('/cohorts/template')) return 'issue';
  if (path.startsWith('/credentials')) {
    if (path.endsWith('/revoke')) return 'revoke';
    if (path === '/credentials/issue' || path === '/credentials/{id}/claim') return 'issue';
    if (method === 'get') return 'read';
  }
  return undefined;
}

describe('each route names the one scope it needs, and asks for it', () => {
  it('declares the scope in its security requirement and its description', async () => {
    const doc = await documentOf(standInIssuerApp());
    for (const { path, method, op } of operationsOf(doc)) {
      const where = `${method} ${path}`;
      const scope = expectedScope(method, path);
      if (scope === undefined) {
        expect(op.security, where).toBeUndefined();
        continue;
      }
      expect(op.security, where).toEqual([{ apiToken: [scope] }]);
      expect(op.description, where).toContain(`\`${scope}\` scope`);
      expect(op.responses, where).toHaveProperty('403');
    }
    expect(operationsOf(doc).map(({ path }) => path)).toEqual(expect.arrayContaining(['/tokens', '/audit']));
  });

  it('refuses a token without the scope with 403 naming it, and lets one with it through', async () => {
    const app = standInIssuerApp();
    const doc = await documentOf(app);
    for (const { path, method } of operationsOf(doc)) {
      const scope = expectedScope(method, path);
      if (scope === undefined) continue;
      const concrete = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const send = (token: string) =>
        app.request(concrete, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: method === 'get' || method === 'delete' ? undefined : '{}',
        });
      const other = SCOPES.find((s) => s !== scope && s !== 'admin')!;
      const refused = await send(`stand-in-${other}-token`);
      expect(refused.status, `${method} ${path} with "${other}"`).toBe(403);
      expect((await refused.json()).detail).toContain(`"${scope}" scope`);
      for (const token of [`stand-in-${scope}-token`, 'stand-in-admin-token'])
        expect([401, 403], `${method} ${path} with ${token}`).not.toContain((await send(token)).status);
    }
  });
});
