/**
 * The pool signs in worker threads exactly what CredentialService.sign signs on the main thread:
 * the same credentials, verifying with the same key, the same rows, the same refusals; it follows
 * a signing-key rotation, and a thread that dies fails only the call it held. Real Ed25519 keys,
 * real signatures, real threads (run from source through tsx).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfJwk } from '../../core/did-key-encoding.ts';
import { FORMAT_NAMES, type KeyLookup, readCredentialToken } from '../../core/formats/index.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { COMPILED } from '../../test/support/compiled.ts';
import { type IssuerLedger, startIssuerLedger } from '../../test/support/issuer-ledger.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { type CohortRow, EXAMPLE_CELLS } from '../cohorts/columns.ts';
import { issueRequestOfRow, rowErrorsOfProblem } from '../cohorts/validate-row.ts';
import { DEFAULT_ISSUING, type IssuingSettings } from '../credential-to-sign.ts';
import { CredentialService, type SignedCredential } from '../credentials.ts';
import type { SigningIdentity } from '../identity.ts';
import { CurrentSigningKey } from '../signing-key.ts';
import { StatusLists } from '../status-lists/status-lists.ts';
import { SigningPool, SigningPoolError } from './pool.ts';
import { problemOf, type RowToSign, type SignedRow } from './sign-row.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const BASE_URL = 'https://college.example';
const MAX_BATCH = 500;

function newIdentity(): SigningIdentity & { lookup: KeyLookup } {
  const pair = freshKeyPair('ed25519');
  const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  const lookup: KeyLookup = async (asked, askedKid, purpose) =>
    asked === did && (askedKid === undefined || askedKid === kid) && purpose === 'assertionMethod'
      ? { ok: true, key: { id: kid, key: pair.publicKey, alg: 'EdDSA' } }
      : { ok: false, reason: 'key_not_found', detail: `no ${purpose} key ${askedKid} for ${asked}` };
  return { did, kid, joseSigner: nodeJoseSigner(pair.privateKey, kid), privateKey: pair.privateKey, lookup };
}

const row = (i: number, cells: Partial<CohortRow> = {}): CohortRow => ({
  ...EXAMPLE_CELLS,
  learnerReference: `STU-${i}`,
  name: `Learner ${i}`,
  ...cells,
});

/** Valid rows and refused ones, as a cohort file has them; one is issued as an Open Badge (VC 2.0). */
const ROWS: CohortRow[] = [
  row(1),
  row(2, { awardedOn: '30/06/2026' }),
  row(3, { learnerReference: undefined, did: newIdentity().did }),
  row(4, { qualificationTitle: undefined }),
  row(5, { learnerReference: undefined }),
  row(6, { openBadge: 'yes' }),
  row(7, { educationLevel: 'no such level' }),
  row(8, { occupationCode: undefined, occupationTitle: undefined, occupationFramework: undefined }),
  // Too long for a QR code: the credential is signed all the same, and not put in one.
  row(9, { competencies: Array.from({ length: 50 }, (_, i) => `Competency ${i} ${'x'.repeat(180)}`).join(';') }),
];

/** What either way gives for a row: the refusal as validate-row.ts maps it, or the signed credential. */
async function outcomeOf(
  outcome: { signed: SignedCredential } | { problem: HttpProblem },
  identity: ReturnType<typeof newIdentity>,
) {
  if ('problem' in outcome) return { errors: rowErrorsOfProblem(1, outcome.problem), status: outcome.problem.status };
  const { issued, row, document, statistics, terms } = outcome.signed;
  const read = readCredentialToken(issued.jwt);
  if (!read.ok) throw new Error(read.detail);
  const proof = await read.value.checkProof(identity.lookup);
  const { jwt: _jwt, credentialHash: _hash, claimCode: _code, ...described } = issued;
  const { credential_hash, claim_code_hash: _sealed, ...stored } = row;
  expect(document).toEqual({ credential_id: row.id, jwt: issued.jwt });
  expect(credential_hash).toBe(issued.credentialHash);
  // The random parts: the credential's id (time-ordered) and urn:uuid, the claim code (SD-JWT's salts are in the token only).
  const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
  return JSON.parse(
    JSON.stringify({ proof, credential: read.value.credential, described, stored, statistics, terms }).replace(
      uuids,
      'random-uuid',
    ),
  );
}

const inThread = async (service: CredentialService, request: Record<string, unknown>, withStatus: boolean) => {
  try {
    return { signed: await service.sign(request, NOW, withStatus) };
  } catch (error) {
    if (error instanceof HttpProblem && error.status < 500) return { problem: error };
    throw error;
  }
};
const pooled = (signed: SignedRow) => ('signed' in signed ? signed : { problem: problemOf(signed.refused) });

