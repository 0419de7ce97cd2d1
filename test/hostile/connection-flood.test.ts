/**
 * One client must not take the services down by holding connections open. The real system runs
 * under a low open-file limit (512, via prlimit) with lowered caps, so a few hundred idle sockets
 * are a flood; the flooding client connects from 127.0.0.2 (loopback), everyone else from 127.0.0.1.
 */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from '../support/system.ts';

const OPEN_FILE_LIMIT = 512;
const PER_CLIENT = 50;
const FLOOD = 600;
/** Waits for the idle connections to be closed (headersTimeout, 10 s, plus the 1 s check); the deadline only bounds a hang. */
const IDLE_CLOSED_WITHIN_MS = 60_000;

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({
    wrapper: ['prlimit', `--nofile=${OPEN_FILE_LIMIT}:${OPEN_FILE_LIMIT}`, '--'],
    env: { MAX_CONNECTIONS: '300', MAX_CONNECTIONS_PER_CLIENT: String(PER_CLIENT) },
  });
});

afterAll(async () => {
  await system?.destroy();
});

interface Flood {
  sockets: Socket[];
  open(): number;
  end(): void;
}

/** Opens idle connections that never send a byte, and waits until each is connected or refused. */
async function flood(url: string, count: number): Promise<Flood> {
  const { hostname, port } = new URL(url);
  let open = 0;
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect({ host: hostname, port: Number(port), localAddress: '127.0.0.2' });
          socket.once('connect', () => {
            open++;
            socket.once('close', () => open--);
            resolve(socket);
          });
          socket.once('error', () => resolve(socket));
        }),
    ),
  );
  return {
    sockets,
    open: () => open,
    end: () => {
      for (const s of sockets) s.destroy();
    },
  };
}

async function waitFor(condition: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await sleep(50);
  return condition();
}

const answers = async (url: string) => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).status;

describe.sequential('connection floods', () => {
  for (const target of ['issuer', 'verifier'] as const) {
    const other = target === 'issuer' ? 'verifier' : 'issuer';
    it(
      `${FLOOD} idle connections to the ${target}: it keeps ${PER_CLIENT} of them, closes them when idle, and both services keep answering`,
      async () => {
        const url = target === 'issuer' ? system.issuerUrl : system.verifierUrl;
        const attack = await flood(url, FLOOD);
        try {
          expect(await answers(target === 'issuer' ? system.verifierUrl : system.issuerUrl), other).toBe(200);
          expect(await answers(url), target).toBe(200);
          expect(await waitFor(() => attack.open() <= PER_CLIENT, 10_000), `open: ${attack.open()}`).toBe(true);
          expect(await waitFor(() => attack.open() === 0, IDLE_CLOSED_WITHIN_MS), `still open: ${attack.open()}`).toBe(
            true,
          );
        } finally {
          attack.end();
        }
      },
      IDLE_CLOSED_WITHIN_MS + 60_000,
    );
  }
});
