/** Connection caps of every service (real sockets on loopback; 127.0.0.2 plays a second client). */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, TIMEOUTS, type RunningServer } from './serve.ts';

let server: RunningServer;
const sockets: Socket[] = [];

/** Connects from `from`; resolves with a function telling whether the server has closed it since. */
function open(from: string): Promise<() => boolean> {
  return new Promise((resolve) => {
    let closed = false;
    const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: from });
    sockets.push(socket);
    socket.once('close', () => (closed = true));
    socket.once('error', () => (closed = true));
    socket.once('connect', () => resolve(() => closed));
  });
}

/** Closing is asynchronous: wait until the server has had a moment to act on the new sockets. */
async function settled(isClosed: (() => boolean)[], expectClosed: number): Promise<number> {
  for (let i = 0; i < 100 && isClosed.filter((c) => c()).length < expectClosed; i++) await sleep(20);
  await sleep(50);
  return isClosed.filter((c) => c()).length;
}

beforeAll(async () => {
  server = await listen(new Hono().get('/', (c) => c.text('ok')), '127.0.0.1', 0, { maxConnections: 5, maxPerClient: 3 });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server?.close();
});

describe('listen: connection caps', () => {
  it('closes a client\'s connections beyond its cap, then any beyond the total, and still serves', async () => {
    const first = [await open('127.0.0.1'), await open('127.0.0.1'), await open('127.0.0.1'), await open('127.0.0.1')];
    expect(await settled(first, 1)).toBe(1);
    expect(first.slice(0, 3).some((closed) => closed())).toBe(false);
    const second = [await open('127.0.0.2'), await open('127.0.0.2'), await open('127.0.0.2')];
    expect(await settled(second, 1), 'total of 5 reached').toBe(1);
    for (const socket of sockets.splice(0)) socket.destroy();
    await sleep(50);
    expect(await (await fetch(`${server.url}/`)).text()).toBe('ok');
  });
});

describe('listen: slow and idle clients (timeouts shortened to 300 ms for the test)', () => {
  const quick = { ...TIMEOUTS, headersTimeout: 300, keepAliveTimeout: 300, connectionsCheckingInterval: 50 };
  let slow: RunningServer;

  beforeAll(async () => {
    slow = await listen(new Hono().get('/', (c) => c.text('ok')), '127.0.0.1', 0, { maxConnections: 10, maxPerClient: 10 }, quick);
  });

  afterAll(async () => {
    await slow?.close();
  });

  /** Resolves once the server closed the connection; rejects after `withinMs` (far above the 300 ms: the machine may be loaded). */
  function closedWithin(socket: Socket, withinMs: number): Promise<void> {
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
