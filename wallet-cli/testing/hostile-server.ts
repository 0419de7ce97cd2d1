import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileServer {
  url: string;
  /** Requests received so far. */
  requests: number;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 answering every request with `handle`: what a hostile claim link or verifier could do. */
export async function hostileServer(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<HostileServer> {
  const server = http.createServer((request, response) => {
    state.requests++;
    handle(request, response);
  });
  const state: HostileServer = {
    url: '',
    requests: 0,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
