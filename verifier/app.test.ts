/**
 * The verifier HTTP API against a running system (`npm start`'s entry point as a child process),
 * over real HTTP on 127.0.0.1: request validation, every credential check and every presentation
 * check, each failing for the reason it names. No response here may be a 5xx.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { type Reply, rawPost, readReply } from '../test/support/http.ts';
import {
  claimWhenAnchored,
  issue,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from '../test/support/system.ts';
import { type Holder, signPresentation } from '../wallet-cli/sign-presentation.ts';

type Check = { check: string; status: string; reason: string; message: string; details?: Record<string, unknown> };
type Bundle = { credential: string; anchorReceipt: any };
let system: RunningSystem;
let learner: Holder;
let institutionDid: string;
/** Two credentials issued to the learner's DID, and one with only a learnerReference. */
let bundleA: Bundle;
let bundleB: Bundle;
let bundleNoDid: Bundle;

function newHolder(): Holder {
  const seed = randomBytes(32);
  return { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
}

/** Every request of this file goes through here: a 5xx is always a failure. */
async function send(path: string, init: RequestInit): Promise<Reply> {
  const reply = await readReply(await fetch(`${system.verifierUrl}${path}`, init));
  expect(reply.status, `${path} answered ${reply.status}: ${reply.text.slice(0, 500)}`).toBeLessThan(500);
  return reply;
}

/** A POST over node:http to the verifier; a 5xx is always a failure. */
async function rawPostTo(path: string, body: string | string[], agent: http.Agent | false = false) {
  const reply = await rawPost(`${system.verifierUrl}${path}`, body, {}, agent);
  expect(reply.status, `${path} answered ${reply.status}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
  return reply;
}

const postRaw = (path: string, text: string, contentType: string | null = 'application/json') =>
  send(path, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body: text });
const post = (path: string, body: unknown) => postRaw(path, JSON.stringify(body));
const verifyCredential = (verifiableCredential: unknown, options?: unknown) =>
  post('/credentials/verify', { verifiableCredential, ...(options === undefined ? {} : { options }) });
const verifyPresentation = (verifiablePresentation: unknown, options?: unknown) =>
  post('/presentations/verify', { verifiablePresentation, ...(options === undefined ? {} : { options }) });

function expectProblem(reply: Reply, status: number): any {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^urn:skillmark:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(reply.text).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
  return reply.body;
}

const allChecks = (body: { checks: Check[]; credentials?: { checks: Check[] }[] }): Check[] => [
  ...body.checks,
  ...(body.credentials ?? []).flatMap((c) => c.checks),
];
const failing = (body: { checks: Check[]; credentials?: { checks: Check[] }[] }) =>
  allChecks(body)
    .filter((c) => c.status === 'invalid')
    .map((c) => `${c.check}:${c.reason}`);
const checkNamed = (checks: Check[], name: string) => {
  const found = checks.find((c) => c.check === name);
  expect(found, `no "${name}" check in ${JSON.stringify(checks.map((c) => c.check))}`).toBeDefined();
  return found!;
};

/** The verdict with its HTTP status, and that exactly these checks failed. */
function expectInvalid(reply: Reply, failures: string[]) {
  expect(reply.status, reply.text).toBe(422);
  expect(reply.body.verified).toBe(false);
  expect(reply.body.verdict).toBe('invalid');
  expect(failing(reply.body)).toEqual(failures);
  const problemTypes = (reply.body.problemDetails ?? []).map((p: { type: string }) => p.type);
  for (const failure of failures) expect(problemTypes).toContain(`urn:skillmark:check:${failure}`);
}

function expectValid(reply: Reply) {
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body.verified).toBe(true);
  expect(reply.body.verdict).toBe('valid');
  expect(allChecks(reply.body).filter((c) => c.status !== 'valid' && c.status !== 'skipped')).toEqual([]);
  expect(reply.body.problemDetails).toBeUndefined();
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const partsOf = (jwt: string) => {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  return {
    header,
    payload,
    signature,
    headerJson: JSON.parse(Buffer.from(header, 'base64url').toString()),
    payloadJson: JSON.parse(Buffer.from(payload, 'base64url').toString()),
  };
};
async function signJws(header: unknown, payload: unknown, seed: Buffer): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${await ed25519JwtSigner(seed)(input)}`;
}
const kidOf = (did: string) => `${did}#${did.slice('did:key:'.length)}`;

async function challenge(): Promise<string> {
  const reply = await post('/challenges', {});
  expect(reply.status).toBe(201);
  return reply.body.challenge;
}

const domain = () => new URL(system.verifierUrl).host;

/** A presentation for a fresh challenge, sent the way the wallet sends it. */
async function present(holder: Holder, credentials: Bundle[], options: { challenge?: string; domain?: string } = {}) {
  const nonce = await challenge();
  const jwt = await signPresentation(holder, credentials, nonce, domain());
  return { jwt, nonce, reply: await verifyPresentation(jwt, { challenge: nonce, domain: domain(), ...options }) };
}

beforeAll(async () => {
  system = await startSystem();
  learner = newHolder();
  const issued = await Promise.all([
    issue(system, qualificationRequest({ id: learner.did })),
    issue(system, qualificationRequest({ id: learner.did }, {})),
    issue(system, qualificationRequest({ learnerReference: 'STU-0099' })),
  ]);
  for (const i of issued) expect(i.status).toBe(201);
  const bundles = await Promise.all(issued.map((i) => claimWhenAnchored(i.body.claim.url)));
  [bundleA, bundleB, bundleNoDid] = [bundles[0]!, bundles[1]!, bundles[2]!];
  institutionDid = partsOf(bundleA.credential).payloadJson.iss;
});

afterAll(async () => {
  await system?.destroy();
});

describe('POST /challenges', () => {
  it('201 with a challenge and its expiry; every challenge is new', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const reply = await post('/challenges', {});
      expect(reply.status).toBe(201);
      expect(Object.keys(reply.body).sort()).toEqual(['challenge', 'expiresAt']);
      expect(reply.body.challenge).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(reply.body.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(reply.body.expiresAt)).toBeGreaterThan(Date.now());
      seen.add(reply.body.challenge);
    }
    expect(seen.size).toBe(20);
  });

  it('needs no body', async () => {
    const reply = await send('/challenges', { method: 'POST' });
    expect(reply.status).toBe(201);
  });
});

