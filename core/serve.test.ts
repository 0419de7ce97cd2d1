/** Connection caps of every service (real sockets on loopback; 127.0.0.2 plays a second client). */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer, TIMEOUTS } from './serve.ts';

let server: RunningServer;
const sockets: Socket[] = [];

/**
 * Connects from `from` and asks for `/`: resolves 'served' once the answer arrives, or 'closed' if
 * the server closes the connection instead. Each is the server's own decision about this
 * connection, so nothing waits for a time to pass.
 */
function ask(from: string): Promise<'served' | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: from });
    sockets.push(socket);
    socket.once('data', () => resolve('served'));
    socket.once('close', () => resolve('closed'));
    socket.once('error', () => resolve('closed'));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  });
}

/** Retries until the server answers; the deadline only bounds a hang. */
async function answersAgain(url: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await (await fetch(url)).text();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

beforeAll(async () => {
  // Timeouts far beyond the test, so only the caps close connections while it runs.
  const never = { ...TIMEOUTS, headersTimeout: 3_600_000, requestTimeout: 3_600_000, keepAliveTimeout: 3_600_000 };
  server = await listen(
    new Hono().get('/', (c) => c.text('ok')),
    '127.0.0.1',
    0,
    { maxConnections: 5, maxPerClient: 3 },
    never,
  );
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server?.close();
});

describe('listen: connection caps', () => {
  it("closes a client's connections beyond its cap, then any beyond the total, and still serves", async () => {
    const first = [await ask('127.0.0.1'), await ask('127.0.0.1'), await ask('127.0.0.1'), await ask('127.0.0.1')];
    expect(first).toEqual(['served', 'served', 'served', 'closed']);
    const second = [await ask('127.0.0.2'), await ask('127.0.0.2'), await ask('127.0.0.2')];
    expect(second, 'total of 5 reached').toEqual(['served', 'served', 'closed']);
    for (const socket of sockets.splice(0)) socket.destroy();
    expect(await answersAgain(`${server.url}/`)).toBe('ok');
  });
});

describe('listen: slow and idle clients (timeouts shortened to 300 ms for the test)', () => {
  const quick = { ...TIMEOUTS, headersTimeout: 300, keepAliveTimeout: 300, connectionsCheckingInterval: 50 };
  let slow: RunningServer;

  beforeAll(async () => {
    slow = await listen(
      new Hono().get('/', (c) => c.text('ok')),
      '127.0.0.1',
      0,
      { maxConnections: 10, maxPerClient: 10 },
      quick,
    );
  });

  afterAll(async () => {
    await slow?.close();
  });

  /**
   * Resolves once the server closed the connection; rejects after `withinMs` (far above the 300 ms:
   * the machine may be loaded). Whatever the server sends first is read and dropped: when node's own
   * deadline check comes before the socket's timeout, it answers 408 before closing, and a socket
   * whose data is never read never sees the close.
   */
  function closedWithin(socket: Socket, withinMs: number): Promise<void> {
    socket.resume();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still open after ${withinMs} ms`)), withinMs);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  it('closes a connection that sends nothing', async () => {
    const socket = connect({ host: '127.0.0.1', port: slow.port });
    sockets.push(socket);
    await closedWithin(socket, 20_000);
  });

  it('closes a connection that sends its request head too slowly (a byte at a time)', async () => {
    const socket = connect({ host: '127.0.0.1', port: slow.port });
    sockets.push(socket);
    socket.on('error', () => {}); // the server may close while a byte is on its way
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X'), 100);
    try {
      await closedWithin(socket, 20_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('answers a prompt request on the same server', async () => {
    expect(await (await fetch(`${slow.url}/`)).text()).toBe('ok');
  });
});
