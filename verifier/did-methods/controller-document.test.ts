import { createHash, sign } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkJwsProof } from '../../core/formats/proof.ts';
import { parseCompactJws } from '../../core/jose/compact-jws.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { localHttpServer } from '../../test/support/local-http-server.ts';
import { holderSignature } from '../checks/holder-signature.ts';
import type { PresentationSubject } from '../checks/subjects.ts';
import { DidKeyResolver } from '../did-key-resolver.ts';
import { controllerDocumentUrl } from './controller-document.ts';
import { FetchBudget } from './fetch-budget.ts';
import { DidKeyError } from './types.ts';

/**
 * https identifiers (an issuer or holder named by the URL of its controller document), resolved by
 * the DidKeyResolver. issuer.example resolves to 127.0.0.1, allowed here by explicit configuration;
 * the connection is plain TCP to a local server because no certificate for issuer.example can be
 * had in a test (the TLS step is the only part replaced).
 */
const HOST = 'issuer.example';
const ID = `https://${HOST}/issuers/42`;
const ed = freshKeyPair('ed25519');
const p256 = freshKeyPair('ec', { namedCurve: 'prime256v1' });
const edJwk = ed.publicKey.export({ format: 'jwk' });
const p256Jwk = p256.publicKey.export({ format: 'jwk' });
/** RFC 7638: the required members in lexicographic order, no spaces. */
const thumbprintOf = (members: Record<string, unknown>) =>
  createHash('sha256').update(JSON.stringify(members)).digest('base64url');
const edThumbprint = thumbprintOf({ crv: 'Ed25519', kty: 'OKP', x: edJwk.x });
const p256Thumbprint = thumbprintOf({ crv: 'P-256', kty: 'EC', x: p256Jwk.x, y: p256Jwk.y });

const document = {
  id: ID,
  verificationMethod: [
    { id: `${ID}#key-1`, type: 'JsonWebKey', controller: ID, publicKeyJwk: edJwk },
    { id: '#key-2', type: 'JsonWebKey', controller: ID, publicKeyJwk: { ...p256Jwk, kid: 'signing-2026' } },
  ],
  assertionMethod: [`${ID}#key-1`, '#key-2'],
  authentication: [`${ID}#key-1`],
};

const requests: string[] = [];
const local = localHttpServer((req, res) => {
  requests.push(`${req.headers.host}${req.url}`);
  if (req.url === '/issuers/42')
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  if (req.url === '/issuers/someone') return void res.writeHead(200).end(JSON.stringify({ ...document, id: ID }));
  res.writeHead(404).end();
});

const make = (holders = false) =>
  new DidKeyResolver({
    timeoutMs: 2000,
    didWeb: {
      holders,
      allowLoopback: true,
      lookup: async (hostname) => (hostname === HOST ? [{ address: '127.0.0.1' }] : []),
      connect: () => tcpConnect(local.port(), '127.0.0.1'),
    },
  });

async function rejection(promise: Promise<unknown>): Promise<DidKeyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DidKeyError)) throw new Error(`expected a DidKeyError, got ${String(error)}`);
  return error;
}

