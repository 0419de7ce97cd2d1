import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/messages/index.ts';
import { standInVerifierApp } from '../../test/support/api-apps.ts';

const app = standInVerifierApp();
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('GET / (the verification page)', () => {
  it('is HTML under a strict policy: only this origin, no inline script, no frames, no cookie', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const page = await response.text();
    // No inline script: only the inert words block and the script file.
    expect([...page.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!.trim())).toEqual([
      'type="module" src="assets/verify.js"',
      'type="application/json" id="words"',
    ]);
    expect(page).not.toMatch(/\son\w+=/);
  });

  it('speaks the ?lang= language, else the browser language, else English, with a link to every language', async () => {
    const inArabic = await (await get('/?lang=ar')).text();
    expect(inArabic).toContain('<html lang="ar" dir="rtl">');
    expect(inArabic).toContain(LANGUAGES.ar!.page.page_title);
    const inHindi = await get('/', { 'accept-language': 'hi-IN,en;q=0.5' });
    expect(inHindi.headers.get('content-language')).toBe('hi');
    expect(await inHindi.text()).toContain('<html lang="hi" dir="ltr">');
    expect(await (await get('/?lang=xx', { 'accept-language': 'de' })).text()).toContain('<html lang="en" dir="ltr">');
    for (const tag of Object.keys(LANGUAGES)) expect(inArabic).toContain(`href="?lang=${tag}"`);
  });

  it('carries the answer\'s words as JSON for the script, with no "<" that could end the block', async () => {
    const page = await (await get('/?lang=en')).text();
    const block = page.split('id="words">')[1]!.split('</script>')[0]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block).verdict_valid).toBe('Valid');
  });

  it('is sent compressed to a browser that accepts it', async () => {
    const response = await get('/', { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toContain('<!doctype html>');
  });
});

describe('GET /assets/{name}', () => {
  it("serves the page's files and the decoder from this verifier, with their media types", async () => {
    for (const [name, type] of [
      ['verify.js', 'text/javascript'],
      ['verify.css', 'text/css'],
      ['zxing-reader.js', 'text/javascript'],
      ['zxing_reader.wasm', 'application/wasm'],
    ]) {
      const response = await get(`/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  it('serves nothing else: a 404 problem, as for any unknown path', async () => {
    for (const path of ['/assets/routes.ts', '/assets/..%2Fpage.ts', '/assets/', '/assets/__proto__']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('the API beside the page', () => {
  it('answers as before: JSON, no page headers', async () => {
    const health = await get('/health');
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('content-security-policy')).toBeNull();
    const missing = await get('/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });
});