describe('malformed requests are 4xx problems', () => {
  const endpoints = [
    { path: '/credentials/verify', field: 'verifiableCredential' },
    { path: '/presentations/verify', field: 'verifiablePresentation' },
  ];

  for (const { path, field } of endpoints) {
    describe(path, () => {
      it('415 for a body not sent as JSON', async () => {
        const body = JSON.stringify({ [field]: 'a.b.c' });
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
          expectProblem(await postRaw(path, body, type), 415);
        }
      });

      it('400 for malformed JSON or a body that is not an object', async () => {
        for (const text of ['{', `{"${field}": }`, 'hello', ''])
          expect(expectProblem(await postRaw(path, text), 400).title).toBe('Malformed JSON');
        for (const text of ['[]', '"a.b.c"', '7', 'null']) expectProblem(await postRaw(path, text), 400);
      });

      it(`400 without "${field}"`, async () => {
        for (const body of [{}, { options: {} }, { [`${field}s`]: 'a.b.c' }]) {
          expect(expectProblem(await post(path, body), 400).detail).toContain(field);
        }
      });

      it('400 when options is not an object', async () => {
        for (const options of ['strict', ['challenge'], 5, true]) {
          expect(expectProblem(await post(path, { [field]: bundleA.credential, options }), 400).detail).toMatch(
            /"options"/,
          );
        }
      });

      it('400 for an object that is not an enveloped credential or presentation, or another JSON type', async () => {
        const notEnveloped = [
          {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential'],
            credentialSubject: { id: learner.did },
          },
          { type: 'EnvelopedVerifiableCredential', id: 'https://college.example/credentials/1' },
          { type: 'EnvelopedVerifiableCredential', id: 'data:application/jwt,not-a-jwt' },
          { type: 'EnvelopedVerifiableCredential' },
          { id: `data:application/jwt,${bundleA.credential}` },
          42,
          null,
          [bundleA.credential],
          true,
        ];
        for (const value of notEnveloped) {
          const problem = expectProblem(await post(path, { [field]: value }), 400);
          expect(problem.title, JSON.stringify(value)).toBe('Unsupported format');
        }
      });

      it('413 for a body over 256 KiB, with or without a Content-Length', async () => {
        const big = JSON.stringify({ [field]: 'a'.repeat(257 * 1024) });
        const sized = await rawPostTo(path, big);
        expect(sized.status).toBe(413);
        expect(sized.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(sized.text)).toMatchObject({
          status: 413,
          title: 'Request too large',
          detail: expect.stringContaining(String(256 * 1024)),
        });
        const chunked = await rawPostTo(path, [big.slice(0, 100_000), big.slice(100_000, 200_000), big.slice(200_000)]);
        expect(chunked.status).toBe(413);
      });
    });
  }

  it('after a 413, the client’s keep-alive connection still works for the next request', async () => {
    // A client (browser, curl, undici, node:http) keeps the connection open for its next request
    // unless the server says "Connection: close". The 413 must not leave that connection broken.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const big = await rawPostTo(
          '/credentials/verify',
          JSON.stringify({ verifiableCredential: 'a'.repeat(300 * 1024) }),
          agent,
        ).then(
          (r) => String(r.status),
          (e: NodeJS.ErrnoException) => e.code ?? e.message,
        );
        const next = await rawPostTo('/challenges', '{}', agent).then(
          (r) => String(r.status),
          (e: NodeJS.ErrnoException) => e.code ?? e.message,
        );
        outcomes.push(`${big} then ${next}`);
      }
      expect(outcomes).toEqual(Array(3).fill('413 then 201'));
    } finally {
      agent.destroy();
    }
  });

  it('a slow client still reads its 413: a refused body of declared length is read to its end, not cut off', async () => {
    // Answering and closing while a phone is still uploading resets its connection before it can
    // read "too large"; the verifier reads (and drops) up to 1 MiB of a refused body instead.
    const body = Buffer.alloc(300 * 1024, 'a');
    const agent = new http.Agent({ keepAlive: true });
    const reply = await new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const request = http.request(`${system.verifierUrl}/credentials/verify`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection }));
      });
      request.on('error', reject);
      (async () => {
        for (let at = 0; at < body.length; at += 30 * 1024) {
          request.write(body.subarray(at, at + 30 * 1024));
          await new Promise((wait) => setTimeout(wait, 20));
        }
        request.end();
      })().catch(reject);
    }).finally(() => agent.destroy());
    expect(reply.status).toBe(413);
    expect(reply.connection).not.toBe('close');
  });

  it('/presentations/verify: 400 when options.challenge or options.domain is not a non-empty string', async () => {
    for (const options of [
      { challenge: 123 },
      { challenge: '' },
      { challenge: ['x'] },
      { challenge: null },
      { domain: 5 },
      { domain: '' },
      { challenge: 'x'.repeat(501) },
    ]) {
      const problem = expectProblem(await verifyPresentation(bundleA.credential, options), 400);
      expect(problem.detail, JSON.stringify(options)).toMatch(/options\.(challenge|domain)/);
    }
  });
});

