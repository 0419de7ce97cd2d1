import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressRefusedError, addressCheckedFetch, type TlsConnect } from './address-checked-fetch.ts';

/**
 * The fetch behind did:web, with the system's own TLS connect against a real TLS server on
 * 127.0.0.1 (a self-signed certificate for issuer.example made with openssl), and with a connect
 * recorder where what matters is that nothing is dialled.
 */
describe('addressCheckedFetch', () => {
  let tls: TlsServer;
  let tlsPort = 0;
  let plain: TcpServer;
  let plainConnections = 0;
  let plainPort = 0;
  const serverNames: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillmark-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=issuer.example',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const context = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
      tls = createTlsServer(
        {
          ...context,
          SNICallback: (name, done) => {
            serverNames.push(name);
            done(null, createSecureContext(context));
          },
        },
        (socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    tlsPort = (tls.address() as AddressInfo).port;
    plain = createTcpServer((socket) => {
      plainConnections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    plainPort = (plain.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => tls.close(resolve));
    await new Promise((resolve) => plain.close(resolve));
  });

  it('connects over TLS to the checked address, names the host for SNI, and refuses a certificate no CA vouches for', async () => {
    const fetchIt = addressCheckedFetch({ allowLoopback: true, lookup: async () => [{ address: '127.0.0.1' }] });
    const failure = await fetchIt(`https://issuer.example:${tlsPort}/.well-known/did.json`).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toMatch(/self[- ]signed/i);
    expect(serverNames).toEqual(['issuer.example']);
  });

  it('refuses loopback unless allowed, and any host with one refused address, before connecting', async () => {
    const dialled: string[] = [];
    const connect: TlsConnect = (target) => {
      dialled.push(target.address);
      throw new Error('not dialled in this test');
    };
    const refuses = async (fetchIt: typeof fetch, url: string) =>
      expect(await fetchIt(url).catch((error: Error) => error)).toBeInstanceOf(AddressRefusedError);
    await refuses(
      addressCheckedFetch({ connect, lookup: async () => [{ address: '127.0.0.1' }] }),
      `https://issuer.example:${plainPort}/`,
    );
    await refuses(addressCheckedFetch({ connect }), `https://127.1:${plainPort}/`);
    await refuses(
      addressCheckedFetch({
        connect,
        allowLoopback: true,
        lookup: async () => [{ address: '127.0.0.1' }, { address: '10.0.0.1' }],
      }),
      'https://issuer.example/',
    );
    await refuses(addressCheckedFetch({ connect, lookup: async () => [] }), 'https://nowhere.example/');
    expect(dialled).toEqual([]);
    expect(plainConnections).toBe(0);
  });

  it('fetches nothing but https', async () => {
    const failure = await addressCheckedFetch({ allowLoopback: true })(`http://127.0.0.1:${plainPort}/`).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(plainConnections).toBe(0);
  });
});