describe('the signing pool', () => {
  let ledger: IssuerLedger;
  const pools: SigningPool[] = [];
  const poolOf = (signingKey: CurrentSigningKey, issuing: IssuingSettings, threads = 2) => {
    const pool = new SigningPool({ signingKey, issuing, maxBatchSize: MAX_BATCH, threads, chunkRows: 2 });
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    ledger = await startIssuerLedger();
  });
  afterEach(async () => {
    delete process.env.SKILLMARK_FAILPOINT;
    delete process.env.SKILLMARK_SIGNING_WORKER_BUNDLE;
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await ledger?.stop();
  });

  const serviceOf = (signingKey: CurrentSigningKey, issuing: IssuingSettings, lists?: StatusLists) =>
    new CredentialService(
      ledger.db,
      signingKey,
      ledger.writer,
      { chainId: 31337, registry: '0x' },
      MAX_BATCH,
      issuing,
      lists,
    );

  describe.each(FORMAT_NAMES)('with CREDENTIAL_FORMAT %s', (format) => {
    it('signs and refuses each row as CredentialService.sign does, in the order given', async () => {
      const identity = newIdentity();
      const signingKey = new CurrentSigningKey(identity);
      const issuing = { ...DEFAULT_ISSUING, defaultFormat: format, institutionName: 'College of Trades' };
      const lists = new StatusLists(ledger.db, ledger.writer, signingKey, format, BASE_URL);
      const service = serviceOf(signingKey, issuing, lists);
      const requests = ROWS.map(issueRequestOfRow);
      // A dry run's placeholder entry, so that both ways sign the same status entry.
      const items: RowToSign[] = requests.map((request) => ({ request, status: lists.placeholder() }));
      const results = await poolOf(signingKey, issuing).signRows(items, NOW);
      expect(results).toHaveLength(ROWS.length);
      for (const [i, request] of requests.entries()) {
        const expected = await outcomeOf(await inThread(service, request, false), identity);
        expect(await outcomeOf(pooled(results[i]!), identity), `row ${i + 1}`).toEqual(expected);
      }
      // Both kinds in each format (an SD-JWT VC needs the learner's DID: only row 3 has one).
      expect(new Set(results.map((r) => 'signed' in r))).toEqual(new Set([true, false]));
    });
  });

  it('signs the same with the compiled signing thread of a bundled build (test/support/build-system.ts)', async () => {
    const identity = newIdentity();
    const signingKey = new CurrentSigningKey(identity);
    const issuing = { ...DEFAULT_ISSUING, defaultFormat: 'vc-jose-2.0' as const };
    const service = serviceOf(signingKey, issuing);
    const requests = ROWS.slice(0, 4).map(issueRequestOfRow);
    // Read as each thread starts; the bundle has the path built in instead.
    process.env.SKILLMARK_SIGNING_WORKER_BUNDLE = COMPILED.signingWorker;
    const results = await poolOf(signingKey, issuing).signRows(
      requests.map((request) => ({ request })),
      NOW,
    );
    for (const [i, request] of requests.entries())
      expect(await outcomeOf(pooled(results[i]!), identity)).toEqual(
        await outcomeOf(await inThread(service, request, false), identity),
      );
  });

  it('keeps a status list entry allocated on the main thread in the credential and its row', async () => {
    const identity = newIdentity();
    const signingKey = new CurrentSigningKey(identity);
    const lists = new StatusLists(ledger.db, ledger.writer, signingKey, 'vc-jose-2.0', BASE_URL);
    const status = await lists.allocate();
    const [result] = await poolOf(signingKey, DEFAULT_ISSUING).signRows([
      { request: issueRequestOfRow(row(1)), status },
    ]);
    if (!result || !('signed' in result)) throw new Error('not signed');
    expect(result.signed.row).toMatchObject({ status_list_id: status.listId, status_list_index: status.index });
    const read = readCredentialToken(result.signed.issued.jwt);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.credential.credentialStatus).toEqual(status.entry);
  });

  it('signs each call with the key current when it was submitted, and follows a rotation', async () => {
    const [before, after] = [newIdentity(), newIdentity()];
    const signingKey = new CurrentSigningKey(before);
    const pool = poolOf(signingKey, DEFAULT_ISSUING);
    const items = Array.from({ length: 12 }, (_, i) => ({ request: issueRequestOfRow(row(i)) }));
    const first = pool.signRows(items, NOW);
    signingKey.use(after);
    const second = pool.signRows(items, NOW);
    const service = serviceOf(signingKey, DEFAULT_ISSUING);
    for (const [results, identity] of [
      [await first, before],
      [await second, after],
    ] as const) {
      for (const [i, result] of results.entries()) {
        if (!('signed' in result)) throw new Error(`row ${i} refused`);
        const read = readCredentialToken(result.signed.issued.jwt);
        if (!read.ok) throw new Error(read.detail);
        expect(read.value.issuer).toBe(identity.did);
        expect(await read.value.checkProof(identity.lookup)).toEqual({
          status: 'valid',
          keyId: identity.kid,
          alg: 'EdDSA',
        });
      }
    }
    // After the rotation, as the main thread signs now.
    const expected = await outcomeOf(await inThread(service, items[0]!.request, true), after);
    expect(await outcomeOf(pooled((await second)[0]!), after)).toEqual(expected);
  });

  it('fails only the call whose thread died, with a clear error, and goes on with a new thread', async () => {
    const signingKey = new CurrentSigningKey(newIdentity());
    const pool = poolOf(signingKey, DEFAULT_ISSUING, 1);
    const items = [{ request: issueRequestOfRow(row(1)) }];
    process.env.SKILLMARK_FAILPOINT = 'signing-pool:thread';
    await expect(pool.signRows(items, NOW)).rejects.toThrow(
      new SigningPoolError('a signing thread stopped (exit code 70) before it signed these rows; none was kept'),
    );
    delete process.env.SKILLMARK_FAILPOINT;
    const [again] = await pool.signRows(items, NOW);
    expect(again && 'signed' in again).toBe(true);
  });

  it('fails the call on an error that is not a refusal, as checkRow lets it fail the job', async () => {
    const signingKey = new CurrentSigningKey(newIdentity());
    const broken = { credential: null } as unknown as Record<string, unknown>;
    const thrown = await serviceOf(signingKey, DEFAULT_ISSUING)
      .sign(broken, NOW, false)
      .catch((error: Error) => error);
    expect(thrown).toBeInstanceOf(TypeError);
    const pool = poolOf(signingKey, DEFAULT_ISSUING);
    await expect(pool.signRows([{ request: issueRequestOfRow(row(1)) }, { request: broken }], NOW)).rejects.toThrow(
      (thrown as Error).message,
    );
    // The thread goes on.
    expect(await pool.signRows([{ request: issueRequestOfRow(row(1)) }], NOW)).toHaveLength(1);
  });

  it('close() ends the threads at once, failing the calls in flight; a later call starts them again', async () => {
    const signingKey = new CurrentSigningKey(newIdentity());
    const pool = poolOf(signingKey, DEFAULT_ISSUING);
    const items = Array.from({ length: 40 }, (_, i) => ({ request: issueRequestOfRow(row(i)) }));
    const failed = expect(pool.signRows(items, NOW)).rejects.toBeInstanceOf(SigningPoolError);
    await pool.close();
    await failed;
    expect(await pool.signRows(items.slice(0, 3), NOW)).toHaveLength(3);
  });
});

