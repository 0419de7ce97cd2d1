import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { checkJwsProof } from '../../core/formats/proof.ts';
import { type ParsedJws, parseCompactJws } from '../../core/jose/compact-jws.ts';
import { DidKeyResolver, type DidWebOptions } from '../did-key-resolver.ts';
import { verifierSettingsFromEnv } from '../settings.ts';
import { holderSignature } from './holder-signature.ts';
import type { PresentationSubject } from './subjects.ts';

/** The holder signature check of a presentation secured by `jws`, whose proof its format checks as the JOSE formats do. */
const check = (jws: ParsedJws, holder: string, keys: DidKeyResolver) => {
  const presentation = {
    holder,
    checkProof: (lookup: Parameters<typeof checkJwsProof>[3]) => checkJwsProof(jws, holder, 'authentication', lookup),
  };
  const subject = { presentation, keys, budget: keys.requestBudget() } as unknown as PresentationSubject;
  return holderSignature.verify(subject, () => Promise.reject(new Error('waits on no other check')));
};

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
      res.writeHead(200).end(
        JSON.stringify({
          id: holder,
          verificationMethod: [
            {
              id: `${holder}#k`,
              type: 'JsonWebKey2020',
              controller: holder,
              publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x },
            },
          ],
          authentication: ['#k'],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const local = (holders: boolean): DidWebOptions => ({
    holders,
    allowLoopback: true,
    lookup: async () => [{ address: '127.0.0.1' }],
    connect: () => tcpConnect(port, '127.0.0.1'),
  });
  const signed = async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: `${holder}#k` })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: holder })).toString('base64url');
    return parseCompactJws(`${header}.${payload}.${await ed25519JwtSigner(seed)(`${header}.${payload}`)}`);
  };

  it('are refused by default, without any fetch', async () => {
    const keys = new DidKeyResolver({ didWeb: local(false) });
    expect(await check(await signed(), holder, keys)).toMatchObject({
      status: 'invalid',
      reason: 'did_web_holder_refused',
    });
    expect(fetched).toBe(0);
  });

  it('are resolved when the operator allows them', async () => {
    const keys = new DidKeyResolver({ didWeb: local(true) });
    expect(await check(await signed(), holder, keys)).toMatchObject({
      status: 'valid',
      reason: 'presentation_signature_valid',
    });
    expect(fetched).toBe(1);
  });

  it('did:web and https holders refused unless allowed (cut to 200 characters), any other DID verified', async () => {
    const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
    const keys = new DidKeyResolver();
    const signedBy = async (kid: string) => {
      const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ iss: 'x' })).toString('base64url');
      return parseCompactJws(`${header}.${payload}.${await ed25519JwtSigner(seed)(`${header}.${payload}`)}`);
    };
    const before = fetched;
    expect(await check(await signedBy(`${did}#${did.slice('did:key:'.length)}`), did, keys)).toMatchObject({
      check: 'presentation_signature',
      status: 'valid',
      reason: 'presentation_signature_valid',
      params: { holder: did },
    });
    const long = `did:web:${'h'.repeat(300)}.example`;
    expect(await check(await signedBy('#k'), long, keys)).toMatchObject({
      check: 'presentation_signature',
      status: 'invalid',
      reason: 'did_web_holder_refused',
      params: { did: long.slice(0, 200) },
    });
    const url = `https://${'h'.repeat(300)}.example/me`;
    expect(await check(await signedBy('#k'), url, keys)).toMatchObject({
      check: 'presentation_signature',
      status: 'invalid',
      reason: 'https_holder_refused',
      params: { did: url.slice(0, 200) },
    });
    expect(fetched).toBe(before);
  });

  it('is invalid for a holder whose key did not sign, and cannot tell when the holder’s document cannot be fetched', async () => {
    const other = await signed();
    const tampered = { ...other, signingInput: Buffer.concat([other.signingInput, Buffer.from('x')]) };
    const allowed = new DidKeyResolver({ didWeb: local(true) });
    expect(await check(tampered, holder, allowed)).toMatchObject({
      check: 'presentation_signature',
      status: 'invalid',
      reason: 'signature_invalid',
    });
    const down = new DidKeyResolver({ didWeb: { ...local(true), connect: () => tcpConnect(1, '127.0.0.1') } });
    expect(await check(other, holder, down)).toMatchObject({
      check: 'presentation_signature',
      status: 'unverifiable',
      reason: 'did_resolution_failed',
    });
  });

  it('VERIFIER_DID_WEB_HOLDERS and VERIFIER_DID_WEB_FETCHES configure them', () => {
    expect(verifierSettingsFromEnv({}).didResolver?.didWeb).toEqual({ holders: false });
    expect(
      verifierSettingsFromEnv({ VERIFIER_DID_WEB_HOLDERS: '1', VERIFIER_DID_WEB_FETCHES: '3' }).didResolver?.didWeb,
    ).toEqual({ holders: true, fetchesPerRequest: 3 });
    expect(() => verifierSettingsFromEnv({ VERIFIER_DID_WEB_FETCHES: 'many' })).toThrow(/VERIFIER_DID_WEB_FETCHES/);
  });
});
