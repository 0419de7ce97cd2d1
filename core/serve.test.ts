/** Connection caps of every service (real sockets on loopback; 127.0.0.2 plays a second client). */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from './serve.ts';

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
