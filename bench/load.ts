import { connect, type Socket } from 'node:net';

export interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  /** Responses whose body did not satisfy `accept`. */
  rejected: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * A lean HTTP/1.1 load generator: `connections` keep-alive sockets on loopback, each sending the
 * next request as soon as the previous response is complete. It does the least client work it can
 * (no fetch machinery), so the machine's cores go to the server being measured.
 */
export async function postLoad(
  url: string,
  path: string,
  bodies: readonly string[],
  connections: number,
  accept: (body: string) => boolean,
): Promise<LoadResult> {
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  let next = 0;
  let rejected = 0;
  const start = performance.now();
  const worker = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (next >= bodies.length) {
          socket.end();
          resolve();
          return;
        }
        const body = Buffer.from(bodies[next++]!);
        sentAt = performance.now();
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body);
      };
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : Buffer.from(chunk);
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const head = buffer.subarray(0, headerEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]);
        if (!Number.isFinite(length))
          return reject(new Error(`response without Content-Length: ${head.slice(0, 200)}`));
        if (buffer.length < headerEnd + 4 + length) return;
        const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4 + length);
        latencies.push(performance.now() - sentAt);
        if (!accept(body)) rejected++;
        send();
      });
      socket.on('error', reject);
      send();
    });
  const sockets = await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host: hostname, port: Number(port) }, () => resolve(socket));
          socket.setNoDelay(true);
          socket.once('error', reject);
        }),
    ),
  );
  await Promise.all(sockets.map(worker));
  const seconds = (performance.now() - start) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { rate: bodies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), rejected };
}
