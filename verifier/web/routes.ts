import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import type { LanguageVariables } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { notFound } from '../../core/http-problem.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { pageLanguage } from '../../core/web/page-language.ts';
import { ASSET_NAMES, asset } from './assets.ts';
import { verificationPage } from './page.ts';

/**
 * A strict policy: everything from this verifier only, no inline script or style, no frames; the
 * decoder's WebAssembly may compile ('wasm-unsafe-eval' allows that and not eval). The camera is
 * allowed for this origin only; nothing sets a cookie.
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'blob:', 'data:'],
    mediaSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  // HTTPS, and so HSTS, is for whoever puts the verifier behind TLS to decide.
  strictTransportSecurity: false,
  permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
});

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'The verification page, for people: scan, upload or paste a credential and read the answer',
  description:
    'HTML in the language of `lang`, else of Accept-Language. Its script calls POST /credentials/verify and POST /presentations/verify.',
  middleware: [pageLanguage] as const,
  request: {
    query: z.object({
      lang: z.string().optional().openapi({ description: 'A language tag: en, fr, es, ar, zh, pt, hi', example: 'ar' }),
    }),
  },
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

const assetRoute = createRoute({
  method: 'get',
  path: '/assets/{name}',
  summary: "The page's style and script, and the QR decoder it loads when the browser has none",
  request: { params: z.object({ name: z.string().openapi({ example: 'verify.js', enum: [...ASSET_NAMES] }) }) },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/javascript': { schema: z.string() },
        'text/css': { schema: z.string() },
        'application/wasm': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...refusals([404]),
  },
});

/** The verification page (`GET /`) and its assets, in the verifier's app; the API routes stay as they are. */
export function mountVerificationPage<E extends { Variables: LanguageVariables }>(app: OpenAPIHono<E>): void {
  app.use('/', pageHeaders, compress());
  app.use('/assets/*', pageHeaders, compress());
  app.openapi(pageRoute, (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Language, Accept-Encoding');
    c.header('Content-Language', c.get('language'));
    return c.html(verificationPage(c.get('language')), 200);
  });
  app.openapi(assetRoute, (c) => {
    const found = asset(c.req.valid('param').name);
    if (!found) return notFound(c) as never;
    c.header('Content-Type', found.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200) as never;
  });
}
