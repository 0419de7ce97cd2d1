/**
 * The issuer HTTP API against a running system (`npm start`'s entry point as a child process:
 * local ledger, contracts, issuer, verifier), over real HTTP on 127.0.0.1.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrBundle, encodeQrBundle } from '../core/qr-bundle/index.ts';
import { proofLeadsToRoot } from '../core/receipt.ts';
import { shortIdOf } from '../core/short-id.ts';
import { type Reply, rawPost, readReply } from '../test/support/http.ts';
import {
  claimWhenAnchored,
  issue,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
} from '../test/support/system.ts';

const CLAIM_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LEARNER_DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

let system: RunningSystem;

async function call(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Reply> {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  const bearer = token === undefined ? system.adminToken : token;
  if (bearer !== null) headers.set('authorization', `Bearer ${bearer}`);
  return readReply(await fetch(`${system.issuerUrl}${path}`, { ...rest, headers }));
}

/** An authorized POST over node:http (see test/support/http.ts rawPost). */
const rawPostAs = (path: string, body: string | string[], agent: http.Agent | false = false) =>
  rawPost(`${system.issuerUrl}${path}`, body, { authorization: `Bearer ${system.adminToken}` }, agent);

const postJsonAs = (path: string, body: unknown, token?: string | null) =>
  call(path, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** An RFC 9457 problem with exactly this status, and nothing of the implementation in it. */
function expectProblem(reply: Reply, status: number): any {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^urn:skillmark:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(reply.body.detail.length).toBeGreaterThan(10);
  expectNoInternals(reply.text);
  return reply.body;
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\n\s+at\s/);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(text).not.toMatch(/node_modules|\/work\/|[A-Za-z]+Error:/);
}

const jwtOf = (issued: { verifiableCredential: { id: string } }) =>
  issued.verifiableCredential.id.replace('data:application/jwt,', '');

const revoke = (id: string, body: unknown = { reason: 'issuedInError' }) =>
  postJsonAs(`/credentials/${id}/revoke`, body);

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.destroy();
});

describe('admin authentication', () => {
  const id = randomUUID();
  const endpoints: { name: string; path: string; init: RequestInit }[] = [
    {
      name: 'POST /credentials/issue',
      path: '/credentials/issue',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(qualificationRequest({ id: LEARNER_DID })),
      },
    },
    { name: 'GET /credentials', path: '/credentials', init: {} },
    { name: 'GET /credentials/:id', path: `/credentials/${id}`, init: {} },
    {
      name: 'POST /credentials/:id/revoke',
      path: `/credentials/${id}/revoke`,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"reason":"fraud"}' },
    },
  ];

  for (const endpoint of endpoints) {
    it(`${endpoint.name}: 401 with a WWW-Authenticate challenge without a token, with a wrong one, or with another scheme`, async () => {
      const variants: (string | null)[] = [null, 'wrong-token-0123456789', `${'test-admin-token-0123456789'}x`, ''];
      for (const token of variants) {
        const reply = await call(endpoint.path, { ...endpoint.init, token });
        const problem = expectProblem(reply, 401);
        expect(problem.title).toBe('Unauthorized');
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
      }
      const basic = await call(endpoint.path, {
        ...endpoint.init,
        token: null,
        headers: {
          ...(endpoint.init.headers as object),
          authorization: `Basic ${Buffer.from(`admin:${system.adminToken}`).toString('base64')}`,
        },
      });
      expectProblem(basic, 401);
      expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  }

  it('nothing was issued or revoked by the refused requests', async () => {
    const list = await call('/credentials?limit=500');
    expect(list.status).toBe(200);
    expect(list.body.items.filter((c: { subject: { id?: string } }) => c.subject.id === LEARNER_DID)).toEqual([]);
  });

  it('the bearer scheme name is case-insensitive', async () => {
    const reply = await call('/credentials?limit=1', {
      token: null,
      headers: { authorization: `bearer ${system.adminToken}` },
    });
    expect(reply.status).toBe(200);
  });
});

