import { type CreateTableBuilder, type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';
import { failpoint } from '../../core/failpoint.ts';
import { createTermTable } from './search-migration.ts';
import {
  distinctQualificationTerms,
  type QualificationTerm,
  type SearchTerm,
  searchRowsOfTerms,
} from './terms-of-credential.ts';

/** The tables this migration reads and writes, as they are when it runs. */
type Db = Kysely<{
  credentials: { id: string; qualification_key: string | null };
  credential_terms: SearchTerm;
  qualification_terms: QualificationTerm;
}>;

const PAGE = 500;
/** Rows an insert: three parameters each, well within SQLite's limit of 32,766. */
const INSERT_ROWS = 2000;
/** Only while this migration runs: a credential's words, found by its id. */
const TERMS_BY_CREDENTIAL = 'credential_terms_by_credential_015';

/**
 * A qualification's and occupation's words kept once for every credential of that qualification
 * (`qualification_terms`, by the key `credentials.qualification_key` names) instead of once a
 * credential: every learner of a cohort shares them (10 of the 12 words of a row of `npm run bench issue`).
 * The learner's name stays per credential in `credential_terms`.
 *
 * Credentials stored before are keyed from the words `credential_terms` holds for them, not from
 * their signed text: it is what search found them by (so it still finds exactly them), and it
 * does not matter where the signed text is kept by now.
 */
export const qualificationTermsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One transaction on SQLite too (kysely's migrator opens none there): a crash after the old
    // credential_terms is dropped must not leave a database that neither search nor this migration can use.
    if (db.isTransaction) await moveQualificationTerms(db);
    else await db.transaction().execute(moveQualificationTerms);
  },
};

async function moveQualificationTerms(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as unknown as Db;
  await withoutRowid(
    unknownDb,
    createTermTable(unknownDb, 'qualification_terms', { column: 'qualification_key' }),
  ).execute();
  await db.schema.alterTable('credentials').addColumn('qualification_key', 'varchar(64)').execute();
  await db.schema.createIndex(TERMS_BY_CREDENTIAL).on('credential_terms').column('credential_id').execute();
  await keyStoredCredentials(db);
  if (isSqlite(unknownDb)) await keepOnlyNamesWithoutRowid(unknownDb);
  else {
    // PostgreSQL has no rowid to drop: the table stays, the moved words go.
    await db.deleteFrom('credential_terms').where('field', 'in', ['qualification', 'occupation']).execute();
    await db.schema.dropIndex(TERMS_BY_CREDENTIAL).execute();
  }
  await db.schema
    .createIndex('credentials_by_qualification_key')
    .on('credentials')
    .column('qualification_key')
    .execute();
}

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * On SQLite, a table of words is its primary key alone (WITHOUT ROWID) rather than a table and an
 * index of the same columns: half the bytes (measured: 10,000 learners' names, 2.4 MB -> 1.2 MB).
 */
const withoutRowid = (db: Kysely<unknown>, table: CreateTableBuilder<string, never>) =>
  isSqlite(db) ? table.modifyEnd(sql`without rowid`) : table;

/** credential_terms rebuilt WITHOUT ROWID with its name words only (SQLite cannot change a table to it in place). */
async function keepOnlyNamesWithoutRowid(db: Kysely<unknown>): Promise<void> {
  const rebuilt = 'credential_terms_015';
  await withoutRowid(
    db,
    createTermTable(db, rebuilt, { column: 'credential_id', references: 'credentials.id' }, 'credential_terms_pk'),
  ).execute();
  await sql`insert into ${sql.table(rebuilt)} (field, term, credential_id)
    select field, term, credential_id from credential_terms where field = 'name'`.execute(db);
  await db.schema.dropTable('credential_terms').execute();
  failpoint('migration-015:credential-terms-dropped');
  await db.schema.alterTable(rebuilt).renameTo('credential_terms').execute();
}

/** Every stored credential's qualification key set, and its words in qualification_terms, a page at a time. */
async function keyStoredCredentials(db: Db): Promise<void> {
  const added = new Set<string>();
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('credentials')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    const first = page[0]!.id;
    after = page.at(-1)!.id;
    const terms = await db
      .selectFrom('credential_terms')
      .select(['credential_id', 'field', 'term'])
      .where('credential_id', '>=', first)
      .where('credential_id', '<=', after)
      .where('field', 'in', ['qualification', 'occupation'])
      .execute();
    const termsOf = groupBy(terms, (t) => t.credential_id);
    const keyed = groupBy(
      page.map(({ id }) => ({ id, rows: searchRowsOfTerms(id, termsOf.get(id) ?? []) })),
      (c) => c.rows.qualificationKey,
    );
    const newKeys = [...keyed.keys()].filter((key) => !added.has(key));
    const words = distinctQualificationTerms(newKeys.map((key) => keyed.get(key)![0]!.rows));
    // Its own statement rather than store-terms.ts': a migration writes the schema as it was then.
    for (let i = 0; i < words.length; i += INSERT_ROWS)
      await db
        .insertInto('qualification_terms')
        .values(words.slice(i, i + INSERT_ROWS))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    for (const key of newKeys) added.add(key);
    for (const [key, credentials] of keyed)
      await db
        .updateTable('credentials')
        .set({ qualification_key: key })
        .where(
          'id',
          'in',
          credentials.map((c) => c.id),
        )
        .execute();
  }
}

/** Items by a key of theirs (Map.groupBy, which Node 20 lacks). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
