/**
 * Credential search on the issuer's own database, SQLite file and PostgreSQL: credentials issued
 * before the search index existed, or before qualifications' words were kept once, are found
 * through the migrations that fill and move the index, names with and without accents, ranges
 * with both ends included, filters combined, pages that continue.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { freshSchema, postgresSuite } from '../../test/support/postgres.ts';
import { type CredentialStatus, type IssuerDb, type IssuerTables, issuerMigrations } from '../db-schema.ts';
import { type CredentialListing, listCredentials } from './search-credentials.ts';
import { insertQualificationTerms } from './store-terms.ts';
import { searchRowsOfSubject, termsOfSubject } from './terms-of-credential.ts';

interface Learner {
  name: string;
  reference: string;
  did?: string;
  qualification: { title: string; code: string };
  occupation: { title: string; code: string };
  awardedOn: string;
  issuedAt: string;
  status: CredentialStatus;
}

const ELECTRICAL = { title: 'National Certificate in Electrical Installation', code: 'NC-ELEC-4' };
const TAILORING = { title: 'Certificate in Tailoring', code: 'TAIL-2' };
const ELECTRICIAN = { title: 'Electrician', code: '7411' };
const TAILOR = { title: 'Tailor, dressmaker', code: '7531' };

const LEARNERS: Learner[] = [
  ['Amína Yúsuf', 'REG-1', ELECTRICAL, ELECTRICIAN, '2026-04-01', '2026-07-01T09:00:00.000Z', 'anchored'],
  ['AMINA BELLO', 'REG-2', TAILORING, TAILOR, '2026-06-30', '2026-07-01T09:00:00.000Z', 'anchored'],
  ['Yusuf Ōkafor', 'REG-3', ELECTRICAL, ELECTRICIAN, '2026-07-01', '2026-07-02T10:00:00.000Z', 'revoked'],
  ['Zoë Amina-Kariuki', 'REG-4', ELECTRICAL, ELECTRICIAN, '2026-03-31', '2026-07-03T11:00:00.000Z', 'pending'],
  ['Ngozi Eze', 'REG-5', TAILORING, TAILOR, '2026-05-15', '2026-07-03T23:59:59.999Z', 'anchored'],
].map(([name, reference, qualification, occupation, awardedOn, issuedAt, status], i) => ({
  name,
  reference,
  ...(i === 0 ? { did: 'did:key:z6MkAmina' } : {}),
  qualification,
  occupation,
  awardedOn,
  issuedAt,
  status,
})) as Learner[];

const idOf = (i: number) => `00000000-0000-4000-8000-00000000000${i}`;
const subjectOf = (l: Learner) => ({
  ...(l.did ? { id: l.did } : {}),
  learnerReference: l.reference,
  name: l.name,
  qualification: {
    title: l.qualification.title,
    code: l.qualification.code,
    awardedOn: l.awardedOn,
    occupation: l.occupation,
  },
});
/** A credential's text as the issuer signs it (VC-JWT 1.1): the search index reads only its payload. */
const jwtOf = (l: Learner) =>
  `eyJhbGciOiJFZERTQSJ9.${Buffer.from(JSON.stringify({ vc: { credentialSubject: subjectOf(l) } })).toString('base64url')}.c2ln`;

/** How the issuer kept a credential's words: not yet (before 007), all per credential (before 015), or as now. */
type Layout = 'unindexed' | 'per credential' | 'now';

