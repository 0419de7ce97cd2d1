import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit.ts';
import { listen, type RunningServer } from './serve.ts';

describe('rate limit per client (real HTTP on 127.0.0.1)', () => {
  let server: RunningServer;
  let proxied: RunningServer;

  beforeAll(async () => {
    const app = new Hono().use('*', rateLimit({ perMinute: 5 })).get('/', (c) => c.text('ok'));
    server = await listen(app, '127.0.0.1', 0);
    const behindProxy = new Hono()
      .use('*', rateLimit({ perMinute: 2, trustProxy: true }))
      .get('/', (c) => c.text('ok'));
    proxied = await listen(behindProxy, '127.0.0.1', 0);
  });

  afterAll(async () => {
    await server?.close();
    await proxied?.close();
  });

  it('lets a burst of `perMinute` requests through, then answers 429 with Retry-After and a problem', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(server.url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(server.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });

  it('behind a trusted proxy, counts each X-Forwarded-For client on its own', async () => {
    const from = (ip: string) =>
      fetch(proxied.url, { headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } }).then((r) => r.status);
    expect([await from('192.0.2.1'), await from('192.0.2.1'), await from('192.0.2.1')]).toEqual([200, 200, 429]);
    expect(await from('192.0.2.2')).toBe(200);
  });

  it('refills with time (injected clock) and never counts exempt requests', async () => {
    const clock = { now: 0 };
    const app = new Hono()
      .use('*', rateLimit({ perMinute: 2, now: () => clock.now, exempt: (c) => c.req.header('x-exempt') === 'yes' }))
      .get('/', (c) => c.text('ok'));
    const limited = await listen(app, '127.0.0.1', 0);
    try {
      const get = (headers: Record<string, string> = {}) => fetch(limited.url, { headers }).then((r) => r.status);
      expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
      expect([await get({ 'x-exempt': 'yes' }), await get({ 'x-exempt': 'yes' })]).toEqual([200, 200]);
      clock.now += 30_000;
      expect([await get(), await get()]).toEqual([200, 429]);
    } finally {
      await limited.close();
    }
  });
});