describe('public endpoints', () => {
  it('GET /health needs no token', async () => {
    const reply = await call('/health', { token: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', did: expect.stringMatching(/^did:key:z6Mk/) });
  });

  it('GET /institution needs no token and names the institution, its DID, ledger address and registry', async () => {
    const reply = await call('/institution', { token: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      did: expect.stringMatching(/^did:key:z6Mk/),
      name: 'Skillmark Demo Training Centre',
      ledgerAddress: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      chainId: 31337,
      registry: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
    });
  });

  it('an unknown route is a 404 problem', async () => {
    for (const [method, path] of [
      ['GET', '/nowhere'],
      ['POST', '/credentials'],
      ['DELETE', '/credentials/x'],
      ['GET', '/claims'],
    ]) {
      const problem = expectProblem(await call(path!, { method }), 404);
      expect(problem.title).toBe('Not found');
    }
  });
});

describe('POST /credentials/issue: malformed requests', () => {
  it('415 for a body that is not sent as JSON', async () => {
    const body = JSON.stringify(qualificationRequest({ id: LEARNER_DID }));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const problem = expectProblem(
        await call('/credentials/issue', { method: 'POST', headers: { 'content-type': type }, body }),
        415,
      );
      expect(problem.detail).toMatch(/application\/json/);
    }
    expectProblem(await call('/credentials/issue', { method: 'POST', body }), 415);
  });

  it('400 for malformed JSON', async () => {
    for (const text of ['{', '{"credential": }', 'not json', '', "{'credential': {}}"]) {
      const problem = expectProblem(await postJsonAs('/credentials/issue', text), 400);
      expect(problem.title).toBe('Malformed JSON');
    }
  });

  it('400 when the body is JSON but not an object', async () => {
    for (const text of ['[]', '[{"credential":{}}]', '"credential"', '42', 'null', 'true']) {
      const problem = expectProblem(await postJsonAs('/credentials/issue', text), 400);
      expect(problem.detail).toMatch(/JSON object/);
    }
  });

  it('400 without a "credential" object', async () => {
    for (const body of [
      {},
      { credential: null },
      { credential: 'a string' },
      { credential: [] },
      { credentialSubject: {} },
    ]) {
      const problem = expectProblem(await postJsonAs('/credentials/issue', body), 400);
      expect(problem.detail).toMatch(/"credential"/);
    }
  });

  it('400 for unknown or malformed options', async () => {
    const unknown = expectProblem(
      await postJsonAs('/credentials/issue', {
        ...qualificationRequest({ id: LEARNER_DID }),
        options: { proofType: 'Ed25519Signature2020' },
      }),
      400,
    );
    expect(unknown.detail).toContain('proofType');
    for (const options of ['fast', [], null, 3]) {
      expectProblem(
        await postJsonAs('/credentials/issue', { ...qualificationRequest({ id: LEARNER_DID }), options }),
        400,
      );
    }
  });

  it('413 for a body over 64 KiB, with or without a Content-Length', async () => {
    const big = JSON.stringify({ credential: { credentialSubject: { id: LEARNER_DID, name: 'x'.repeat(65 * 1024) } } });
    for (const body of [big, [big.slice(0, 30_000), big.slice(30_000)]]) {
      const reply = await rawPostAs('/credentials/issue', body);
      expect(reply.status).toBe(413);
      expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(reply.text);
      expect(problem).toMatchObject({
        type: 'urn:skillmark:problem:request-too-large',
        title: 'Request too large',
        status: 413,
      });
      expect(problem.detail).toContain(String(64 * 1024));
    }
  });

  it('after a 413, the client’s keep-alive connection still works for the next request', async () => {
    // Clients keep the connection open for their next request unless the server says
    // "Connection: close"; the 413 must not leave that connection broken.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const outcomes: string[] = [];
      const big = JSON.stringify({ credential: { name: 'x'.repeat(300 * 1024) } });
      for (let i = 0; i < 3; i++) {
        const first = await rawPostAs('/credentials/issue', big, agent).then(
          (r) => String(r.status),
          (e: NodeJS.ErrnoException) => e.code ?? e.message,
        );
        const next = await rawPostAs('/credentials/issue', '{}', agent).then(
          (r) => String(r.status),
          (e: NodeJS.ErrnoException) => e.code ?? e.message,
        );
        outcomes.push(`${first} then ${next}`);
      }
      expect(outcomes).toEqual(Array(3).fill('413 then 400'));
    } finally {
      agent.destroy();
    }
  });

  it('a body just under 64 KiB is read (and judged on its content)', async () => {
    const request = qualificationRequest({ id: LEARNER_DID });
    const padded = JSON.stringify(request) + ' '.repeat(60 * 1024);
    const reply = await postJsonAs('/credentials/issue', padded);
    expect(reply.status, reply.text).toBe(201);
  });
});