describe('input that is not a signed token', () => {
  const notJwts: [string, string][] = [
    ['a word', 'hello'],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['characters outside base64url', 'ab+c.de/f.gh='],
    ['an empty part', `${b64({ alg: 'EdDSA' })}..c2ln`],
    ['a header that is not JSON', `${b64('hello')}.${b64({ vc: {} })}.c2ln`],
    ['a header that is a JSON array', `${b64([1, 2])}.${b64({ vc: {} })}.c2ln`],
    [
      'a payload that is not UTF-8',
      `${b64({ alg: 'EdDSA' })}.${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}.c2ln`,
    ],
    ['an empty string', ''],
  ];

  for (const [name, token] of notJwts) {
    it(`${name}: 422, invalid, structure malformed_jws (credential and presentation)`, async () => {
      for (const reply of [await verifyCredential(token), await verifyPresentation(token)]) {
        expect(reply.status, reply.text).toBe(422);
        expect(reply.body.verdict).toBe('invalid');
        expect(reply.body.verified).toBe(false);
        expect(reply.body.checks).toEqual([
          expect.objectContaining({ check: 'structure', status: 'invalid', reason: 'malformed_jws' }),
        ]);
      }
    });
  }

  it('a JWS whose payload has no vc claim: malformed_credential', async () => {
    const jwt = await signJws(
      { alg: 'EdDSA' },
      { iss: learner.did, sub: learner.did, name: 'not a credential' },
      learner.seed,
    );
    const reply = await verifyCredential(jwt);
    expect(reply.status).toBe(422);
    expect(reply.body.checks).toEqual([
      expect.objectContaining({ check: 'structure', status: 'invalid', reason: 'malformed_credential' }),
    ]);
  });

  it('a vc without VerifiableCredential type, with an issuer that is no identifier at all, or with a subject that is not an object: malformed_credential', async () => {
    const { payloadJson } = partsOf(bundleA.credential);
    const cases: [string, unknown][] = [
      [
        'no VerifiableCredential type',
        { ...payloadJson, vc: { ...payloadJson.vc, type: ['QualificationCredential'] } },
      ],
      ['issuer is not an identifier', { ...payloadJson, iss: 'Skillmark College' }],
      ['issuer is a number', { ...payloadJson, iss: 42 }],
      ['subject is a string', { ...payloadJson, vc: { ...payloadJson.vc, credentialSubject: 'amina' } }],
    ];
    for (const [name, payload] of cases) {
      const reply = await verifyCredential(await signJws({ alg: 'EdDSA' }, payload, learner.seed));
      expect(reply.status, name).toBe(422);
      expect(failing(reply.body), name).toEqual(['structure:malformed_credential']);
    }
  });

  it('a presentation token without a vp claim, or with a credential that is not a JWT: malformed_presentation', async () => {
    const nonce = await challenge();
    const noVp = await signJws({ alg: 'EdDSA', kid: kidOf(learner.did) }, { iss: learner.did, nonce }, learner.seed);
    const junk = await signJws(
      { alg: 'EdDSA', kid: kidOf(learner.did) },
      { iss: learner.did, nonce, vp: { type: ['VerifiablePresentation'], verifiableCredential: ['hello'] } },
      learner.seed,
    );
    for (const jwt of [noVp, junk]) {
      const reply = await verifyPresentation(jwt, { challenge: nonce });
      expect(reply.status).toBe(422);
      expect(failing(reply.body)).toEqual(['structure:malformed_presentation']);
    }
    // None of those consumed the challenge.
    const ok = await verifyPresentation(await signPresentation(learner, [bundleA], nonce), { challenge: nonce });
    expectValid(ok);
  });
});

