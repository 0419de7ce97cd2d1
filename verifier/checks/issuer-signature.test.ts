import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { checkJwsProof, type KeyLookup } from '../../core/formats/proof.ts';
import { type ParsedJws, parseCompactJws } from '../../core/jose/compact-jws.ts';
import { DidKeyResolver } from '../did-key-resolver.ts';
import { fragment } from '../fragment.ts';
import { type IssuerAnswer, LedgerUnreachableError, type RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import { runChecks } from './check.ts';
import { issuerSignature } from './issuer-signature.ts';
import type { LedgerEvidence } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';

/**
 * A did:web issuer's document is fetched only when a trusted registry lists the issuer. The
 * registries' answers are given as the ledger reader hands them over (ledger.test.ts reads them
 * from a real node); college.example resolves to 127.0.0.1 by explicit configuration and the TLS
 * step is a plain connection to a local document server (no certificate for it can be had here).
 */
const seed = randomBytes(32);
const ISSUER = 'did:web:college.example';
const registry = (name: string): TrustedRegistry => ({
  name,
  chainId: 31337,
  registry: `0x${randomBytes(20).toString('hex')}`,
  rpcUrls: ['http://127.0.0.1:1'],
});

function answer(trusted: TrustedRegistry, issuerInstitutionId: number): IssuerAnswer {
  const facts: RegistryFacts = {
    trusted,
    anchor: { institutionId: 0, anchoredAt: 0, batchSize: 0 },
    issuerInstitutionId,
    issuerStatus: issuerInstitutionId ? 'Accredited' : 'Unknown',
    issuerStatusSince: 0,
    issuerName: issuerInstitutionId ? 'College' : '',
    revocation: { revokedAt: 0, reason: 0 },
    issuerDidCompromisedSince: 0,
  };
  return { trusted, facts };
}
const unreachable = (trusted: TrustedRegistry): IssuerAnswer => ({
  trusted,
  error: new LedgerUnreachableError('connect ECONNREFUSED', [trusted]),
});
const evidence = (answers: IssuerAnswer[]): LedgerEvidence => ({
  receipt: { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') },
  issuer: Promise.resolve(answers),
});

/** The issuer signature check, run as the verifier runs it, of a credential secured by `jws` (its proof checked as the JOSE formats do). */
async function check(jws: ParsedJws, issuer: string, ledger: LedgerEvidence, keys: DidKeyResolver) {
  const credential = {
    issuer,
    checkProof: (lookup: KeyLookup) => checkJwsProof(jws, issuer, 'assertionMethod', lookup),
  };
  const subject = { credential, evidence: ledger, keys, budget: keys.requestBudget() } as unknown as CredentialSubject;
  return (await runChecks([issuerSignature], subject))[0]!;
}

describe('issuer signature', () => {
  let server: Server;
  let port = 0;
  let fetched = 0;

  beforeAll(async () => {
    const x = ed25519PublicKeyOfSeed(seed).toString('base64url');
    server = createServer((_, res) => {
      fetched += 1;
      res.writeHead(200).end(
        JSON.stringify({
          id: ISSUER,
          verificationMethod: [
            {
              id: `${ISSUER}#k`,
              type: 'JsonWebKey2020',
              controller: ISSUER,
              publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x },
            },
          ],
          assertionMethod: ['#k'],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const keys = () =>
    new DidKeyResolver({
      didWeb: {
        allowLoopback: true,
        lookup: async () => [{ address: '127.0.0.1' }],
        connect: () => tcpConnect(port, '127.0.0.1'),
      },
    });
  const signed = async (kid: string) => {
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: 'x' })).toString('base64url');
    return parseCompactJws(`${header}.${payload}.${await ed25519JwtSigner(seed)(`${header}.${payload}`)}`);
  };

  it('skips a did:web issuer no trusted registry lists, or when none answered, without fetching', async () => {
    const a = registry('a');
    const b = registry('b');
    const resolver = keys();
    const before = fetched;
    for (const answers of [[], [answer(a, 0)], [answer(a, 0), unreachable(b)], [unreachable(a)]]) {
      expect(await check(await signed(`${ISSUER}#k`), ISSUER, evidence(answers), resolver)).toMatchObject({
        check: 'signature',
        status: 'skipped',
        reason: 'did_web_issuer_not_listed',
        params: { did: ISSUER },
      });
    }
    const long = `did:web:${'c'.repeat(300)}.example`;
    expect((await check(await signed('#k'), long, evidence([]), resolver)).params).toEqual({ did: long.slice(0, 200) });
    expect(fetched).toBe(before);
  });

  it('skips an https issuer no trusted registry lists, naming it as a URL', async () => {
    const resolver = keys();
    const before = fetched;
    expect(
      await check(await signed('#k'), 'https://college.example/issuer', evidence([answer(registry('a'), 0)]), resolver),
    ).toMatchObject({
      check: 'signature',
      status: 'skipped',
      reason: 'https_issuer_not_listed',
      params: { did: 'https://college.example/issuer' },
    });
    expect(fetched).toBe(before);
  });

  it('verifies a did:web issuer that one trusted registry lists, fetching its document', async () => {
    const resolver = keys();
    const before = fetched;
    const answers = [answer(registry('a'), 0), unreachable(registry('b')), answer(registry('c'), 4)];
    expect(await check(await signed(`${ISSUER}#k`), ISSUER, evidence(answers), resolver)).toMatchObject({
      check: 'signature',
      status: 'valid',
      reason: 'signature_valid',
    });
    expect(fetched).toBe(before + 1);
  });

  it('verifies any other issuer without asking the registries', async () => {
    const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
    const resolver = keys();
    const never: LedgerEvidence = { receipt: evidence([]).receipt, issuer: new Promise(() => {}) };
    expect(await check(await signed(`${did}#${did.slice('did:key:'.length)}`), did, never, resolver)).toMatchObject({
      status: 'valid',
      reason: 'signature_valid',
    });
  });

  it('a listed issuer: invalid when its key did not sign, cannot tell when its document cannot be fetched', async () => {
    const listed = evidence([answer(registry('a'), 4)]);
    const jws = await signed(`${ISSUER}#k`);
    const tampered = { ...jws, signingInput: Buffer.concat([jws.signingInput, Buffer.from('x')]) };
    expect(await check(tampered, ISSUER, listed, keys())).toMatchObject({
      check: 'signature',
      status: 'invalid',
      reason: 'signature_invalid',
    });
    const down = new DidKeyResolver({
      didWeb: {
        allowLoopback: true,
        lookup: async () => [{ address: '127.0.0.1' }],
        connect: () => tcpConnect(1, '127.0.0.1'),
      },
    });
    expect(await check(jws, ISSUER, listed, down)).toMatchObject({
      check: 'signature',
      status: 'unverifiable',
      reason: 'did_resolution_failed',
      params: { did: ISSUER },
    });
  });
});
