import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { LanguageVariables } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { notFound } from '../../core/http-problem.ts';
import { asset } from './assets.ts';
import { verificationPage } from './page.ts';
import { pageLanguage } from './page-language.ts';

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

/** The verification page (`GET /`) and its assets, in the verifier's app; the API routes stay as they are. */
export function mountVerificationPage<E extends { Variables: LanguageVariables }>(app: Hono<E>): void {
  app.use('/', pageHeaders, compress());
  app.use('/assets/*', pageHeaders, compress());
  app.get('/', pageLanguage, (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Language, Accept-Encoding');
    c.header('Content-Language', c.get('language'));
    return c.html(verificationPage(c.get('language')));
  });
  app.get('/assets/:name', (c) => {
    const found = asset(c.req.param('name'));
    if (!found) return notFound(c);
    c.header('Content-Type', found.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(found.body as Uint8Array<ArrayBuffer>);
  });
}
