/**
 * did:web cannot steer the verifier at internal addresses (issue 7, item 2). A verifier started
 * in-process on 127.0.0.1, over real HTTP, trusting a registry on a real local ledger on which
 * every did:web issuer below is accredited (so only the address policy stands in the way). Its DNS
 * lookup and TLS connect are recorders: the lookup answers from a table (no real DNS), and the
 * connect never dials the address it is given. It only ever opens a plain connection to a local
 * document server on 127.0.0.1, because no public https host can be reached from a test. No
 * connection to a private range is ever attempted, even on failure.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Server as TcpServer,
  connect as tcpConnect,
} from 'node:net';
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRegistry, Registry } from '../../contracts/registry.ts';
import { loadConfig } from '../../core/config.ts';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { startVerifier, type Verifier } from '../../verifier/service.ts';
import type { Reply } from '../support/http.ts';
import { freePort, startTestChain, type TestChain } from '../support/local-chain.ts';
import { postJson, tempDir } from '../support/system.ts';

type Check = { check: string; status: string; reason: string; message: string; details?: Record<string, unknown> };

/** IP spellings the WHATWG URL parser turns into a blocked dotted quad, with that quad. */
const SPELLINGS: Record<string, string> = {
  '127.1': '127.0.0.1',
  '127.0.1': '127.0.0.1',
  '0x7f.1': '127.0.0.1',
  '0177.0.0.1': '127.0.0.1',
  '0.0': '0.0.0.0',
  '169.254.43518': '169.254.169.254',
  '0xa9.0xfe.0xa9.0xfe': '169.254.169.254',
  '10.1': '10.0.0.1',
  '192.168.1': '192.168.0.1',
};
/** Host names whose (recorded) DNS answer is not public, in every IPv4 and IPv6 form. */
const DNS: Record<string, string[]> = {
  'internal.example': ['10.20.30.40'],
  'metadata.example': ['169.254.169.254'],
  'cgnat.example': ['100.64.1.2'],
  'ula.example': ['fd00:ec2::254'],
  'linklocal.example': ['fe80::a9fe:a9fe'],
  'loopback6.example': ['::1'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'mapped-hex.example': ['::ffff:a9fe:a9fe'],
  'nat64.example': ['64:ff9b::a00:1'],
  'sixtofour.example': ['2002:c0a8:0101::1'],
  'rebind.example': ['93.184.215.14', '192.168.0.10'], // one public answer does not launder a private one
  'localhost.example': ['127.0.0.1'],
};
const PUBLIC_HOST = 'good.example';
const PUBLIC_ADDRESS = '93.184.215.14';
const BUDGET_HOSTS = ['one', 'two', 'three', 'four', 'five'].map((n) => `budget-${n}.example`);

let chain: TestChain;
let verifier: Verifier;
let documents: Server;
let canary: TcpServer;
let canaryPort = 0;
let closedPort = 0;
let canaryConnections = 0;
const lookups: string[] = [];
const connects: { address: string; port: number; servername?: string }[] = [];
const issuerSeed = randomBytes(32);
const holderSeed = randomBytes(32);
const holderDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(holderSeed));

const didOf = (host: string, port?: number) => `did:web:${host}${port ? `%3A${port}` : ''}`;

async function credentialBy(issuer: string): Promise<string> {
  return createVerifiableCredentialJwt(
    {
      sub: holderDid,
      nbf: Math.floor(Date.now() / 1000) - 60,
      vc: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential'],
        credentialSubject: { name: 'Test' },
      },
    },
    { did: issuer, signer: ed25519JwtSigner(issuerSeed), alg: 'EdDSA' },
  );
}

async function verifyCredentialBy(issuer: string): Promise<Reply> {
  return answered(
    await postJson(`${verifier.server.url}/credentials/verify`, { verifiableCredential: await credentialBy(issuer) }),
  );
}

/** A verdict, never a server error (503 is the designed "cannot tell right now"). */
function answered(reply: Reply): Reply {
  expect([200, 422, 503], reply.text).toContain(reply.status);
  return reply;
}

const signatureOf = (reply: Reply): Check => (reply.body.checks as Check[]).find((c) => c.check === 'signature')!;