async function store(db: IssuerDb, index: number, layout: Layout): Promise<void> {
  const l = LEARNERS[index]!;
  const id = idOf(index);
  const rows = searchRowsOfSubject(id, subjectOf(l));
  // Stored before the search index, so before migration 014 too: the credential's text in its row.
  const textInRow = layout === 'unindexed' ? { jwt: jwtOf(l), proof: null } : {};
  await db
    .insertInto('credentials')
    .values({
      id,
      credential_hash: `0x${String(index).padStart(64, '0')}`,
      subject_did: l.did ?? null,
      learner_reference: l.reference,
      qualification_title: l.qualification.title,
      issued_at: l.issuedAt,
      status: l.status,
      batch_root: null,
      claim_code_hash: `code-${index}`,
      claim_code_issued_at: null,
      revoked_at: null,
      revocation_reason: null,
      revocation_tx: null,
      ...textInRow,
      ...(layout === 'now' ? { qualification_key: rows.qualificationKey } : {}),
    })
    .execute();
  if (layout !== 'unindexed')
    await db
      .insertInto('credential_jwts')
      .values({ credential_id: id, jwt: jwtOf(l) })
      .execute();
  await db
    .insertInto('credential_statistics')
    .values({
      credential_id: id,
      awarded_on: l.awardedOn,
      occupation_code: l.occupation.code,
      occupation_title: l.occupation.title,
      education_level: null,
    })
    .execute();
  if (layout === 'per credential')
    await db
      .insertInto('credential_terms')
      .values(termsOfSubject(id, subjectOf(l)))
      .execute();
  if (layout === 'now') {
    await db.insertInto('credential_terms').values(rows.name).execute();
    await insertQualificationTerms(db, rows.qualification);
  }
}

const migrationsBefore = (first: string) =>
  Object.fromEntries(Object.entries(issuerMigrations).filter(([name]) => name < first));

/**
 * The first three credentials are stored before the search index exists (migration 007 fills it
 * from their text), the fourth before qualifications' words were kept once (015 moves them), the
 * last as the issuer stores them now.
 */
async function openFilled(options: { dataDir: string; databaseUrl?: string }): Promise<IssuerDb> {
  const base = { ...options, name: 'issuer' };
  const stages: [Record<string, Migration>, number[], Layout][] = [
    [migrationsBefore('007_credential_search'), [0, 1, 2], 'unindexed'],
    [migrationsBefore('015_qualification_terms'), [3], 'per credential'],
  ];
  for (const [migrations, learners, layout] of stages) {
    const old = await openDatabase<IssuerTables>({ ...base, migrations });
    for (const i of learners) await store(old.db, i, layout);
    await old.db.destroy();
  }
  const { db } = await openDatabase<IssuerTables>({ ...base, migrations: issuerMigrations });
  await store(db, 4, 'now');
  return db;
}

function searchTests(openDb: () => IssuerDb) {
  const references = async (filters: Partial<CredentialListing>) =>
    (await listCredentials(openDb(), { limit: 50, ...filters })).map((row) => row.learner_reference);

  it('finds a name in any case, with or without accents, by whole words or their beginnings', async () => {
    expect(await references({ name: 'amina yusuf' })).toEqual(['REG-1']);
    expect(await references({ name: 'AMÍNA' })).toEqual(['REG-4', 'REG-2', 'REG-1']);
    expect(await references({ name: 'yus' })).toEqual(['REG-3', 'REG-1']);
    expect(await references({ name: 'okafor yusuf' })).toEqual(['REG-3']);
    expect(await references({ name: 'zoe' })).toEqual(['REG-4']);
    expect(await references({ name: 'aminata' })).toEqual([]);
    expect(await references({ name: 'mina' })).toEqual([]);
  });

  it('finds the learner reference and DID exactly, the qualification and occupation by title or code', async () => {
    expect(await references({ learnerReference: 'REG-2' })).toEqual(['REG-2']);
    expect(await references({ learnerReference: 'reg-2' })).toEqual([]);
    expect(await references({ did: 'did:key:z6MkAmina' })).toEqual(['REG-1']);
    expect(await references({ qualification: 'electrical installation' })).toEqual(['REG-4', 'REG-3', 'REG-1']);
    expect(await references({ qualification: 'TAIL-2' })).toEqual(['REG-5', 'REG-2']);
    expect(await references({ occupation: '7531' })).toEqual(['REG-5', 'REG-2']);
    expect(await references({ occupation: 'dressmaker' })).toEqual(['REG-5', 'REG-2']);
  });

  it('keeps the learner names per credential and the words of each qualification once', async () => {
    const db = openDb();
    const fields = await db.selectFrom('credential_terms').select('field').distinct().execute();
    expect(fields.map((f) => f.field)).toEqual(['name']);
    const keys = await db.selectFrom('credentials').select('qualification_key').distinct().execute();
    expect(keys.map((k) => k.qualification_key).every((key) => key !== null)).toBe(true);
    // Electrical installation and tailoring, each with its occupation.
    expect(keys).toHaveLength(2);
    const keyed = await db.selectFrom('qualification_terms').select('qualification_key').distinct().execute();
    expect(keyed).toHaveLength(2);
  });

  it('takes award and issue dates as ranges with both days included', async () => {
    expect(await references({ awardedFrom: '2026-04-01', awardedTo: '2026-06-30' })).toEqual([
      'REG-5',
      'REG-2',
      'REG-1',
    ]);
    expect(await references({ awardedTo: '2026-03-31' })).toEqual(['REG-4']);
    expect(await references({ awardedFrom: '2026-07-01' })).toEqual(['REG-3']);
    expect(await references({ issuedFrom: '2026-07-02', issuedTo: '2026-07-03' })).toEqual(['REG-5', 'REG-4', 'REG-3']);
    expect(await references({ issuedTo: '2026-07-01' })).toEqual(['REG-2', 'REG-1']);
  });

  it('combines filters: each must hold', async () => {
    expect(await references({ name: 'amina', qualification: 'electrical' })).toEqual(['REG-4', 'REG-1']);
    expect(await references({ name: 'amina', qualification: 'electrical', status: 'anchored' })).toEqual(['REG-1']);
    expect(await references({ occupation: 'electrician', awardedFrom: '2026-04-01', status: 'revoked' })).toEqual([
      'REG-3',
    ]);
    expect(await references({ name: 'ngozi', occupation: 'electrician' })).toEqual([]);
  });

  it('continues a search page by page, credentials issued at the same instant included', async () => {
    const seen: string[] = [];
    let page = await listCredentials(openDb(), { limit: 1, name: 'amina' });
    while (page.length > 0) {
      seen.push(page[0]!.learner_reference!);
      const last = page.at(-1)!;
      page = await listCredentials(openDb(), { limit: 1, name: 'amina', before: last.issued_at, beforeId: last.id });
    }
    expect(seen).toEqual(['REG-4', 'REG-2', 'REG-1']);
  });
}

