import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * An HTTP server on a free port of 127.0.0.1 for the tests of the calling suite: it listens before
 * them and closes after them, open connections included. `port()` is known once it listens.
 */
export function localHttpServer(handler: RequestListener): { port(): number } {
  const server = createServer(handler);
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: () => (server.address() as AddressInfo).port };
}
