/**
 * Credentials issued before migration 014 moved each credential's signed text and proof out of its
 * row are still served whole afterwards (get and claim: the text, and the receipt with its proof),
 * on a SQLite file and on PostgreSQL; and a cohort row signed before it is still stored.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseOptions, openDatabase } from '../core/db.ts';
import type { IssuerTablesBefore014 } from '../test/support/issuer-tables-before-014.ts';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { claimCodeHash, newClaimCode } from './claim-code.ts';
import { credentialRowsOf } from './cohorts/issue-page.ts';
import { CredentialService } from './credentials.ts';
import { type IssuerTables, issuerMigrations } from './db-schema.ts';

const BEFORE_014 = Object.fromEntries(Object.entries(issuerMigrations).filter(([name]) => name < '014'));
const LEDGER = { chainId: 31337, registry: `0x${'12'.repeat(20)}` };

const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtOf = (name: string) => `${b64({ alg: 'EdDSA' })}.${b64({ vc: { credentialSubject: { name } } })}.c2ln`;

const root = hex32();
const proof = [hex32(), hex32()];
const batch = {
  merkle_root: root,
  size: 3,
  state: 'anchored' as const,
  created_at: '2026-11-30T00:00:00.000Z',
  signed_tx: null,
  tx_hash: hex32(),
  block_number: 42,
  anchored_at: '2026-11-30T00:01:00.000Z',
};

/** A credential's row as the issuer stored it before 014, with its claim code. */
function oldCredential(id: string, anchored: boolean) {
  const claimCode = newClaimCode();
  const row = {
    id,
    credential_hash: hex32(),
    jwt: jwtOf(id),
    subject_did: null,
    learner_reference: id,
    qualification_title: 'Welding',
    issued_at: '2026-11-30T00:00:00.000Z',
    status: anchored ? ('anchored' as const) : ('pending' as const),
    batch_root: anchored ? root : null,
    proof: anchored ? JSON.stringify(proof) : null,
    claim_code_hash: claimCodeHash(claimCode),
    claim_code_issued_at: null,
    revoked_at: null,
    revocation_reason: null,
    revocation_tx: null,
  };
  return { row, claimCode };
}

const anchored = oldCredential('anchored-before', true);
const pending = oldCredential('pending-before', false);
const inCohort = oldCredential('signed-in-cohort', false);

async function fillBefore014(db: Kysely<IssuerTablesBefore014>): Promise<void> {
  await db.insertInto('batches').values(batch).execute();
  await db.insertInto('credentials').values([anchored.row, pending.row]).execute();
  await db
    .insertInto('cohorts')
    .values({
      id: 'cohort',
      state: 'issuing',
      kind: 'csv',
      upload_path: 'upload.csv',
      all_or_nothing: 1,
      total: 1,
      failure: null,
      created_at: '2026-11-30T00:00:00.000Z',
      finished_at: null,
      results_delivered_at: null,
    })
    .execute();
  await db
    .insertInto('cohort_rows')
    .values({
      cohort_id: 'cohort',
      row_number: 1,
      state: 'valid',
      cells: '{}',
      row_key: 'key',
      errors: null,
      signed: JSON.stringify({ row: inCohort.row, terms: [] }),
      credential_id: null,
      sealed_claim_code: null,
    })
    .execute();
}

function migrationTests(options: () => Omit<DatabaseOptions, 'migrations' | 'name'>) {
  it('serves the text and receipt of credentials issued before, and stores a cohort row signed before', async () => {
    const base = { ...options(), name: 'issuer' };
    const old = await openDatabase<IssuerTablesBefore014>({ ...base, migrations: BEFORE_014 });
    await fillBefore014(old.db);
    await old.db.destroy();

    const { db } = await openDatabase<IssuerTables>({ ...base, migrations: issuerMigrations });
    try {
      // Nothing here signs, sends or revokes: get, claim and store read and write the database only.
      const service = new CredentialService(db, undefined as never, undefined as never, LEDGER, 500);
      const receipt = {
        credentialHash: anchored.row.credential_hash,
        merkleRoot: root,
        proof,
        transactionHash: batch.tx_hash,
        blockNumber: 42,
        anchoredAt: batch.anchored_at,
      };
      expect(await service.get(anchored.row.id)).toMatchObject({
        credential: anchored.row.jwt,
        anchorReceipt: receipt,
        status: 'anchored',
      });
      expect(await service.claim(anchored.claimCode)).toMatchObject({
        state: 'ready',
        bundle: { credential: anchored.row.jwt, anchorReceipt: receipt },
      });
      const waiting = await service.get(pending.row.id);
      expect(waiting).toMatchObject({ credential: pending.row.jwt, status: 'pending' });
      expect(waiting.anchorReceipt).toBeUndefined();
      expect(await service.claim(pending.claimCode)).toEqual({ state: 'pending' });

      const row = await db.selectFrom('credentials').selectAll().where('id', '=', anchored.row.id).executeTakeFirst();
      expect(Object.keys(row!)).not.toContain('jwt');
      expect(Object.keys(row!)).not.toContain('proof');

      const { signed } = await db.selectFrom('cohort_rows').select('signed').executeTakeFirstOrThrow();
      await db.transaction().execute((trx) => service.store(trx, [credentialRowsOf(signed!)]));
      expect(await service.get(inCohort.row.id)).toMatchObject({ credential: inCohort.row.jwt, status: 'pending' });
    } finally {
      await db.destroy();
    }
  });
}

describe('moving credentials’ text and proof out of their rows, on a SQLite file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-documents-migration-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  migrationTests(() => ({ dataDir }));
});

const postgres = await postgresSuite('moving credentials’ text and proof out of their rows');
describe.skipIf(postgres.skip)(postgres.title, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-documents-migration-pg-'));
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  beforeAll(async () => {
    schema = await freshSchema(postgres.url);
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  migrationTests(() => ({ dataDir, databaseUrl: schema.databaseUrl }));
});