describe('POST /credentials/verify with an issued credential', () => {
  it('valid with its anchor receipt: 200 and every check passes', async () => {
    const reply = await verifyCredential(bundleA.credential, { anchorReceipt: bundleA.anchorReceipt });
    expectValid(reply);
    expect(reply.body.checks.map((c: Check) => `${c.check}:${c.reason}`)).toEqual(
      expect.arrayContaining([
        'structure:well_formed',
        'signature:signature_valid',
        'issuer_accredited:issuer_accredited',
        'anchored:anchored',
        'not_revoked:not_revoked',
        'validity_period:within_validity_period',
        'schema:schema_valid',
      ]),
    );
    for (const c of reply.body.checks as Check[]) expect(c.message.length).toBeGreaterThan(10);
    expect(reply.body.credential).toMatchObject({
      issuer: institutionDid,
      credentialSubject: { id: learner.did, name: 'Amina Yusuf' },
    });
  });

  it('valid as an EnvelopedVerifiableCredential with a data: URL', async () => {
    for (const prefix of ['data:application/jwt,', 'data:application/vc+jwt,']) {
      const reply = await verifyCredential(
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `${prefix}${bundleA.credential}`,
        },
        { anchorReceipt: bundleA.anchorReceipt },
      );
      expectValid(reply);
    }
    const asList = await verifyCredential(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['EnvelopedVerifiableCredential'],
        id: `data:application/jwt,${bundleA.credential}`,
      },
      { anchorReceipt: bundleA.anchorReceipt },
    );
    expectValid(asList);
  });

  it('without a receipt: 422, anchored receipt_missing, and revocation looked up all the same', async () => {
    const reply = await verifyCredential(bundleA.credential);
    expectInvalid(reply, ['anchored:receipt_missing']);
    expect(checkNamed(reply.body.checks, 'not_revoked')).toMatchObject({ status: 'valid', reason: 'not_revoked' });
    expect(checkNamed(reply.body.checks, 'signature').status).toBe('valid');
    expect(checkNamed(reply.body.checks, 'issuer_accredited').status).toBe('valid');
  });

  it('with the receipt of another credential: receipt_for_other_credential', async () => {
    expect(bundleB.anchorReceipt.credentialHash).not.toBe(bundleA.anchorReceipt.credentialHash);
    const reply = await verifyCredential(bundleA.credential, { anchorReceipt: bundleB.anchorReceipt });
    expectInvalid(reply, ['anchored:receipt_for_other_credential']);
    // Revocation does not depend on the receipt: it is read for the issuer and this credential.
    expect(checkNamed(reply.body.checks, 'not_revoked')).toMatchObject({ status: 'valid', reason: 'not_revoked' });
  });

  it('with a receipt that has a bad field: receipt_malformed, saying which field', async () => {
    const r = bundleA.anchorReceipt;
    const bad: [string, unknown][] = [
      ['chainId', { ...r, chainId: String(r.chainId) }],
      ['merkleRoot', { ...r, merkleRoot: r.merkleRoot.toUpperCase().replace('0X', '0x') }],
      ['proof', { ...r, proof: 'none' }],
      ['registry', { ...r, registry: 'registry' }],
      ['anchoredAt', { ...r, anchoredAt: 'yesterday' }],
      ['type', { ...r, type: 'Receipt' }],
      ['hashAlgorithm', { ...r, hashAlgorithm: 'keccak256' }],
      ['object', 'a receipt'],
      ['object', null],
    ];
    for (const [fieldName, receipt] of bad) {
      const reply = await verifyCredential(bundleA.credential, { anchorReceipt: receipt });
      expectInvalid(reply, ['anchored:receipt_malformed']);
      expect(checkNamed(reply.body.checks, 'anchored').message, fieldName).toContain(fieldName);
    }
  });

  it('with a receipt whose proof was altered: proof_mismatch', async () => {
    const r = bundleA.anchorReceipt;
    const reply = await verifyCredential(bundleA.credential, {
      anchorReceipt: { ...r, proof: [...r.proof, `0x${'ab'.repeat(32)}`] },
    });
    expectInvalid(reply, ['anchored:proof_mismatch']);
  });

  it('with a receipt naming an untrusted registry: unverifiable (422, not 503), anchored untrusted_registry', async () => {
    const receipts = [
      { ...bundleA.anchorReceipt, chainId: 1 },
      { ...bundleA.anchorReceipt, registry: `0x${'12'.repeat(20)}` },
    ];
    for (const receipt of receipts) {
      const reply = await verifyCredential(bundleA.credential, { anchorReceipt: receipt });
      expect(reply.status, reply.text).toBe(422);
      expect(reply.headers.get('retry-after')).toBeNull();
      expect(reply.body.verdict).toBe('unverifiable');
      expect(reply.body.verified).toBe(false);
      expect(failing(reply.body)).toEqual([]);
      expect(checkNamed(reply.body.checks, 'anchored')).toMatchObject({
        status: 'unverifiable',
        reason: 'untrusted_registry',
      });
      expect(reply.body.problemDetails.map((p: { type: string }) => p.type)).toContain(
        'urn:skillmark:check:anchored:untrusted_registry',
      );
    }
  });

  it('alg "none": invalid, with a garbage signature (alg_not_allowed) or an empty one (malformed)', async () => {
    const { payload } = partsOf(bundleA.credential);
    const garbage = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${b64('garbage')}`;
    // (The receipt is the original's: a changed token has another hash, so it no longer fits.)
    const reply = await verifyCredential(garbage, { anchorReceipt: bundleA.anchorReceipt });
    expectInvalid(reply, ['signature:alg_not_allowed', 'anchored:receipt_for_other_credential']);
    expect(checkNamed(reply.body.checks, 'signature').message).toContain('"none"');

    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const second = await verifyCredential(unsigned, { anchorReceipt: bundleA.anchorReceipt });
    expect(second.status).toBe(422);
    expect(second.body.verdict).toBe('invalid');
    expect(failing(second.body)).toEqual(['structure:malformed_jws']);
  });

  it('alg "HS256" (algorithm confusion with the public key as HMAC secret): alg_not_allowed', async () => {
    const { payload, headerJson } = partsOf(bundleA.credential);
    const header = b64({ ...headerJson, alg: 'HS256' });
    const secret = Buffer.from(institutionDid);
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    const reply = await verifyCredential(`${header}.${payload}.${signature}`, { anchorReceipt: bundleA.anchorReceipt });
    expectInvalid(reply, ['signature:alg_not_allowed', 'anchored:receipt_for_other_credential']);
    expect(checkNamed(reply.body.checks, 'signature').message).toContain('"HS256"');
  });

  it('re-signed by another did:key but keeping the institution as iss: signature_invalid', async () => {
    const rogue = newHolder();
    const { headerJson, payloadJson } = partsOf(bundleA.credential);
    const forged = await signJws(headerJson, payloadJson, rogue.seed);
    // The receipt is for the original; the forged token's hash differs, so it has none of its own.
    const reply = await verifyCredential(forged);
    expect(reply.status).toBe(422);
    expect(failing(reply.body)).toEqual(['signature:signature_invalid', 'anchored:receipt_missing']);
  });

  it('a kid naming another DID: key_not_found', async () => {
    const rogue = newHolder();
    const { headerJson, payloadJson } = partsOf(bundleA.credential);
    const forged = await signJws({ ...headerJson, kid: kidOf(rogue.did) }, payloadJson, rogue.seed);
    const reply = await verifyCredential(forged);
    expect(failing(reply.body)).toContain('signature:key_not_found');
    expect(reply.body.verdict).toBe('invalid');
  });

  it('an issuer with an unsupported DID method (did:example): unsupported_did_method', async () => {
    const rogue = newHolder();
    const { payloadJson } = partsOf(bundleA.credential);
    const jwt = await signJws(
      { alg: 'EdDSA', kid: 'did:example:123#key-1' },
      { ...payloadJson, iss: 'did:example:123' },
      rogue.seed,
    );
    const reply = await verifyCredential(jwt);
    expect(reply.status).toBe(422);
    expect(checkNamed(reply.body.checks, 'signature')).toMatchObject({
      status: 'invalid',
      reason: 'unsupported_did_method',
    });
    expect(checkNamed(reply.body.checks, 'issuer_accredited')).toMatchObject({
      status: 'invalid',
      reason: 'issuer_not_accredited',
    });
  });

  it('an issuer did:key that does not decode: did_not_found', async () => {
    const rogue = newHolder();
    const { payloadJson } = partsOf(bundleA.credential);
    for (const iss of ['did:key:zABC', `did:key:z${'1'.repeat(48)}`]) {
      const jwt = await signJws({ alg: 'EdDSA' }, { ...payloadJson, iss }, rogue.seed);
      const reply = await verifyCredential(jwt);
      expect(reply.status).toBe(422);
      expect(checkNamed(reply.body.checks, 'signature')).toMatchObject({ status: 'invalid', reason: 'did_not_found' });
    }
  });

  describe('validity period (self-signed by an unregistered did:key)', () => {
    const rogue = newHolder();
    const sign = (dates: { issuanceDate: string; expirationDate?: string }) =>
      createVerifiableCredentialJwt(
        {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'QualificationCredential'],
          issuer: rogue.did,
          ...dates,
          credentialSubject: { id: learner.did, qualification: { title: 'Forklift licence', awardedOn: '2020-01-01' } },
        },
        { did: rogue.did, signer: ed25519JwtSigner(rogue.seed), alg: 'EdDSA' },
      );

    it('expired (exp in the past): validity_period expired', async () => {
      const jwt = await sign({ issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' });
      const reply = await verifyCredential(jwt);
      expect(reply.status).toBe(422);
      expect(checkNamed(reply.body.checks, 'validity_period')).toMatchObject({ status: 'invalid', reason: 'expired' });
      expect(checkNamed(reply.body.checks, 'validity_period').message).toContain('2021-01-01');
      expect(checkNamed(reply.body.checks, 'signature').status).toBe('valid');
      expect(failing(reply.body)).toEqual(
        expect.arrayContaining([
          'issuer_accredited:issuer_not_accredited',
          'anchored:receipt_missing',
          'validity_period:expired',
        ]),
      );
    });

    it('not yet valid (nbf in the future): validity_period not_yet_valid', async () => {
      const jwt = await sign({ issuanceDate: new Date(Date.now() + 365 * 86_400_000).toISOString() });
      const reply = await verifyCredential(jwt);
      expect(reply.status).toBe(422);
      expect(checkNamed(reply.body.checks, 'validity_period')).toMatchObject({
        status: 'invalid',
        reason: 'not_yet_valid',
      });
      expect(checkNamed(reply.body.checks, 'signature').status).toBe('valid');
    });

    it('within its period: validity_period valid', async () => {
      const jwt = await sign({ issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2099-01-01T00:00:00Z' });
      const reply = await verifyCredential(jwt);
      expect(checkNamed(reply.body.checks, 'validity_period')).toMatchObject({
        status: 'valid',
        reason: 'within_validity_period',
      });
    });
  });
});

describe('POST /presentations/verify', () => {
  it('a presentation of the learner’s credentials for a fresh challenge is valid', async () => {
    const { reply } = await present(learner, [bundleA, bundleB]);
    expectValid(reply);
    expect(reply.body.holder).toBe(learner.did);
    expect(reply.body.checks.map((c: Check) => `${c.check}:${c.reason}`)).toEqual(
      expect.arrayContaining([
        'structure:presentation_well_formed',
        'presentation_signature:presentation_signature_valid',
        'challenge:challenge_valid',
        'holder_binding:holder_is_subject',
      ]),
    );
    expect(reply.body.credentials).toHaveLength(2);
    for (const c of reply.body.credentials) expect(c.verdict).toBe('valid');
  });

  it('valid as an EnvelopedVerifiablePresentation object', async () => {
    const nonce = await challenge();
    const jwt = await signPresentation(learner, [bundleA], nonce, domain());
    const reply = await verifyPresentation(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiablePresentation',
        id: `data:application/vp+jwt,${jwt}`,
      },
      { challenge: nonce, domain: domain() },
    );
    expectValid(reply);
  });

  it('without a nonce: challenge_missing', async () => {
    const jwt = await createVerifiablePresentationJwt(
      {
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [bundleA.credential],
          anchorReceipts: [bundleA.anchorReceipt],
        },
      } as never,
      { did: learner.did, signer: ed25519JwtSigner(learner.seed), alg: 'EdDSA' },
      { header: { alg: 'EdDSA', kid: kidOf(learner.did) } },
    );
    expect(partsOf(jwt).payloadJson.nonce).toBeUndefined();
    const reply = await verifyPresentation(jwt);
    expectInvalid(reply, ['challenge:challenge_missing']);
    expect(checkNamed(reply.body.checks, 'presentation_signature').status).toBe('valid');
  });

  it('with a nonce this verifier never issued: challenge_unknown', async () => {
    const invented = randomBytes(18).toString('base64url');
    const jwt = await signPresentation(learner, [bundleA], invented, domain());
    expectInvalid(await verifyPresentation(jwt, { domain: domain() }), ['challenge:challenge_not_pinned']);
    expectInvalid(await verifyPresentation(jwt, { challenge: invented, domain: domain() }), [
      'challenge:challenge_unknown',
    ]);
  });

  it('options.challenge different from the nonce: challenge_mismatch (and the real challenge is not used up)', async () => {
    const nonce = await challenge();
    const other = await challenge();
    const jwt = await signPresentation(learner, [bundleA], nonce, domain());
    expectInvalid(await verifyPresentation(jwt, { challenge: other, domain: domain() }), [
      'challenge:challenge_mismatch',
    ]);
    expectValid(await verifyPresentation(jwt, { challenge: nonce, domain: domain() }));
  });

  it('options.domain different from aud: domain_mismatch', async () => {
    const nonce = await challenge();
    const jwt = await signPresentation(learner, [bundleA], nonce, 'employer.example');
    const reply = await verifyPresentation(jwt, { challenge: nonce, domain: domain() });
    expectInvalid(reply, ['challenge:domain_mismatch']);
    expect(checkNamed(reply.body.checks, 'challenge').message).toContain('employer.example');
    const noAud = await signPresentation(learner, [bundleA], nonce);
    expectInvalid(await verifyPresentation(noAud, { challenge: nonce, domain: domain() }), [
      'challenge:domain_mismatch',
    ]);
  });

  it('a presentation with an invalid signature does not use up the challenge', async () => {
    const nonce = await challenge();
    const genuine = await signPresentation(learner, [bundleA], nonce, domain());
    const { headerJson, payloadJson } = partsOf(genuine);
    const forged = await signJws(headerJson, payloadJson, newHolder().seed);
    const first = await verifyPresentation(forged, { challenge: nonce, domain: domain() });
    expectInvalid(first, ['presentation_signature:signature_invalid']);
    expect(checkNamed(first.body.checks, 'challenge')).toMatchObject({
      status: 'skipped',
      reason: 'challenge_needs_signature',
    });

    expectValid(await verifyPresentation(genuine, { challenge: nonce, domain: domain() }));
    // ... and now it is used.
    expectInvalid(await verifyPresentation(genuine, { challenge: nonce, domain: domain() }), [
      'challenge:challenge_already_used',
    ]);
  });

  it('a credential that names no subject DID cannot be bound to the holder: subject_has_no_did', async () => {
    const { reply } = await present(learner, [bundleNoDid]);
    expectInvalid(reply, ['holder_binding:subject_has_no_did']);
    expect(reply.body.credentials[0].verdict).toBe('valid');
  });

  it('a holder who is not the subject: holder_is_not_subject', async () => {
    const { reply } = await present(newHolder(), [bundleA]);
    expectInvalid(reply, ['holder_binding:holder_is_not_subject']);
  });

  it('a credential presented without its receipt is invalid on its own, the presentation checks pass', async () => {
    const { reply } = await present(learner, [{ credential: bundleA.credential, anchorReceipt: undefined }]);
    expectInvalid(reply, ['anchored:receipt_missing']);
  });

  it('more than 20 credentials: malformed_presentation; 20 are fine', async () => {
    const nonce = await challenge();
    const tooMany = await signPresentation(
      learner,
      Array.from({ length: 21 }, () => bundleA),
      nonce,
      domain(),
    );
    const reply = await verifyPresentation(tooMany, { challenge: nonce, domain: domain() });
    expect(reply.status).toBe(422);
    expect(reply.body.verdict).toBe('invalid');
    expect(failing(reply.body)).toEqual(['structure:malformed_presentation']);
    expect(reply.body.checks[0].message).toContain('20');

    const twenty = await signPresentation(
      learner,
      Array.from({ length: 20 }, (_, i) => (i % 2 ? bundleA : bundleB)),
      nonce,
      domain(),
    );
    const ok = await verifyPresentation(twenty, { challenge: nonce, domain: domain() });
    expectValid(ok);
    expect(ok.body.credentials).toHaveLength(20);
  });
});