describe('POST /credentials/issue: schema violations are 422 with what to fix', () => {
  type Case = { name: string; mutate: (request: any) => void; error: RegExp };
  const cases: Case[] = [
    {
      name: 'missing qualification title',
      mutate: (r) => delete r.credential.credentialSubject.qualification.title,
      error: /\/credentialSubject\/qualification is missing "title"/,
    },
    {
      name: 'empty title',
      mutate: (r) => (r.credential.credentialSubject.qualification.title = ''),
      error: /\/credentialSubject\/qualification\/title must NOT have fewer than 1 characters/,
    },
    {
      name: 'unknown property in credentialSubject',
      mutate: (r) => (r.credential.credentialSubject.favouriteColour = 'blue'),
      error: /\/credentialSubject has an unknown property "favouriteColour"/,
    },
    {
      name: 'subject with neither id nor learnerReference',
      mutate: (r) => delete r.credential.credentialSubject.id,
      error: /\/credentialSubject must name the learner: "id" \(their DID\) or "learnerReference"/,
    },
    {
      name: 'bad awardedOn date',
      mutate: (r) => (r.credential.credentialSubject.qualification.awardedOn = '30/06/2026'),
      error: /\/credentialSubject\/qualification\/awardedOn must match format "date"/,
    },
    {
      name: 'impossible awardedOn date',
      mutate: (r) => (r.credential.credentialSubject.qualification.awardedOn = '2026-02-30'),
      error: /awardedOn must match format "date"/,
    },
    {
      name: 'subject id that is not a DID',
      mutate: (r) => (r.credential.credentialSubject.id = 'amina@example.org'),
      error: /\/credentialSubject\/id is not a DID/,
    },
    {
      name: 'unknown top-level property',
      mutate: (r) => (r.credential.credentialStatus = { id: 'x' }),
      error: /\/credentialStatus is given by the issuer/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const request = qualificationRequest({ id: LEARNER_DID });
      c.mutate(request);
      const problem = expectProblem(await postJsonAs('/credentials/issue', request), 422);
      expect(problem.title).toBe('Invalid credential');
      expect(problem.errors).toEqual(expect.arrayContaining([expect.stringMatching(c.error)]));
      for (const error of problem.errors) expect(problem.detail).toContain(error);
    });
  }

  it('expirationDate before issuanceDate', async () => {
    const request = qualificationRequest({ id: LEARNER_DID }, { expirationDate: '2001-01-01T00:00:00Z' });
    const problem = expectProblem(await postJsonAs('/credentials/issue', request), 422);
    expect(problem.detail).toMatch(/\/expirationDate must be later than \/issuanceDate/);
  });

  it('another issuer DID, as a string or as an object', async () => {
    for (const issuer of [
      'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      { id: 'did:web:other-college.example', name: 'Other College' },
    ]) {
      const problem = expectProblem(
        await postJsonAs('/credentials/issue', qualificationRequest({ id: LEARNER_DID }, { issuer })),
        422,
      );
      expect(problem.title).toBe('Wrong issuer');
      expect(problem.detail).toMatch(/did:key:z6Mk/);
    }
  });

  it('a credential whose QR code would be larger than the largest QR code (version 40-M), with the longest receipt proof', async () => {
    const request = qualificationRequest({ id: LEARNER_DID });
    // Random text: deflate cannot shrink it, as it could a repeated one.
    request.credential.credentialSubject.qualification.competencies = Array.from({ length: 30 }, () => ({
      title: randomBytes(150).toString('base64'),
    }));
    const problem = expectProblem(await postJsonAs('/credentials/issue', request), 422);
    expect(problem.title).toBe('Credential too large for a QR code');
    expect(problem.detail).toMatch(
      /would need \d+ characters once anchored in a batch of up to \d+ \(ANCHOR_BATCH_SIZE\), more than the 3391/,
    );
    expect(problem.errors).toHaveLength(1);
  });

  it('its own DID as issuer is accepted', async () => {
    const { body: health } = await call('/health', { token: null });
    const reply = await postJsonAs(
      '/credentials/issue',
      qualificationRequest({ id: LEARNER_DID }, { issuer: health.did }),
    );
    expect(reply.status, reply.text).toBe(201);
  });
});

