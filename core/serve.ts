import type { IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server, Socket } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { TlsKeyPair } from './config.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ConnectionLimits {
  /** Open connections in all; beyond it, new ones are closed at once. */
  maxConnections: number;
  /** Open connections from one address (behind a proxy you run, set it at least as high as the total). */
  maxPerClient: number;
  /** HTTPS with this certificate and key; without: plain HTTP. */
  tls?: TlsKeyPair;
}

/** Slow or idle clients must not hold connections (and file descriptors) for long. */
export const TIMEOUTS = {
  /** The whole request head must arrive within this, from the moment the connection opens. */
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: 5_000,
  /** How often the server looks for connections past those deadlines. */
  connectionsCheckingInterval: 1_000,
};

/** Counts connections per remote address and closes those beyond the per-client cap at once. */
function capPerClient(server: Server, maxPerClient: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > maxPerClient) {
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}

/**
 * A connection that has not sent a whole request head within headersTimeout is closed (node only
 * times out a request head once its first byte arrived); while a request runs, requestTimeout
 * applies, and between requests keepAliveTimeout.
 */
function closeIdle(server: Server, headersTimeout: number, tls: boolean): void {
  // Over TLS the HTTP server reads the decrypted socket, whose handshake handshakeTimeout bounds.
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => socket.setTimeout(headersTimeout));
  server.on('request', (request: IncomingMessage) => request.socket.setTimeout(0));
}

/**
 * Serves an app (a Hono app, or anything with its fetch) on host:port (port 0 picks a free one), with timeouts against slow clients and
 * caps on connections in all and per client, so one client cannot exhaust the process's files.
 */
export function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  host: string,
  port: number,
  limits: ConnectionLimits = { maxConnections: 4096, maxPerClient: 256 },
  timeouts: typeof TIMEOUTS = TIMEOUTS,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: Error) => reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`));
    const tls = limits.tls;
    server = serve(
      {
        fetch: app.fetch,
        hostname: host,
        port,
        ...(tls
          ? {
              createServer: createHttpsServer,
              serverOptions: { ...timeouts, cert: tls.cert, key: tls.key, handshakeTimeout: timeouts.headersTimeout },
            }
          : { serverOptions: timeouts }),
      },
      (info) => {
        server.off('error', onError);
        resolve({
          url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once('error', onError);
    server.maxConnections = limits.maxConnections;
    capPerClient(server as Server, limits.maxPerClient);
    closeIdle(server as Server, timeouts.headersTimeout, tls !== undefined);
    Object.assign(server, {
      requestTimeout: timeouts.requestTimeout,
      headersTimeout: timeouts.headersTimeout,
      keepAliveTimeout: timeouts.keepAliveTimeout,
    });
  });
}
