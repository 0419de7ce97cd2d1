/**
 * The report's counts from the issuer's own database, on SQLite and on PostgreSQL: the quarter's
 * first and last days in, the days around them out, revoked credentials out, each level counted;
 * and the signed report carries them as they are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { parseCompactJws } from '../../core/jose/compact-jws.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { didKeyOfEd25519Key } from '../../core/trust-bundle/signed-bundle.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { freshSchema, postgresSuite } from '../../test/support/postgres.ts';
import type { CredentialStatus } from '../db-schema.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from '../db-schema.ts';
import { DEFAULT_EDUCATION_LEVELS } from './education-levels.ts';
import { OccupationReports } from './occupation-reports.ts';

const ROWS: [awardedOn: string, code: string | null, title: string, level: string | null, status: CredentialStatus][] =
  [
    ['2026-03-31', '7411', 'Electrician', 'primary', 'anchored'], // Q1
    ['2026-04-01', '7411', 'Electrician', 'primary', 'anchored'],
    ['2026-05-15', '7411', 'Electrician', 'primary', 'pending'],
    ['2026-05-16', '7411', 'Electrician', 'primary', 'revoked'], // left out
    ['2026-06-30', '7411', 'Electrician', null, 'anchored'],
    ['2026-06-30', null, 'Tailor', 'technician', 'anchored'],
    ['2026-07-01', '7411', 'Electrician', 'primary', 'anchored'], // Q3
  ];

async function fill(db: IssuerDb): Promise<void> {
  for (const [i, [awardedOn, code, title, level, status]] of ROWS.entries()) {
    const id = `c-${i}`;
    await db
      .insertInto('credentials')
      .values({
        id,
        credential_hash: `hash-${i}`,
        subject_did: null,
        learner_reference: id,
        qualification_title: title,
        issued_at: '2026-11-30T00:00:00.000Z',
        status,
        batch_root: null,
        claim_code_hash: `code-${i}`,
        revoked_at: null,
        revocation_reason: null,
      })
      .execute();
    await db
      .insertInto('credential_statistics')
      .values({
        credential_id: id,
        awarded_on: awardedOn,
        occupation_code: code,
        occupation_title: title,
        education_level: level,
      })
      .execute();
  }
}

function checks(database: () => IssuerDb) {
  const { privateKey } = freshKeyPair('ed25519');
  const did = didKeyOfEd25519Key(privateKey);
  const reports = () =>
    new OccupationReports(
      database(),
      { educationLevels: DEFAULT_EDUCATION_LEVELS, suppressionThreshold: 5 },
      {
        name: 'College',
        signer: () => ({ did, kid: did, joseSigner: nodeJoseSigner(privateKey, `${did}#${did.slice(8)}`) }),
      },
    );
  const q2 = {
    quarter: '2026-Q2',
    occupations: [
      {
        code: '7411',
        title: 'Electrician',
        byEducationLevel: {
          primary: 2,
          lower_secondary: 0,
          upper_secondary: 0,
          technician: 0,
          senior_technician: 0,
          unknown: 1,
        },
      },
      {
        code: null,
        title: 'Tailor',
        byEducationLevel: {
          primary: 0,
          lower_secondary: 0,
          upper_secondary: 0,
          technician: 1,
          senior_technician: 0,
          unknown: 0,
        },
      },
    ],
  };

  it('counts the quarter’s awards from its first to its last day, revoked ones left out', async () => {
    const counts = await reports().counts('2026-Q2');
    expect({ ...counts, occupations: [...counts.occupations].sort((a, b) => (a.title! < b.title! ? -1 : 1)) }).toEqual({
      ...q2,
      educationLevels: DEFAULT_EDUCATION_LEVELS,
    });
    expect((await reports().counts('2026-Q1')).occupations).toEqual([
      expect.objectContaining({ code: '7411', title: 'Electrician' }),
    ]);
  });

  it('signs the exact counts with the institution’s key', async () => {
    const jws = parseCompactJws(await reports().signed('2026-Q2', new Date('2026-11-30T00:00:00Z')));
    expect(jws.header).toEqual({ alg: 'EdDSA', kid: `${did}#${did.slice(8)}`, typ: 'skillmark-occupation-report+jws' });
    expect(jws.payload).toMatchObject({
      type: 'SkillmarkOccupationReport',
      version: 1,
      iss: did,
      iat: 1795996800,
      institution: { did, name: 'College' },
      quarter: '2026-Q2',
    });
  });
}

describe('on SQLite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-occupation-reports-'));
  let db: IssuerDb;
  beforeAll(async () => {
    db = (await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations })).db;
    await fill(db);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });
  checks(() => db);
});

const postgres = await postgresSuite('the occupation report counts');
describe.skipIf(postgres.skip)(postgres.title, () => {
  let db: IssuerDb;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  beforeAll(async () => {
    schema = await freshSchema(postgres.url);
    db = (
      await openDatabase<IssuerTables>({
        databaseUrl: schema.databaseUrl,
        dataDir: tmpdir(),
        name: 'issuer',
        migrations: issuerMigrations,
      })
    ).db;
    await fill(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await schema?.drop();
  });
  checks(() => db);
});