describe('https identifiers (controller documents)', () => {
  it('are the URL of their document, plain and canonical only', () => {
    expect(controllerDocumentUrl(ID)).toBe(ID);
    expect(controllerDocumentUrl('https://issuer.example')).toBe('https://issuer.example/');
    expect(controllerDocumentUrl('https://issuer.example:8443/a')).toBe('https://issuer.example:8443/a');
    for (const id of [
      'http://issuer.example/a',
      'https://user:pw@issuer.example/a',
      'https://issuer.example/a?x=1',
      'https://issuer.example/a#key-1',
      'https://ISSUER.example/a',
      'https://issuer.example/./a',
      `https://issuer.example/${'a'.repeat(500)}`,
      'https://',
    ]) {
      expect(() => controllerDocumentUrl(id), id).toThrow(DidKeyError);
    }
  });

  it('the kid may be the method id, its fragment, the JWK kid or the RFC 7638 thumbprint (bare or as a URI)', async () => {
    const resolver = make();
    for (const kid of [
      `${ID}#key-1`,
      '#key-1',
      'key-1',
      edThumbprint,
      `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${edThumbprint}`,
    ]) {
      expect((await resolver.keyFor(ID, kid, 'assertionMethod')).id, kid).toBe(`${ID}#key-1`);
    }
    for (const kid of ['#key-2', 'signing-2026', p256Thumbprint])
      expect((await resolver.keyFor(ID, kid, 'assertionMethod')).id, kid).toBe(`${ID}#key-2`);
    expect(requests).toEqual([`${HOST}/issuers/42`]); // fetched once, then cached
  });

  it('a kid naming a key the document lists for another purpose, or none at all, is not found', async () => {
    const resolver = make();
    expect((await rejection(resolver.keyFor(ID, p256Thumbprint, 'authentication'))).reason).toBe('key_not_found');
    expect(
      (
        await rejection(
          resolver.keyFor(ID, thumbprintOf({ crv: 'Ed25519', kty: 'OKP', x: 'A'.repeat(43) }), 'assertionMethod'),
        )
      ).reason,
    ).toBe('key_not_found');
    expect((await rejection(resolver.keyFor(ID, 'signing-2027', 'assertionMethod'))).reason).toBe('key_not_found');
  });

  it('an identifier with no document, or a document for another identifier, is not found', async () => {
    const resolver = make();
    expect((await rejection(resolver.keyFor(`https://${HOST}/issuers/none`, undefined))).reason).toBe('did_not_found');
    const other = await rejection(resolver.keyFor(`https://${HOST}/issuers/someone`, undefined));
    expect(other.reason).toBe('did_not_found');
    expect(other.message).toMatch(/is for https:\/\/issuer\.example\/issuers\/42, not/);
  });

  it('is fetched like a did:web: never from a private address, and counted against the request budget', async () => {
    const dialled: string[] = [];
    const resolver = new DidKeyResolver({
      didWeb: {
        fetchesPerRequest: 1,
        lookup: async (hostname) => [{ address: hostname === 'internal.example' ? '10.20.30.40' : '127.0.0.1' }],
        // Records what it is asked to dial and dials nothing but the local server.
        connect: (target) => {
          dialled.push(target.address);
          return tcpConnect(local.port(), '127.0.0.1');
        },
      },
    });
    const internal = await rejection(
      resolver.keyFor('https://internal.example/issuers/42', undefined, 'assertionMethod', resolver.requestBudget()),
    );
    expect(internal).toMatchObject({
      reason: 'did_resolution_failed',
      message: 'the controller document of https://internal.example/issuers/42 could not be fetched',
    });
    expect(dialled).toEqual([]);
    const budget = new FetchBudget(1);
    expect(budget.take()).toBe(true);
    expect((await rejection(resolver.keyFor(ID, undefined, 'assertionMethod', budget))).reason).toBe(
      'did_resolution_failed',
    );
    expect(dialled).toEqual([]);
  });

  it('an https holder is refused unless did:web-style holders are allowed', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: '#key-1', typ: 'vp+jwt' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ holder: ID })).toString('base64url');
    const jws = parseCompactJws(
      `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), ed.privateKey).toString('base64url')}`,
    );
    const checkHolderSignature = (keys: DidKeyResolver) => {
      const presentation = {
        holder: ID,
        checkProof: (lookup: Parameters<typeof checkJwsProof>[3]) => checkJwsProof(jws, ID, 'authentication', lookup),
      };
      return holderSignature.verify(
        { presentation, keys, budget: keys.requestBudget() } as unknown as PresentationSubject,
        () => Promise.reject(new Error('waits on no other check')),
      );
    };
    const refused = await checkHolderSignature(make(false));
    expect(refused).toMatchObject({ status: 'invalid', reason: 'https_holder_refused' });
    const allowed = make(true);
    expect(await checkHolderSignature(allowed)).toMatchObject({
      status: 'valid',
      reason: 'presentation_signature_valid',
    });
  });
});
