/**
 * Credentials issued before the occupation report existed are counted too: the migration that adds
 * its table fills it from each credential's own text, in either format, and skips what it cannot read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import type { IssuerTablesBefore014 } from '../../test/support/issuer-tables-before-014.ts';
import { type IssuerTables, issuerMigrations } from '../db-schema.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-statistics-migration-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'EdDSA' })}.${b64(payload)}.c2lnbmF0dXJl`;
const qualification = (awardedOn: string, occupation?: unknown) => ({
  credentialSubject: { qualification: { title: 'Welding', awardedOn, ...(occupation ? { occupation } : {}) } },
});

it('fills the statistics of the credentials already issued, education level unknown', async () => {
  const before = Object.fromEntries(Object.entries(issuerMigrations).filter(([name]) => name < '005'));
  const old = (await openDatabase<IssuerTablesBefore014>({ dataDir, name: 'issuer', migrations: before })).db;
  const stored = [
    ['a', jwt({ vc: qualification('2026-04-01', { code: '7212', title: ' Welder ' }) })],
    ['b', jwt(qualification('2026-06-30', { title: 'Welder' }))],
    ['c', jwt(qualification('2026-07-01'))],
    ['d', 'not-a-jwt'],
  ] as const;
  for (const [id, text] of stored) {
    await old
      .insertInto('credentials')
      .values({
        id,
        credential_hash: `hash-${id}`,
        jwt: text,
        subject_did: null,
        learner_reference: id,
        qualification_title: 'Welding',
        issued_at: '2026-11-30T00:00:00.000Z',
        status: 'anchored',
        batch_root: null,
        proof: null,
        claim_code_hash: `code-${id}`,
        revoked_at: null,
        revocation_reason: null,
      })
      .execute();
  }
  await old.destroy();

  const db = (await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations })).db;
  try {
    expect(await db.selectFrom('credential_statistics').selectAll().orderBy('credential_id').execute()).toEqual([
      {
        credential_id: 'a',
        awarded_on: '2026-04-01',
        occupation_code: '7212',
        occupation_title: 'Welder',
        education_level: null,
      },
      {
        credential_id: 'b',
        awarded_on: '2026-06-30',
        occupation_code: null,
        occupation_title: 'Welder',
        education_level: null,
      },
      {
        credential_id: 'c',
        awarded_on: '2026-07-01',
        occupation_code: null,
        occupation_title: null,
        education_level: null,
      },
    ]);
  } finally {
    await db.destroy();
  }
});