describe('issuing, listing, reading and revoking', () => {
  let first: any;
  let firstAnchored: { credential: string; anchorReceipt: any };

  it('201 with Location, id, hash, a pending status and a claim code and URL', async () => {
    const reply = await postJsonAs('/credentials/issue', qualificationRequest({ id: LEARNER_DID }));
    expect(reply.status, reply.text).toBe(201);
    first = reply.body;
    expect(first.credentialId).toMatch(UUID);
    expect(reply.headers.get('location')).toBe(`/credentials/${first.credentialId}`);
    expect(first.status).toBe('pending');
    expect(first.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');
    const jwt = jwtOf(first);
    expect(jwt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(first.credentialHash).toBe(`0x${createHash('sha256').update(jwt).digest('hex')}`);
    expect(first.claim.code).toMatch(CLAIM_CODE);
    expect(first.claim.url).toBe(`${system.issuerUrl}/claims/${first.claim.code}`);

    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
    expect(payload.sub).toBe(LEARNER_DID);
    expect(payload.vc.credentialSubject.qualification.title).toBe('National Certificate in Electrical Installation');
    expect(payload.vc.credentialSchema).toEqual({
      id: 'urn:skillmark:schema:qualification-credential:1',
      type: 'JsonSchema',
    });
  });

  it('two issues of the same request are two credentials with different ids, hashes and claim codes', async () => {
    const a = (await postJsonAs('/credentials/issue', qualificationRequest({ id: LEARNER_DID }))).body;
    const b = (await postJsonAs('/credentials/issue', qualificationRequest({ id: LEARNER_DID }))).body;
    expect(new Set([a.credentialId, b.credentialId, first.credentialId]).size).toBe(3);
    expect(a.credentialHash).not.toBe(b.credentialHash);
    expect(a.claim.code).not.toBe(b.claim.code);
  });

  it('issuing with only a learnerReference works', async () => {
    const reply = await postJsonAs('/credentials/issue', qualificationRequest({ learnerReference: 'STU-2026-0042' }));
    expect(reply.status, reply.text).toBe(201);
    const payload = JSON.parse(Buffer.from(jwtOf(reply.body).split('.')[1]!, 'base64url').toString());
    expect(payload.sub).toBeUndefined();
    expect(payload.vc.credentialSubject.learnerReference).toBe('STU-2026-0042');
    const got = await call(`/credentials/${reply.body.credentialId}`);
    expect(got.body.subject).toEqual({ learnerReference: 'STU-2026-0042' });
  });

  it('GET /credentials/:id gives the credential, then its receipt once anchored', async () => {
    firstAnchored = await claimWhenAnchored(first.claim.url);
    const reply = await call(`/credentials/${first.credentialId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: first.credentialId,
      status: 'anchored',
      credentialHash: first.credentialHash,
      subject: { id: LEARNER_DID },
      qualification: 'National Certificate in Electrical Installation',
      credential: jwtOf(first),
    });
    const receipt = reply.body.anchorReceipt;
    expect(receipt).toEqual(firstAnchored.anchorReceipt);
    expect(receipt).toMatchObject({
      type: 'SkillmarkAnchorReceipt',
      credentialHash: first.credentialHash,
      hashAlgorithm: 'sha256',
      chainId: 31337,
    });
    expect(proofLeadsToRoot(receipt, first.credentialHash)).toBe(true);
    expect(firstAnchored.credential).toBe(jwtOf(first));
    // The same credential and receipt, as the text of one QR code.
    expect(decodeQrBundle(reply.body.qr)).toEqual({ credential: jwtOf(first), anchorReceipt: receipt });
  });

  it('GET /credentials/:id of an unknown credential is 404, for a random UUID and for a non-UUID', async () => {
    for (const id of [
      randomUUID(),
      'not-a-uuid',
      '1',
      randomUUID().toUpperCase(),
      `${randomUUID()}x`,
      "1' or '1'='1",
      'x'.repeat(500),
    ]) {
      const problem = expectProblem(await call(`/credentials/${encodeURIComponent(id)}`), 404);
      expect(problem.title).toBe('Unknown credential');
    }
  });

  it('GET /credentials/:id takes the short id the wallet and the certificate show; one two credentials share is 409', async () => {
    const { body: record } = await call(`/credentials/${first.credentialId}`);
    expect(record.shortId).toBe(shortIdOf(first.credentialHash));
    const byShortId = await call(`/credentials/${record.shortId.toUpperCase()}`);
    expect(byShortId.status, byShortId.text).toBe(200);
    expect(byShortId.body.id).toBe(first.credentialId);
    const unknown = record.shortId === '00000000' ? 'ffffffff' : '00000000';
    expect(expectProblem(await call(`/credentials/${unknown}`), 404).detail).toContain(`short id ${unknown}`);

    // Another credential whose hash begins with the same eight digits, written into the issuer's database.
    const db = new SQLite(join(system.dataDir, 'issuer.sqlite'));
    const twin = randomUUID();
    try {
      db.prepare(
        `insert into credentials (id, credential_hash, subject_did, learner_reference, qualification_title, issued_at, status, claim_code_hash)
         select ?, ?, subject_did, learner_reference, qualification_title, issued_at, status, ? from credentials where id = ?`,
      ).run(twin, `0x${record.shortId}${'0'.repeat(56)}`, 'f'.repeat(64), first.credentialId);
      const shared = expectProblem(await call(`/credentials/${record.shortId}`), 409);
      expect(shared.title).toBe('Short id shared');
      expect((await call(`/credentials/${first.credentialId}`)).status).toBe(200);
    } finally {
      db.prepare('delete from credentials where id = ?').run(twin);
      db.close();
    }
  });

  it('claim codes are found whatever the case and dashes', async () => {
    const code: string = first.claim.code;
    for (const variant of [
      code,
      code.toLowerCase(),
      code.replace(/-/g, ''),
      code.toLowerCase().replace(/-/g, ''),
      code.replace(/-/g, '%20'),
    ]) {
      const reply = await call(`/claims/${variant}`, { token: null });
      expect(reply.status, variant).toBe(200);
      expect(reply.body).toEqual({
        type: 'SkillmarkCredentialBundle',
        credential: firstAnchored.credential,
        anchorReceipt: firstAnchored.anchorReceipt,
        qr: encodeQrBundle(firstAnchored),
      });
    }
  });

  it('an unknown claim code is 404', async () => {
    for (const code of ['AAAA-AAAA-AAAA-AAAA-AAAA', 'nope', 'x'.repeat(65), 'x'.repeat(2000)]) {
      const problem = expectProblem(await call(`/claims/${code}`, { token: null }), 404);
      expect(problem.title).toBe('Unknown claim code');
    }
  });

  it('GET /credentials lists newest first, and each item says what it is', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await postJsonAs('/credentials/issue', qualificationRequest({ learnerReference: `order-${i}` }))).body
          .credentialId,
      );
      await sleep(5); // distinct issue times
    }
    const reply = await call('/credentials?limit=500');
    expect(reply.status).toBe(200);
    const items: any[] = reply.body.items;
    expect(items.slice(0, 3).map((c) => c.id)).toEqual([...ids].reverse());
    const times = items.map((c) => Date.parse(c.issuedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.find((c) => c.id === first.credentialId)).toEqual({
      id: first.credentialId,
      shortId: shortIdOf(first.credentialHash),
      status: 'anchored',
      credentialHash: first.credentialHash,
      subject: { id: LEARNER_DID },
      learnerName: 'Amina Yusuf',
      qualification: 'National Certificate in Electrical Installation',
      issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // Summaries only: no JWT, no receipt, no claim code.
    expect(reply.text).not.toContain(jwtOf(first));
    expect(reply.text).not.toContain(first.claim.code);
    expect(reply.body.next).toBeUndefined();
  });

  it('filters by status', async () => {
    const anchored = await call('/credentials?status=anchored&limit=500');
    expect(anchored.status).toBe(200);
    expect(anchored.body.items.length).toBeGreaterThan(0);
    expect(anchored.body.items.every((c: any) => c.status === 'anchored')).toBe(true);
    expect(anchored.body.items.map((c: any) => c.id)).toContain(first.credentialId);
    const revoked = await call('/credentials?status=revoked');
    expect(revoked.status).toBe(200);
    expect(revoked.body.items.every((c: any) => c.status === 'revoked')).toBe(true);
  });

  it('validates limit and status', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=abc',
      'limit=-1',
      'limit=1.5',
      'limit=',
      'status=bogus',
      'status=ANCHORED',
      'status=',
    ]) {
      const problem = expectProblem(await call(`/credentials?${query}`), 400);
      expect(problem.title, query).toBe('Bad query');
    }
    expect((await call('/credentials?limit=1')).status).toBe(200);
    expect((await call('/credentials?limit=500')).status).toBe(200);
  });

  it('rejects a "before" that is not an ISO 8601 date-time', async () => {
    expectProblem(await call('/credentials?before=yesterday'), 400);
    // Date.parse accepts this RFC 2822 form, but it is not ISO 8601 and would be compared as text.
    const reply = await call(`/credentials?before=${encodeURIComponent('Thu, 01 Jan 1970 00:00:00 GMT')}`);
    expect(reply.status, `got ${reply.body?.items?.length} items issued "before 1970"`).toBe(400);
  });

  it('paginates with limit and next.before, newest first, without gaps or repeats', async () => {
    const all: any[] = (await call('/credentials?limit=500')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let path = '/credentials?limit=2';
    for (let page = 0; page < 100; page++) {
      const reply = await call(path);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.items.map((c: any) => c.id));
      if (!reply.body.next) break;
      expect(reply.body.items).toHaveLength(2);
      expect(reply.body.next.before).toBe(reply.body.items[1].issuedAt);
      path = `/credentials?limit=2&${new URLSearchParams(reply.body.next).toString()}`;
    }
    expect(seen).toEqual(all.map((c) => c.id));
  });

  it('paginates without losing credentials issued in the same millisecond', async () => {
    // A bulk issue (e.g. a whole class at the end of term) can give several credentials the same
    // issue time. Make that happen deterministically: three fresh credentials, one timestamp.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await postJsonAs('/credentials/issue', qualificationRequest({ learnerReference: `same-ms-${i}` }))).body
          .credentialId,
      );
    const sameTime = new Date(Date.now() + 1000).toISOString();
    const file = new SQLite(join(system.dataDir, 'issuer.sqlite'));
    try {
      file.pragma('busy_timeout = 5000');
      file.prepare(`update credentials set issued_at = ? where id in (?, ?, ?)`).run(sameTime, ...ids);
    } finally {
      file.close();
    }
    const seen: string[] = [];
    let path = '/credentials?limit=2';
    for (let page = 0; page < 100; page++) {
      const reply = await call(path);
      seen.push(...reply.body.items.map((c: any) => c.id));
      if (!reply.body.next) break;
      path = `/credentials?limit=2&${new URLSearchParams(reply.body.next).toString()}`;
    }
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const all = (await call('/credentials?limit=500')).body.items.map((c: any) => c.id);
    expect(seen).toEqual(all);
  });

  it('revoke: 400 for a reason that is not one of the listed ones', async () => {
    for (const reason of ['stolen', '', 'UNSPECIFIED', 5, false, ['fraud'], { fraud: true }]) {
      const problem = expectProblem(await revoke(first.credentialId, { reason }), 400);
      expect(problem.title, JSON.stringify(reason)).toBe('Bad revocation reason');
      expect(problem.detail).toContain('withdrawnByAssessmentBody');
    }
    expect((await call(`/credentials/${first.credentialId}`)).body.status).toBe('anchored');
  });

  it('revoke: 400 for reason names that exist on every JavaScript object', async () => {
    const target = (await issue(system, qualificationRequest({ id: LEARNER_DID }))).body.credentialId;
    for (const reason of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const reply = await revoke(target, { reason });
      expect(reply.status, `reason "${reason}": ${reply.text}`).toBe(400);
      expectProblem(reply, 400);
    }
    expect((await call(`/credentials/${target}`)).body.status).not.toBe('revoked');
  });

  it('revoke: 415 / 400 for a body that is not a JSON object, 404 for an unknown credential', async () => {
    expectProblem(
      await call(`/credentials/${first.credentialId}/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'fraud',
      }),
      415,
    );
    expectProblem(await postJsonAs(`/credentials/${first.credentialId}/revoke`, '{"reason":'), 400);
    expectProblem(await postJsonAs(`/credentials/${first.credentialId}/revoke`, '["fraud"]'), 400);
    expectProblem(await revoke(randomUUID()), 404);
    expectProblem(await revoke('not-a-uuid'), 404);
  });

  it('revoke: 200 with the transaction, then 409 the second time; the claim is gone (410)', async () => {
    const reply = await revoke(first.credentialId, { reason: 'fraud' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      id: first.credentialId,
      status: 'revoked',
      reason: 'fraud',
      transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      revokedAt: expect.any(String),
    });
    const again = expectProblem(await revoke(first.credentialId, { reason: 'fraud' }), 409);
    expect(again.title).toBe('Already revoked');

    const got = (await call(`/credentials/${first.credentialId}`)).body;
    expect(got).toMatchObject({ status: 'revoked', revocationReason: 'fraud', revokedAt: reply.body.revokedAt });
    expect((await call('/credentials?status=revoked')).body.items.map((c: any) => c.id)).toContain(first.credentialId);
    expectProblem(await call(`/claims/${first.claim.code}`, { token: null }), 410);
  });

  it('revoke without a reason is "unspecified"', async () => {
    const issued = await issue(system, qualificationRequest({ id: LEARNER_DID }));
    await claimWhenAnchored(issued.body.claim.url);
    const reply = await revoke(issued.body.credentialId, {});
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.reason).toBe('unspecified');
  });

  it('two concurrent revocations of one credential: one succeeds, the other is 409', async () => {
    const issued = await issue(system, qualificationRequest({ id: LEARNER_DID }));
    await claimWhenAnchored(issued.body.claim.url);
    const replies = await Promise.all([
      revoke(issued.body.credentialId, { reason: 'fraud' }),
      revoke(issued.body.credentialId, { reason: 'fraud' }),
    ]);
    expect(replies.map((r) => r.status).sort(), replies.map((r) => r.text).join('\n')).toEqual([200, 409]);
    expect((await call(`/credentials/${issued.body.credentialId}`)).body.status).toBe('revoked');
  });
});

