import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect as tcpConnect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { DidKeyResolver, type DidWebOptions } from '../did-keys.ts';
import { parseCompactJws } from '../../core/jose/compact-jws.ts';
import { verifierSettingsFromEnv } from '../settings.ts';
import { checkHolderSignature } from './did-web-gate.ts';

/**
 * A did:web holder is resolved only when the operator allows it. holder.example resolves to
 * 127.0.0.1 (allowed here by explicit configuration); the TLS step is replaced by a plain
 * connection to a local document server, since no certificate for it can be had in a test.
 */
describe('did:web holders', () => {
  const seed = randomBytes(32);
  const holder = 'did:web:holder.example';
  let server: Server;
  let port = 0;
  let fetched = 0;

  beforeAll(async () => {
    const x = ed25519PublicKeyOfSeed(seed).toString('base64url');
    server = createServer((_, res) => {
      fetched += 1;
      res.writeHead(200).end(JSON.stringify({ id: holder, verificationMethod: [{ id: `${holder}#k`, type: 'JsonWebKey2020', controller: holder, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x } }], authentication: ['#k'] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const local = (holders: boolean): DidWebOptions => ({ holders, allowLoopback: true, lookup: async () => [{ address: '127.0.0.1' }], connect: () => tcpConnect(port, '127.0.0.1') });
  const signed = async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: `${holder}#k` })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: holder })).toString('base64url');
    return parseCompactJws(`${header}.${payload}.${await ed25519JwtSigner(seed)(`${header}.${payload}`)}`);
  };

  it('are refused by default, without any fetch', async () => {
    const keys = new DidKeyResolver({ didWeb: local(false) });
    expect(await checkHolderSignature(await signed(), holder, keys, keys.requestBudget())).toMatchObject({ status: 'invalid', reason: 'did_web_holder_refused' });
    expect(fetched).toBe(0);
  });

  it('are resolved when the operator allows them', async () => {
    const keys = new DidKeyResolver({ didWeb: local(true) });
    expect(await checkHolderSignature(await signed(), holder, keys, keys.requestBudget())).toMatchObject({ status: 'valid', reason: 'presentation_signature_valid' });
    expect(fetched).toBe(1);
  });

  it('VERIFIER_DID_WEB_HOLDERS and VERIFIER_DID_WEB_FETCHES configure them', () => {
    expect(verifierSettingsFromEnv({}).didResolver?.didWeb).toEqual({ holders: false });
    expect(verifierSettingsFromEnv({ VERIFIER_DID_WEB_HOLDERS: '1', VERIFIER_DID_WEB_FETCHES: '3' }).didResolver?.didWeb).toEqual({ holders: true, fetchesPerRequest: 3 });
    expect(() => verifierSettingsFromEnv({ VERIFIER_DID_WEB_FETCHES: 'many' })).toThrow(/VERIFIER_DID_WEB_FETCHES/);
  });
});
