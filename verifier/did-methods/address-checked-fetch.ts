import { lookup as dnsLookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { type Duplex, Readable } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { addressKind } from './public-address.ts';

/** Every address a host name has, as the operating system's resolver answers (dns.lookup). */
export type HostLookup = (hostname: string) => Promise<readonly { address: string }[]>;

/** Opens the TLS connection to the one address that was checked; `servername` is the name in the URL (SNI and certificate check). */
export type TlsConnect = (target: { address: string; port: number; servername?: string }) => Duplex;

export interface AddressPolicy {
  lookup?: HostLookup;
  connect?: TlsConnect;
  /** Loopback addresses may be contacted too: explicit configuration for tests on 127.0.0.1, never the default. */
  allowLoopback?: boolean;
}

/** The host's addresses include one that may not be contacted; deliberately says nothing about which. */
export class AddressRefusedError extends Error {
  constructor() {
    super('the host resolves to an address that may not be contacted');
  }
}

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });
const systemConnect: TlsConnect = ({ address, port, servername }) =>
  tlsConnect({ host: address, port, ALPNProtocols: ['http/1.1'], ...(servername ? { servername } : {}) });
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A fetch for https GET requests that decides on the address actually connected to, not on how the
 * URL spells its host: the name is resolved, every address it has must be public (or loopback when
 * allowed), and the connection goes to exactly the address that was checked, so a second DNS answer
 * cannot swap it (DNS rebinding). A refusal happens before any connection is opened.
 */
export function addressCheckedFetch(policy: AddressPolicy = {}): typeof fetch {
  const lookup = policy.lookup ?? systemLookup;
  const connect = policy.connect ?? systemConnect;
  const allowed = (address: string) => {
    const kind = addressKind(address);
    return kind === 'public' || (kind === 'loopback' && policy.allowLoopback === true);
  };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') throw new TypeError('only https URLs are fetched');
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(hostname) !== 0;
    const addresses = literal ? [hostname] : (await lookup(hostname)).map((a) => a.address);
    if (addresses.length === 0 || !addresses.every(allowed)) throw new AddressRefusedError();
    const target = {
      address: addresses[0]!,
      port: Number(url.port || 443),
      ...(literal ? {} : { servername: hostname }),
    };
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        {
          method: 'GET',
          path: `${url.pathname}${url.search}`,
          headers: { ...Object.fromEntries(new Headers(init?.headers)), host: url.host },
          createConnection: () => connect(target),
          ...(init?.signal ? { signal: init.signal } : {}),
        },
        (incoming) => {
          try {
            const headers = new Headers();
            for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2)
              headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
            const status = incoming.statusCode ?? 0;
            const body = NULL_BODY_STATUSES.has(status)
              ? null
              : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
            if (!body) incoming.resume();
            resolve(new Response(body, { status, headers }));
          } catch (error) {
            incoming.destroy();
            reject(error); // e.g. a status outside 200–599, which no Response can hold
          }
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  };
}
