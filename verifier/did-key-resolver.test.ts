import { createHash, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import path from 'node:path';
import { type SigningKey, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { fetchBounded } from '../core/bounded-fetch.ts';
import { didKeyOfJwk } from '../core/did-key-encoding.ts';
import { verifyJwsSignature } from '../core/jose/verify-signature.ts';
import { CONFORMANCE_DIR } from '../test/support/conformance.ts';
import { expectedJwk, signingVectors } from '../test/support/did-key-vectors.ts';
import { freshKeyPair } from '../test/support/keys.ts';
import { localHttpServer } from '../test/support/local-http-server.ts';
import { signedJws } from '../test/support/sign-jws.ts';
import { DidKeyResolver } from './did-key-resolver.ts';
import { parseDidEthr } from './did-methods/did-ethr.ts';
import { didJwkOfJwk } from './did-methods/did-jwk.ts';
import { didWebUrl } from './did-methods/did-web.ts';
import { FetchBudget } from './did-methods/fetch-budget.ts';
import { DidKeyError } from './did-methods/types.ts';

const CONFORMANCE = CONFORMANCE_DIR;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(CONFORMANCE, file), 'utf8'));

async function rejection(promise: Promise<unknown>): Promise<DidKeyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DidKeyError);
    return error as DidKeyError;
  }
  throw new Error('expected a DidKeyError');
}

// ---------------------------------------------------------------------------------------------
// did:key test vectors (w3c-ccg/did-key-spec); signed with their keys in test/conformance-vectors.test.ts
// ---------------------------------------------------------------------------------------------

const ALG_OF: Record<string, string> = {
  Ed25519: 'EdDSA',
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
  secp256k1: 'ES256K',
};

describe('did:key conformance vectors', () => {
  const resolver = new DidKeyResolver();
  const vectors = signingVectors();

  it('covers Ed25519, secp256k1, P-256, P-384, P-521 and RSA', () => {
    const kinds = new Set(
      vectors.map(({ entry }) => {
        const j = expectedJwk(entry);
        return j.crv ?? j.kty;
      }),
    );
    expect([...kinds].sort()).toEqual(['Ed25519', 'P-256', 'P-384', 'P-521', 'RSA', 'secp256k1']);
    expect(vectors).toHaveLength(5 + 6 + 7 + 2);
  });

  it.each(vectors.map((v) => [`${v.file} ${v.did.slice(0, 32)}…`, v] as const))(
    "%s resolves to the vector's key",
    async (_, { did, entry }) => {
      const expected = expectedJwk(entry);
      const fingerprint = did.slice('did:key:'.length);
      for (const kid of [undefined, `#${fingerprint}`, `${did}#${fingerprint}`]) {
        const key = await resolver.keyFor(did, kid);
        expect(key.id).toBe(`${did}#${fingerprint}`);
        expect(key.id).toBe(entry.didDocument.verificationMethod[0].id);
        const actual = key.key!.export({ format: 'jwk' });
        expect(actual).toEqual(expected);
        expect(key.alg).toBe(expected.kty === 'RSA' ? 'RS256' : ALG_OF[expected.crv!]);
      }
      // did:key round trip from the JWK
      expect(didKeyOfJwk(expected)).toBe(did);
    },
  );

  const unsupported = [
    ...Object.keys(readJson('did-key/bls12381.json')).map((did) => [did, /BLS12-381/] as const),
    ...Object.keys(readJson('did-key/x25519.json').didDocument).map((did) => [did, /X25519.*key agreement/] as const),
    ...Object.values(readJson('did-key/ed25519-x25519.json') as Record<string, any>).map(
      (e) => [`did:key:${e.keyAgreementKeyPair.id.split('#')[1]}`, /X25519/] as const,
    ),
  ];

  it.each(unsupported.map(([did, why]) => [did.slice(0, 40), did, why] as const))(
    '%s… (not a JOSE signing key) gives a clear DidKeyError',
    async (_, did, why) => {
      const error = await rejection(resolver.keyFor(did, undefined));
      expect(error.reason).toBe('key_not_found');
      expect(error.message).toMatch(why);
    },
  );

  it('refuses malformed did:keys as not found', async () => {
    for (const did of [
      'did:key:',
      'did:key:zz0OIl',
      'did:key:z6Mk',
      'did:key:mAbCd',
      `did:key:z${'2'.repeat(2000)}`,
      'did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpX',
    ]) {
      const error = await rejection(resolver.keyFor(did, undefined));
      expect(error.reason, did).toBe('did_not_found');
    }
  });

  it('refuses kids of another DID or that the DID does not list', async () => {
    const did = vectors[0]!.did;
    expect((await rejection(resolver.keyFor(did, '#other'))).reason).toBe('key_not_found');
    expect((await rejection(resolver.keyFor(did, `${vectors[1]!.did}#x`))).reason).toBe('key_not_found');
  });
});