describe('a credential that is not anchored yet', () => {
  let slow: RunningSystem;

  beforeAll(async () => {
    // Batches close only after 10 minutes or 1000 credentials: nothing gets anchored during the test.
    slow = await startSystem({ env: { ANCHOR_BATCH_WAIT_MS: '600000', ANCHOR_BATCH_SIZE: '1000' } });
  });

  afterAll(async () => {
    await slow?.destroy();
  });

  it('its claim answers 202 with Retry-After, and the issuer lists it as pending without a receipt', async () => {
    const issued = await issue(slow, qualificationRequest({ id: LEARNER_DID }));
    expect(issued.status).toBe(201);
    const claim = await fetch(issued.body.claim.url);
    expect(claim.status).toBe(202);
    expect(Number(claim.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await claim.json();
    expect(body.status).toBe('pending');
    expect(JSON.stringify(body)).not.toContain(jwtOf(issued.body));

    const headers = { authorization: `Bearer ${slow.adminToken}` };
    const got = await (await fetch(`${slow.issuerUrl}/credentials/${issued.body.credentialId}`, { headers })).json();
    expect(got.status).toBe('pending');
    expect(got.anchorReceipt).toBeUndefined();
    const pending = await (await fetch(`${slow.issuerUrl}/credentials?status=pending`, { headers })).json();
    expect(pending.items.map((c: any) => c.id)).toContain(issued.body.credentialId);
    const anchored = await (await fetch(`${slow.issuerUrl}/credentials?status=anchored`, { headers })).json();
    expect(anchored.items).toEqual([]);
  });

  it('a pending credential can be revoked; its claim is then gone (410)', async () => {
    const issued = await issue(slow, qualificationRequest({ id: LEARNER_DID }));
    const reply = await revokeCredential(slow, issued.body.credentialId, { reason: 'issuedInError' });
    expect(reply.status, reply.text).toBe(200);
    expect((await fetch(issued.body.claim.url)).status).toBe(410);
  });
});
