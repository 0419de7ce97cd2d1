import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';
import { credentialPages } from '../credential-pages.ts';
import { type SearchTerm, termsOfSignedCredential } from './terms-of-credential.ts';

type Db = Kysely<{ credential_terms: SearchTerm }>;

const PAGE = 500;
/** Rows per insert: three parameters each, well within SQLite's limit of 32,766. */
const INSERT_ROWS = 2000;

/**
 * A table of folded words, (field, term, key) its primary key so that a word or its beginning is a
 * range of it; the term in byte order on PostgreSQL too, whatever the server's locale.
 */
export function createTermTable(
  db: Kysely<unknown>,
  table: string,
  key: { column: string; references?: string },
  primaryKey = `${table}_pk`,
) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db.schema
    .createTable(table)
    .addColumn('field', 'varchar(20)', (c) => c.notNull())
    .addColumn('term', 'varchar(100)', (c) => (postgres ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
    .addColumn(key.column, 'varchar(64)', (c) =>
      key.references ? c.notNull().references(key.references) : c.notNull(),
    )
    .addPrimaryKeyConstraint(primaryKey, ['field', 'term', key.column]);
}

/**
 * What credential search looks up (issuer/search/): the folded words of each learner's name and
 * qualification and occupation in `credential_terms`, keyed so that a word or its beginning is an
 * index range; and indexes on the learner's reference, DID and the issue time. The award date and
 * the occupation code come from credential_statistics (issuer/reports/). Credentials issued before
 * it are read from their own text, a page at a time.
 */
export const credentialSearchMigration: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Db;
    await createTermTable(unknownDb, 'credential_terms', {
      column: 'credential_id',
      references: 'credentials.id',
    }).execute();
    await db.schema.createIndex('credentials_by_subject_did').on('credentials').column('subject_did').execute();
    await db.schema
      .createIndex('credentials_by_learner_reference')
      .on('credentials')
      .column('learner_reference')
      .execute();
    await db.schema.createIndex('credentials_by_issued_at').on('credentials').columns(['issued_at', 'id']).execute();
    for await (const page of credentialPages(unknownDb, PAGE)) {
      const rows = page.flatMap(({ id, jwt }) => termsOfSignedCredential(id, jwt));
      for (let i = 0; i < rows.length; i += INSERT_ROWS)
        await db
          .insertInto('credential_terms')
          .values(rows.slice(i, i + INSERT_ROWS))
          .execute();
    }
  },
};