// ---------------------------------------------------------------------------------------------
// did:jwk
// ---------------------------------------------------------------------------------------------

describe('did:jwk', () => {
  const resolver = new DidKeyResolver();

  it.each([
    ['Ed25519', freshKeyPair('ed25519'), 'EdDSA'],
    ['P-256', freshKeyPair('ec', { namedCurve: 'prime256v1' }), 'ES256'],
    ['P-384', freshKeyPair('ec', { namedCurve: 'secp384r1' }), 'ES384'],
    ['P-521', freshKeyPair('ec', { namedCurve: 'secp521r1' }), 'ES512'],
    ['secp256k1', freshKeyPair('ec', { namedCurve: 'secp256k1' }), 'ES256K'],
    ['RSA-2048', freshKeyPair('rsa', { modulusLength: 2048 }), 'RS256'],
  ] as const)('round trip with %s', async (_, pair, alg) => {
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const did = didJwkOfJwk(jwk as Record<string, unknown>);
    const key = await resolver.keyFor(did, '#0');
    expect(key.id).toBe(`${did}#0`);
    expect(key.alg).toBe(alg);
    expect(key.key!.export({ format: 'jwk' })).toEqual(jwk);
    const { input, signature } = signedJws(alg, pair.privateKey);
    expect(verifyJwsSignature(key, input, signature, alg)).toBe(true);
    expect(await resolver.keyFor(did, `${did}#0`)).toBe(key);
  });

  it('refuses private material, key agreement keys, weak RSA and garbage', async () => {
    const ed = freshKeyPair('ed25519');
    const privateDid = `did:jwk:${Buffer.from(JSON.stringify(ed.privateKey.export({ format: 'jwk' }))).toString('base64url')}`;
    expect((await rejection(resolver.keyFor(privateDid, '#0'))).reason).toBe('did_not_found');
    const x = freshKeyPair('x25519').publicKey.export({ format: 'jwk' });
    expect((await rejection(resolver.keyFor(didJwkOfJwk(x as Record<string, unknown>), '#0'))).message).toMatch(
      /X25519|no usable key/,
    );
    const enc = didJwkOfJwk({ ...(ed.publicKey.export({ format: 'jwk' }) as object), use: 'enc' });
    expect((await rejection(resolver.keyFor(enc, '#0'))).reason).toBe('key_not_found');
    const weak = freshKeyPair('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    expect((await rejection(resolver.keyFor(didJwkOfJwk(weak as Record<string, unknown>), '#0'))).message).toMatch(
      /2048/,
    );
    const wrongAlg = didJwkOfJwk({ ...(ed.publicKey.export({ format: 'jwk' }) as object), alg: 'ES256' });
    expect((await rejection(resolver.keyFor(wrongAlg, '#0'))).message).toMatch(/alg/);
    for (const did of [
      'did:jwk:',
      'did:jwk:bm90IGpzb24',
      `did:jwk:${Buffer.from('[1,2]').toString('base64url')}`,
      `did:jwk:${Buffer.from('{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}').toString('base64url')}`,
    ]) {
      const error = await rejection(resolver.keyFor(did, '#0'));
      expect(['did_not_found', 'key_not_found'], did).toContain(error.reason);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// did:web against a local HTTP server on 127.0.0.1, reached through an injected DNS lookup and connect
// ---------------------------------------------------------------------------------------------

describe('did:web', () => {
  const requests: string[] = [];
  const ed = freshKeyPair('ed25519');
  const p256 = freshKeyPair('ec', { namedCurve: 'prime256v1' });
  const HOST = 'issuer.example';

  const documentFor = (did: string) => ({
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: did,
    verificationMethod: [
      {
        id: `${did}#ed`,
        type: 'JsonWebKey2020',
        controller: did,
        publicKeyJwk: ed.publicKey.export({ format: 'jwk' }),
      },
      { id: '#p256', type: 'JsonWebKey2020', controller: did, publicKeyJwk: p256.publicKey.export({ format: 'jwk' }) },
      {
        id: `${did}#x`,
        type: 'X25519KeyAgreementKey2019',
        controller: did,
        publicKeyBase58: 'J3PiFeuSyLugy4DKn87TwK5cnruRgPtxouzXUqg99Avp',
      },
    ],
    assertionMethod: [`${did}#ed`, '#p256'],
    authentication: [
      '#p256',
      {
        id: `${did}#embedded`,
        type: 'Ed25519VerificationKey2018',
        controller: did,
        publicKeyBase58: '4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS',
      },
    ],
    keyAgreement: [`${did}#x`],
  });

  const local = localHttpServer((req, res) => {
    requests.push(req.url ?? '');
    const url = req.url ?? '';
    if (url === '/.well-known/did.json')
      return void res
        .writeHead(200, { 'content-type': 'application/did+json' })
        .end(JSON.stringify(documentFor(`did:web:${HOST}`)));
    if (url === '/users/alice/did.json')
      return void res.writeHead(200).end(JSON.stringify(documentFor(`did:web:${HOST}:users:alice`)));
    if (url === '/wrong-id/did.json')
      return void res.writeHead(200).end(JSON.stringify(documentFor(`did:web:${HOST}:someone-else`)));
    if (url === '/slow/did.json') return; // never answers
    if (url === '/huge/did.json') {
      // no content-length: the body is streamed until the cap cuts it off
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 1024 && res.write(chunk)) sent += 1;
        if (sent < 1024) res.once('drain', pump);
        else res.end();
      };
      pump();
      res.on('error', () => undefined);
      return;
    }
    if (url === '/big-declared/did.json')
      return void res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end();
    if (url === '/not-json/did.json') return void res.writeHead(200).end('<html>');
    if (url === '/deep/did.json')
      return void res.writeHead(200).end(`{"id":"did:web:${HOST}:deep","x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    if (url === '/redirect/did.json') return void res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    if (url === '/down/did.json') return void res.writeHead(503).end();
    const named = /^\/named\/([a-z]+)\/did\.json$/.exec(url);
    if (named) return void res.writeHead(200).end(JSON.stringify(documentFor(`did:web:${HOST}:named:${named[1]}`)));
    res.writeHead(404).end();
  });

  /**
   * issuer.example resolves to 127.0.0.1, allowed here by explicit configuration; the connection
   * is plain TCP to the local server because no certificate for issuer.example can be had in a
   * test (the TLS step is the only part replaced).
   */
  const connected: string[] = [];
  const didWeb = {
    allowLoopback: true,
    lookup: async (hostname: string) => (hostname === HOST ? [{ address: '127.0.0.1' }] : []),
    connect: (target: { address: string; port: number; servername?: string }) => {
      connected.push(`${target.servername}@${target.address}:${target.port}`);
      return tcpConnect(local.port(), '127.0.0.1');
    },
  };
  const make = (options: ConstructorParameters<typeof DidKeyResolver>[0] = {}) =>
    new DidKeyResolver({ didWeb, timeoutMs: 500, ...options });

  it('maps DIDs to https URLs and refuses unsafe ones', () => {
    expect(didWebUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebUrl('did:web:w3c-ccg.github.io:user:alice')).toBe('https://w3c-ccg.github.io/user/alice/did.json');
    expect(didWebUrl('did:web:example.com%3A3000:a')).toBe('https://example.com:3000/a/did.json');
    for (const bad of [
      'did:web:',
      'did:web:exa mple.com',
      'did:web:example.com:..',
      'did:web:example.com:a%2Fb',
      'did:web:ex_ample.com',
      'did:web:example.com%3A99999',
    ]) {
      expect(() => didWebUrl(bad), bad).toThrow(DidKeyError);
    }
  });

  it('resolves a document and its keys by purpose', async () => {
    const resolver = make();
    const did = `did:web:${HOST}`;
    const edKey = await resolver.keyFor(did, '#ed', 'assertionMethod');
    expect(edKey.alg).toBe('EdDSA');
    const pKey = await resolver.keyFor(did, `${did}#p256`);
    expect(pKey.alg).toBe('ES256');
    expect(connected).toContain(`${HOST}@127.0.0.1:443`); // the checked address, with the name for SNI
    expect((await resolver.keyFor(did, 'embedded', 'authentication')).alg).toBe('EdDSA');
    expect((await rejection(resolver.keyFor(did, '#ed', 'authentication'))).reason).toBe('key_not_found');
    expect((await rejection(resolver.keyFor(did, '#x'))).reason).toBe('key_not_found');
    const { input, signature } = signedJws('ES256', p256.privateKey);
    expect(verifyJwsSignature(pKey, input, signature, 'ES256')).toBe(true);
    expect((await resolver.keyFor(`did:web:${HOST}:users:alice`, '#ed')).alg).toBe('EdDSA');
  });

  it('404 is did_not_found; a wrong document id, a redirect, non-JSON, deep nesting are rejected', async () => {
    const resolver = make();
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:nobody`, undefined))).reason).toBe('did_not_found');
    const wrong = await rejection(resolver.keyFor(`did:web:${HOST}:wrong-id`, undefined));
    expect(wrong.reason).toBe('did_not_found');
    expect(wrong.message).toMatch(/is for did:web:issuer\.example:someone-else/);
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:redirect`, undefined))).message).toMatch(/redirect/);
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:not-json`, undefined))).reason).toBe('did_not_found');
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:deep`, undefined))).message).toMatch(/nested/);
  });

  it('a timeout or a 5xx is did_resolution_failed (unverifiable, not invalid)', async () => {
    const resolver = make({ timeoutMs: 200 });
    // The slow document never answers: getting an answer at all shows the timeout cut it off.
    const timeout = await rejection(resolver.keyFor(`did:web:${HOST}:slow`, undefined));
    expect(timeout.reason).toBe('did_resolution_failed');
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:down`, undefined))).reason).toBe('did_resolution_failed');
    // A fetch that ignores the abort signal is still cut off by the deadline.
    await expect(
      fetchBounded(() => new Promise<Response>(() => undefined), 'https://example.com/', {}, 100, 1024),
    ).rejects.toMatchObject({ kind: 'timeout' });
    const closedPort = make({ didWeb: { ...didWeb, connect: () => tcpConnect(1, '127.0.0.1') } });
    expect((await rejection(closedPort.keyFor(`did:web:${HOST}`, undefined))).reason).toBe('did_resolution_failed');
  });

  it('oversized responses are rejected, streamed or declared', async () => {
    const resolver = make({ maxDocumentBytes: 32 * 1024 });
    const streamed = await rejection(resolver.keyFor(`did:web:${HOST}:huge`, undefined));
    expect(streamed.reason).toBe('did_not_found');
    expect(streamed.message).toMatch(/32768 bytes/);
    expect((await rejection(resolver.keyFor(`did:web:${HOST}:big-declared`, undefined))).message).toMatch(
      /10485760 bytes/,
    );
  });

  it('refuses loopback, private and IP hosts, however spelled, before any connection, with one generic message', async () => {
    const dialled: string[] = [];
    const answers: Record<string, string[]> = {
      localhost: ['127.0.0.1', '::1'],
      'intranet.example': ['10.20.30.40'],
      'mixed.example': ['93.184.215.14', '192.168.0.7'],
      'mapped.example': ['::ffff:10.0.0.1'],
    };
    const resolver = new DidKeyResolver({
      didWeb: {
        lookup: async (hostname) => (answers[hostname] ?? []).map((address) => ({ address })),
        connect: (target) => {
          dialled.push(target.address);
          throw new Error('never dialled in this test');
        },
      },
    });
    const dids = [
      'localhost',
      '127.0.0.1%3A8080',
      '127.1',
      '0x7f.1',
      '0177.0.0.1',
      '0.0',
      '169.254.43518',
      '0xa9.0xfe.0xa9.0xfe',
      '10.1',
      '192.168.1',
      'intranet.example',
      'mixed.example',
      'mapped.example',
    ].map((host) => `did:web:${host}`);
    for (const did of dids) {
      const error = await rejection(resolver.keyFor(did, undefined));
      expect(error.reason, did).toBe('did_resolution_failed');
      expect(error.message, did).toBe(`the DID document of ${did} could not be fetched`);
    }
    expect(dialled).toEqual([]);
  });

  it('a request fetches at most its budget of documents; cached ones cost nothing', async () => {
    const resolver = make({ didWeb: { ...didWeb, fetchesPerRequest: 2 } });
    const budget = resolver.requestBudget();
    await resolver.keyFor(`did:web:${HOST}:named:one`, '#ed', undefined, budget);
    await resolver.keyFor(`did:web:${HOST}:named:two`, '#ed', undefined, budget);
    await resolver.keyFor(`did:web:${HOST}:named:one`, '#ed', undefined, budget);
    const spent = await rejection(resolver.keyFor(`did:web:${HOST}:named:three`, '#ed', undefined, budget));
    expect(spent.reason).toBe('did_resolution_failed');
    expect(spent.message).toMatch(/at most 2 DID documents/);
    expect((await resolver.keyFor(`did:web:${HOST}:named:three`, '#ed', undefined, resolver.requestBudget())).alg).toBe(
      'EdDSA',
    );
  });

  it("a request over its budget does not fail another request's lookup of the same DID", async () => {
    const resolver = make({ didWeb: { ...didWeb, fetchesPerRequest: 0 } });
    const did = `did:web:${HOST}:named:shared`;
    const [spent, funded] = await Promise.allSettled([
      resolver.keyFor(did, '#ed', undefined, resolver.requestBudget()),
      resolver.keyFor(did, '#ed', undefined, new FetchBudget(1)),
    ]);
    expect([spent.status, funded.status]).toEqual(['rejected', 'fulfilled']);
  });

  it('caches with a TTL and a bounded size, and shares concurrent lookups', async () => {
    let clock = 0;
    const resolver = make({ ttlMs: 60, maxEntries: 2, now: () => clock });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => `did:web:${HOST}:named:${name}`) as [string, string, string];
    const before = requests.length;
    const calls = () => requests.length - before;
    await Promise.all(Array.from({ length: 10 }, () => resolver.keyFor(a, '#ed')));
    expect(calls()).toBe(1);
    clock = 59;
    await resolver.keyFor(a, '#ed');
    expect(calls()).toBe(1);
    clock = 60;
    await resolver.keyFor(a, '#ed');
    expect(calls()).toBe(2); // expired
    await resolver.keyFor(b, '#ed');
    await resolver.keyFor(c, '#ed');
    expect(calls()).toBe(4);
    await resolver.keyFor(a, '#ed'); // evicted (only 2 entries kept)
    expect(calls()).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------
// did:ethr (no registry changes; ethr-did-resolver is not installed)
// ---------------------------------------------------------------------------------------------

describe('did:ethr', () => {
  const wallet = Wallet.createRandom();
  const signingInput = Buffer.from('eyJhbGciOiJFUzI1NkstUiJ9.eyJpc3MiOiJ4In0', 'ascii');
  const recoverable = (w: { signingKey: SigningKey }) => {
    const sig = w.signingKey.sign(createHash('sha256').update(signingInput).digest());
    return Buffer.concat([
      Buffer.from(sig.r.slice(2), 'hex'),
      Buffer.from(sig.s.slice(2), 'hex'),
      Buffer.from([sig.yParity]),
    ]);
  };

  it('is not supported unless a chain is configured', async () => {
    expect((await rejection(new DidKeyResolver().keyFor(`did:ethr:${wallet.address}`, undefined))).reason).toBe(
      'unsupported_did_method',
    );
  });

  it('verifies ES256K-R and ES256K by recovering the account address', async () => {
    const resolver = new DidKeyResolver({ ethrChainId: 1 });
    const did = `did:ethr:${wallet.address.toLowerCase()}`;
    const key = await resolver.keyFor(did, '#controller');
    expect(key).toMatchObject({
      id: `${did}#controller`,
      alg: 'ES256K-R',
      algs: ['ES256K-R', 'ES256K'],
      ethereumAddress: wallet.address.toLowerCase(),
    });
    const signature = recoverable(wallet);
    expect(verifyJwsSignature(key, signingInput, signature, 'ES256K-R')).toBe(true);
    expect(verifyJwsSignature(key, signingInput, signature.subarray(0, 64), 'ES256K')).toBe(true);
    expect(verifyJwsSignature(key, signingInput, recoverable(Wallet.createRandom()), 'ES256K-R')).toBe(false);
    expect(verifyJwsSignature(key, Buffer.from('other'), signature, 'ES256K-R')).toBe(false);
    expect(verifyJwsSignature(key, signingInput, signature, 'ES256')).toBe(false);
    expect(verifyJwsSignature(key, signingInput, signature, 'EdDSA')).toBe(false);
  });

  it('a public-key did:ethr also lists the controller key (ES256K)', async () => {
    const resolver = new DidKeyResolver({ ethrChainId: 0x539 });
    const did = `did:ethr:0x539:${wallet.signingKey.compressedPublicKey}`;
    const key = await resolver.keyFor(did, '#controllerKey');
    expect(key.alg).toBe('ES256K');
    const { input, signature } = signedJws(
      'ES256K',
      createPrivateKey({
        key: {
          ...(key.key!.export({ format: 'jwk' }) as object),
          d: Buffer.from(wallet.privateKey.slice(2), 'hex').toString('base64url'),
        } as never,
        format: 'jwk',
      }),
    );
    expect(verifyJwsSignature(key, input, signature, 'ES256K')).toBe(true);
    expect((await resolver.keyFor(did, '#controller')).ethereumAddress).toBe(wallet.address.toLowerCase());
    expect((await rejection(resolver.keyFor(`did:ethr:${wallet.address}`, undefined))).message).toMatch(/chain 1/);
  });

  it('parses networks and refuses bad identifiers', () => {
    expect(parseDidEthr(`did:ethr:sepolia:${wallet.address}`).chainId).toBe(11155111);
    expect(parseDidEthr(`did:ethr:0x5:${wallet.address}`).chainId).toBe(5);
    expect(() => parseDidEthr('did:ethr:0x1234')).toThrow(DidKeyError);
    // EIP-55: a mixed-case address must carry the right checksum
    expect(parseDidEthr('did:ethr:0xF1232F840f3aD7d23FcDaA84d6C66dac24EFb198').address).toBe(
      '0xF1232F840f3aD7d23FcDaA84d6C66dac24EFb198',
    );
    expect(() => parseDidEthr('did:ethr:0xf1232F840f3aD7d23FcDaA84d6C66dac24EFb198')).toThrow(DidKeyError);
    expect(() => parseDidEthr(`did:ethr:unknownnet:${wallet.address}`)).toThrow(/not known/);
  });
});
