/** listen() with TLS_CERT_FILE / TLS_KEY_FILE: HTTPS, and the same deadlines for slow clients (real sockets on loopback). */
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../test/support/tls-certificate.ts';
import { loadConfig } from './config.ts';
import { listen, type RunningServer, TIMEOUTS } from './serve.ts';

const certificate = selfSignedCertificate();
let server: RunningServer;

beforeAll(async () => {
  const { tls } = loadConfig({ TLS_CERT_FILE: certificate.certFile, TLS_KEY_FILE: certificate.keyFile });
  // A short head deadline, so that a silent client is closed while the test watches.
  server = await listen(
    new Hono().get('/', (c) => c.text('ok')),
    '127.0.0.1',
    0,
    { maxConnections: 10, maxPerClient: 10, ...(tls ? { tls } : {}) },
    { ...TIMEOUTS, headersTimeout: 300 },
  );
});

afterAll(async () => {
  await server?.close();
  await certificate.agent.close();
});

describe('listen over TLS', () => {
  it('serves HTTPS to a client that trusts the certificate', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/`, { dispatcher: certificate.agent } as RequestInit);
    expect(await response.text()).toBe('ok');
  });

  it('closes a client that never finishes the handshake, and one that sends no request after it', async () => {
    const silentTcp = connectTcp({ host: '127.0.0.1', port: server.port });
    const silentTls = connectTls({ host: '127.0.0.1', port: server.port, ca: certificate.cert });
    const closed = (socket: { once: (event: 'close', listener: () => void) => unknown }) =>
      new Promise<string>((resolve) => socket.once('close', () => resolve('closed')));
    silentTcp.on('error', () => {});
    silentTls.on('error', () => {});
    expect(await Promise.all([closed(silentTcp), closed(silentTls)])).toEqual(['closed', 'closed']);
  });
});