/** The DID document the local server hands out for a did:web, listing the issuer's key. */
function documentFor(did: string) {
  const x = ed25519PublicKeyOfSeed(issuerSeed).toString('base64url');
  return {
    id: did,
    verificationMethod: [
      { id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x } },
    ],
    assertionMethod: [`${did}#key-1`],
  };
}

beforeAll(async () => {
  canary = createTcpServer((socket) => {
    canaryConnections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryPort = (canary.address() as AddressInfo).port;
  closedPort = await freePort();

  documents = createHttpServer((req, res) => {
    const host = String(req.headers.host ?? '');
    if (host === PUBLIC_HOST && req.url === '/.well-known/did.json')
      return void res.writeHead(200).end(JSON.stringify(documentFor(didOf(PUBLIC_HOST))));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => documents.listen(0, '127.0.0.1', resolve));
  const documentsPort = (documents.address() as AddressInfo).port;

  chain = await startTestChain();
  const authority = await chain.provider.getSigner(0);
  const { address } = await deployRegistry(authority, await authority.getAddress());
  const registry = new Registry(address, authority);
  const accredited = [
    ...Object.keys(SPELLINGS).flatMap((host) => [didOf(host), didOf(host, canaryPort)]),
    ...Object.keys(DNS).map((host) => didOf(host)),
    didOf('127.0.0.1', canaryPort),
    didOf('127.0.0.1', closedPort),
    didOf('localhost', canaryPort),
    didOf(PUBLIC_HOST),
    ...BUDGET_HOSTS.map((host) => didOf(host)),
  ];
  for (const did of accredited) {
    await (
      await registry.contract.getFunction('accredit')(Wallet.createRandom().address, did, `Institution at ${did}`)
    ).wait();
  }

  verifier = await startVerifier({
    config: { ...loadConfig({}), dataDir: tempDir('skillmark-ssrf-verifier-'), verifierPort: await freePort() },
    trust: {
      registries: [
        {
          name: 'Test registry',
          chainId: chain.node.chainId,
          registry: address.toLowerCase(),
          rpcUrls: [chain.rpcUrl],
        },
      ],
    },
    rateLimitPerMinute: 0,
    didResolver: {
      timeoutMs: 2000,
      didWeb: {
        fetchesPerRequest: 3,
        lookup: async (hostname) => {
          lookups.push(hostname);
          if (hostname === PUBLIC_HOST) return [{ address: PUBLIC_ADDRESS }];
          if (BUDGET_HOSTS.includes(hostname)) return [{ address: '10.9.9.9' }];
          if (hostname === 'localhost') return [{ address: '127.0.0.1' }, { address: '::1' }];
          return (DNS[hostname] ?? []).map((a) => ({ address: a }));
        },
        // Never dials what it is given: records it, and serves from the local document server.
        connect: (target) => {
          connects.push(target);
          return tcpConnect(documentsPort, '127.0.0.1');
        },
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await verifier?.stop();
  await chain?.stop();
  await new Promise((resolve) => documents?.close(resolve));
  await new Promise((resolve) => canary?.close(resolve));
});

describe('did:web fetching decides on the address connected to', () => {
  it('IP spellings of loopback, link-local, private and unspecified addresses are refused before any connection', async () => {
    for (const [spelling, address] of Object.entries(SPELLINGS)) {
      for (const did of [didOf(spelling), didOf(spelling, canaryPort)]) {
        const reply = await verifyCredentialBy(did);
        expect(signatureOf(reply), did).toMatchObject({ status: 'unverifiable', reason: 'did_resolution_failed' });
        expect(reply.text, `${did} answer names the address it stands for`).not.toContain(address);
      }
    }
    expect(connects).toEqual([]);
    expect(canaryConnections).toBe(0);
  });

  it('host names whose DNS answer is private, loopback, link-local, ULA, IPv4-mapped, NAT64 or 6to4 are refused; the answer names no address', async () => {
    for (const [host, addresses] of Object.entries(DNS)) {
      const reply = await verifyCredentialBy(didOf(host));
      expect(signatureOf(reply), host).toMatchObject({ status: 'unverifiable', reason: 'did_resolution_failed' });
      for (const address of addresses) expect(reply.text, host).not.toContain(address);
      expect(lookups).toContain(host);
    }
    expect(connects).toEqual([]);
  });

  it('a closed and an open loopback port get the same answer, and neither is contacted', async () => {
    const open = await verifyCredentialBy(didOf('127.0.0.1', canaryPort));
    const closed = await verifyCredentialBy(didOf('127.0.0.1', closedPort));
    const named = await verifyCredentialBy(didOf('localhost', canaryPort));
    // Everything the answer says about fetching the document; only the DID itself (with its port) differs.
    const withoutPort = (reply: Reply, port: number) => {
      const body = JSON.parse(reply.text.replaceAll(String(port), 'PORT'));
      return {
        status: reply.status,
        verdict: body.verdict,
        signature: signatureOf({ ...reply, body }),
        problemDetails: body.problemDetails,
      };
    };
    expect(withoutPort(open, canaryPort)).toEqual(withoutPort(closed, closedPort));
    expect(signatureOf(open)).toMatchObject({
      status: 'unverifiable',
      reason: 'did_resolution_failed',
      details: { detail: `the DID document of ${didOf('127.0.0.1', canaryPort)} could not be fetched` },
    });
    expect(signatureOf(named)).toEqual({
      ...signatureOf(open),
      message: expect.any(String),
      details: { detail: `the DID document of ${didOf('localhost', canaryPort)} could not be fetched` },
    });
    expect(open.text).not.toMatch(/ECONNREFUSED|connect|socket/i);
    expect(connects).toEqual([]);
    expect(canaryConnections).toBe(0);
  });

  it('a public address is contacted: exactly the one checked, with the host name for TLS', async () => {
    const reply = await verifyCredentialBy(didOf(PUBLIC_HOST));
    expect(signatureOf(reply)).toMatchObject({ status: 'valid', reason: 'signature_valid' });
    expect(connects).toEqual([{ address: PUBLIC_ADDRESS, port: 443, servername: PUBLIC_HOST }]);
    connects.length = 0;
  });

  it('an issuer no trusted registry lists: its did:web is not even looked up', async () => {
    const did = didOf('unlisted.example');
    const reply = await verifyCredentialBy(did);
    expect(reply.status).toBe(422);
    expect(signatureOf(reply)).toMatchObject({ status: 'skipped', reason: 'did_web_issuer_not_listed' });
    expect((reply.body.checks as Check[]).find((c) => c.check === 'issuer_accredited')).toMatchObject({
      status: 'invalid',
      reason: 'issuer_not_accredited',
    });
    expect(lookups).not.toContain('unlisted.example');
  });

  it('one request causes at most the configured number of did:web fetches; a did:web holder is refused unless allowed', async () => {
    const credentials = await Promise.all(BUDGET_HOSTS.map((host) => credentialBy(didOf(host))));
    const presentation = await createVerifiablePresentationJwt(
      {
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: credentials,
        },
        nonce: 'n-1234567890abcdef',
      },
      { did: holderDid, signer: ed25519JwtSigner(holderSeed), alg: 'EdDSA' },
    );
    const reply = answered(
      await postJson(`${verifier.server.url}/presentations/verify`, { verifiablePresentation: presentation }),
    );
    const reasons = (reply.body.credentials as { checks: Check[] }[]).map(
      (c) => c.checks.find((k) => k.check === 'signature')!,
    );
    expect(reasons.every((r) => r.reason === 'did_resolution_failed')).toBe(true);
    expect(reasons.filter((r) => String(r.details?.detail).includes('at most 3 DID documents'))).toHaveLength(2);
    expect(lookups.filter((h) => BUDGET_HOSTS.includes(h))).toHaveLength(3);

    const webHolder = didOf('holder.example');
    const byWebHolder = await createVerifiablePresentationJwt(
      {
        vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'] },
        nonce: 'n-1234567890abcdef',
      },
      { did: webHolder, signer: ed25519JwtSigner(holderSeed), alg: 'EdDSA' },
    );
    const refused = await postJson(`${verifier.server.url}/presentations/verify`, {
      verifiablePresentation: byWebHolder,
    });
    expect(refused.status, refused.text).toBe(422);
    expect((refused.body.checks as Check[]).find((c) => c.check === 'presentation_signature')).toMatchObject({
      status: 'invalid',
      reason: 'did_web_holder_refused',
    });
    expect(lookups).not.toContain('holder.example');
    expect(connects).toEqual([]);
  });
});