describe('credential search on a SQLite file', () => {
  let dir: string;
  let db: IssuerDb;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skillmark-search-'));
    db = await openFilled({ dataDir: dir });
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  searchTests(() => db);
});

describe('migration 015 killed halfway on a SQLite file', () => {
  let dir: string;
  let db: IssuerDb | undefined;
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the index as it was, and moves it on the next start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'skillmark-search-crash-'));
    const base = { dataDir: dir, name: 'issuer' };
    const old = await openDatabase<IssuerTables>({ ...base, migrations: migrationsBefore('015_qualification_terms') });
    for (const i of LEARNERS.keys()) await store(old.db, i, 'per credential');
    await old.db.destroy();
    // The issuer starting after the upgrade, killed (SIGKILL) once the old credential_terms is dropped.
    const script = `
      const { openDatabase } = await import('./core/db.ts');
      const { issuerMigrations } = await import('./issuer/db-schema.ts');
      await openDatabase({ dataDir: ${JSON.stringify(dir)}, name: 'issuer', migrations: issuerMigrations });
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, SKILLMARK_FAILPOINT: 'migration-015:credential-terms-dropped' },
      timeout: 30_000,
    });
    expect(run.signal).toBe('SIGKILL');
    db = (await openDatabase<IssuerTables>({ ...base, migrations: issuerMigrations })).db;
    const references = async (filters: Partial<CredentialListing>) =>
      (await listCredentials(db!, { limit: 50, ...filters })).map((row) => row.learner_reference);
    expect(await references({ qualification: 'electrical installation' })).toEqual(['REG-4', 'REG-3', 'REG-1']);
    expect(await references({ occupation: 'dressmaker', name: 'amina' })).toEqual(['REG-2']);
  });
});

const postgres = await postgresSuite('credential search');
describe.skipIf(postgres.skip)(postgres.title, () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let db: IssuerDb;
  let dir: string;
  beforeAll(async () => {
    schema = await freshSchema(postgres.url);
    dir = mkdtempSync(join(tmpdir(), 'skillmark-search-pg-'));
    db = await openFilled({ dataDir: dir, databaseUrl: schema.databaseUrl });
  });
  afterAll(async () => {
    await db?.destroy();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  searchTests(() => db);
});
