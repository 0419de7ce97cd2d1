/**
 * A qualification's words are stored once for all its credentials (CredentialService.store, migration
 * 015): credentials signed for real (Ed25519) and stored on a SQLite file and on PostgreSQL write
 * only their learners' names per credential, are found by their qualification all the same, and two
 * qualifications with one title but different codes stay apart. A cohort row signed before 015 and
 * issued after is stored the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { didKeyOfJwk } from '../../core/did-key-encoding.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { freshSchema, postgresSuite } from '../../test/support/postgres.ts';
import type { CohortRow } from '../cohorts/columns.ts';
import { credentialRowsOf } from '../cohorts/issue-page.ts';
import { issueRequestOfRow } from '../cohorts/validate-row.ts';
import { CredentialService, type SignedCredential } from '../credentials.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from '../db-schema.ts';
import { CurrentSigningKey } from '../signing-key.ts';
import { listCredentials } from './search-credentials.ts';

const TITLE = 'National Certificate in Electrical Installation';

const row = (i: number, qualificationCode: string): CohortRow => ({
  learnerReference: `STU-${i}`,
  name: `Learner ${i}`,
  qualificationTitle: TITLE,
  qualificationCode,
  levelFramework: 'EQF',
  levelValue: '4',
  occupationCode: '7411',
  occupationTitle: 'Electrician',
  occupationFramework: 'ISCO-08',
  competencies: 'Install low-voltage wiring',
  awardedOn: '2026-06-30',
  educationLevel: 'upper secondary',
});

/** Signs for real; the ledger and status lists stand aside (store touches neither). */
function signingService(db: IssuerDb): CredentialService {
  const pair = freshKeyPair('ed25519');
  const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  const signingKey = new CurrentSigningKey({ did, kid, joseSigner: nodeJoseSigner(pair.privateKey, kid) });
  return new CredentialService(db, signingKey, undefined as never, { chainId: 31337, registry: '0x' }, 500);
}

/** A credential's rows as a cohort row kept them when signed before 015 (after 014): every word per credential. */
function signedBefore015(signed: SignedCredential): string {
  const { qualification_key: _key, ...row } = signed.row;
  const { name, qualification } = signed.terms;
  const id = signed.issued.id;
  const terms = [...name, ...qualification.map(({ field, term }) => ({ credential_id: id, field, term }))];
  return JSON.stringify({ row, document: signed.document, statistics: signed.statistics, terms });
}

function storeTests(openDb: () => IssuerDb) {
  const references = async (filters: { qualification?: string; occupation?: string; name?: string }) =>
    (await listCredentials(openDb(), { limit: 50, ...filters })).map((c) => c.learner_reference).sort();
  const count = async (table: 'credential_terms' | 'qualification_terms' | 'credentials') =>
    Number(
      (
        await openDb()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    const db = openDb();
    const service = signingService(db);
    const now = new Date('2026-07-01T09:00:00Z');
    const sign = (i: number, code: string) => service.sign(issueRequestOfRow(row(i, code)), now, false);
    const cohort = await Promise.all([1, 2, 3].map((i) => sign(i, 'NC-ELEC-4')));
    const other = await sign(4, 'NC-ELEC-5');
    await db.transaction().execute((trx) => service.store(trx, [...cohort, other]));
    const resumed = credentialRowsOf(signedBefore015(await sign(5, 'NC-ELEC-4')));
    await db.transaction().execute((trx) => service.store(trx, [resumed]));
  });

  it('writes the learner name per credential and each qualification once', async () => {
    expect(await count('credentials')).toBe(5);
    // "learner" and the number: two words per credential.
    expect(await count('credential_terms')).toBe(2 * 5);
    // national certificate in electrical installation nc elec 4|5, electrician 7411: ten words per qualification.
    expect(await count('qualification_terms')).toBe(10 * 2);
  });

  it('finds credentials by their qualification and occupation words', async () => {
    const all = ['STU-1', 'STU-2', 'STU-3', 'STU-4', 'STU-5'];
    expect(await references({ qualification: 'electrical installation' })).toEqual(all);
    expect(await references({ occupation: 'electrician 7411' })).toEqual(all);
    expect(await references({ qualification: 'elec', name: 'learner 4' })).toEqual(['STU-4']);
    expect(await references({ occupation: 'tailor' })).toEqual([]);
  });

  it('tells apart two qualifications with the same title and different codes', async () => {
    expect(await references({ qualification: 'NC-ELEC-4' })).toEqual(['STU-1', 'STU-2', 'STU-3', 'STU-5']);
    expect(await references({ qualification: `${TITLE} NC-ELEC-5` })).toEqual(['STU-4']);
    expect(await references({ qualification: 'nc elec 6' })).toEqual([]);
  });
}

describe('storing credentials on a SQLite file', () => {
  let dir: string;
  let db: IssuerDb;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skillmark-qualification-terms-'));
    db = (await openDatabase<IssuerTables>({ dataDir: dir, name: 'issuer', migrations: issuerMigrations })).db;
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  storeTests(() => db);
});

const postgres = await postgresSuite('storing credentials');
describe.skipIf(postgres.skip)(postgres.title, () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let db: IssuerDb;
  let dir: string;
  beforeAll(async () => {
    schema = await freshSchema(postgres.url);
    dir = mkdtempSync(join(tmpdir(), 'skillmark-qualification-terms-pg-'));
    const options = { dataDir: dir, databaseUrl: schema.databaseUrl, name: 'issuer', migrations: issuerMigrations };
    db = (await openDatabase<IssuerTables>(options)).db;
  });
  afterAll(async () => {
    await db?.destroy();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  storeTests(() => db);
});