describe('a process using the signing pool', () => {
  /** Runs `use` (given `pool`, a SigningPool, and `request`, a valid issue request) in a process of its own; its output. */
  const runProcess = (use: string) => {
    const pool = pathToFileURL(join(import.meta.dirname, 'pool.ts')).href;
    const key = pathToFileURL(join(import.meta.dirname, '..', 'signing-key.ts')).href;
    const script = `
      import { generateKeyPairSync } from 'node:crypto';
      import { SigningPool } from ${JSON.stringify(pool)};
      import { CurrentSigningKey } from ${JSON.stringify(key)};
      const { privateKey } = generateKeyPairSync('ed25519');
      const did = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
      const signingKey = new CurrentSigningKey({ did, kid: did + '#k', joseSigner: undefined, privateKey });
      const issuing = { defaultFormat: 'vc-jwt-1.1', educationLevels: [], issuableTypes: ['QualificationCredential'], institutionName: 'C' };
      const request = { credential: { type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: { learnerReference: 'S-1', qualification: { title: 'T', awardedOn: '2026-06-30' } } } };
      const pool = new SigningPool({ signingKey, issuing, maxBatchSize: 500 });
      ${use}
    `;
    return spawnSync(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
  };

  it('ends on its own once its calls are answered: idle threads never keep it running', () => {
    const run = runProcess(`
      const [row] = await pool.signRows([{ request }]);
      console.log('signed' in row ? 'signed' : JSON.stringify(row));
    `);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('signed');
    expect(run.status).toBe(0);
  });

  it('ends on its own with threads warmed and never used, and warmed threads sign', () => {
    const warmedOnly = runProcess(`pool.warm(); console.log('warmed');`);
    expect(warmedOnly.stderr).toBe('');
    expect(warmedOnly.stdout.trim()).toBe('warmed');
    expect(warmedOnly.status).toBe(0);
    const warmedThenUsed = runProcess(`
      pool.warm();
      const [row] = await pool.signRows([{ request }]);
      console.log('signed' in row ? 'signed' : JSON.stringify(row));
    `);
    expect(warmedThenUsed.stdout.trim()).toBe('signed');
    expect(warmedThenUsed.status).toBe(0);
  });
});
