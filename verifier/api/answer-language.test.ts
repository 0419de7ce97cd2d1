import { Hono } from 'hono';
import type { LanguageVariables } from 'hono/language';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../core/messages/index.ts';
import { answerLanguage } from './answer-language.ts';

const app = new Hono<{ Variables: LanguageVariables }>().use(answerLanguage).get('/', (c) => c.text(c.get('language')));

async function languageFor(header: string | undefined): Promise<string> {
  const reply = await app.request('/', { headers: header === undefined ? {} : { 'accept-language': header } });
  expect(reply.headers.get('set-cookie'), 'nothing is remembered').toBeNull();
  return reply.text();
}

describe('the language the verifier answers in', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['ar', 'ar'],
    ['zh-Hans-CN', 'zh'],
    ['es-419', 'es'],
    ['de-DE, en;q=0.5', 'en'],
    ['de', 'en'],
    ['*', 'en'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['', 'en'],
    ['FR', 'fr'],
    ['en;q=0.2, es;q=0.9', 'es'],
    ['constructor', 'en'],
    ['__proto__, toString', 'en'],
    // Malformed quality values read as the sender plainly meant them: fr above es, above zh.
    ['fr;q=0.5x, es;q=0.4', 'fr'],
    ['fr;q=1.999, zh;q=0.3', 'fr'],
  ])('%j -> %s', async (header, expected) => {
    expect(await languageFor(header)).toBe(expected);
  });

  it('is English without the header, and for an unknown language or a query parameter', async () => {
    expect(await languageFor(undefined)).toBe('en');
    expect(await (await app.request('/?lang=fr')).text()).toBe('en');
  });

  it('is English, without failing, for a 10,000-character garbage header', async () => {
    const alphabet = ';,=q*-. 0123456789xyzXYZ\t"\'()[]<>\\/%';
    let seed = 12345;
    const garbage = Array.from({ length: 10_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return alphabet[seed % alphabet.length];
    }).join('');
    for (const header of [garbage, ','.repeat(10_000), ';q='.repeat(3_334).slice(0, 10_000)])
      expect(await languageFor(header)).toBe('en');
  });

  it('is always one it has a catalogue for', async () => {
    for (const header of ['fr', 'es-MX', 'ar-EG;q=0.7', 'zh-TW', 'en-GB', 'pt-BR', 'x-klingon'])
      expect(Object.keys(CATALOGUES)).toContain(await languageFor(header));
  });
});
