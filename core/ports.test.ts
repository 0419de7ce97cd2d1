/** Port checks `npm start` relies on to never adopt another process's server (real sockets). */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/support/local-chain.ts';
import { assertPortFree, listensOn, PortInUseError } from './ports.ts';

let held: Server;
let heldPort: number;

beforeAll(async () => {
  held = createServer();
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', () => resolve()));
  heldPort = (held.address() as { port: number }).port;
});

afterAll(() => {
  held?.close();
});

describe('assertPortFree', () => {
  it('refuses a port another server listens on, naming the port and the setting to change', async () => {
    const refusal = assertPortFree('127.0.0.1', heldPort, 'set SOME_PORT to a free port.');
    await expect(refusal).rejects.toThrow(PortInUseError);
    await expect(refusal).rejects.toThrow(
      `port ${heldPort} is in use by another process; set SOME_PORT to a free port.`,
    );
  });

  it('accepts a free port and leaves it free', async () => {
    const port = await freePort();
    await assertPortFree('127.0.0.1', port, '');
    await assertPortFree('127.0.0.1', port, '');
  });
});

describe('listensOn', () => {
  it('tells whether a given process holds the listening socket of a port', async () => {
    expect(listensOn(process.pid, heldPort)).toBe(true);
    expect(listensOn(process.pid, await freePort())).toBe(false);
    expect(listensOn(process.ppid, heldPort)).toBe(false);
  });
});
