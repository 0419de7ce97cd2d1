import { type ColumnDefinitionBuilder, type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';
import { credentialPages } from '../credential-pages.ts';
import { type SearchTerm, termsOfSignedCredential } from './terms-of-credential.ts';

type Db = Kysely<{ credential_terms: SearchTerm }>;

const PAGE = 500;
/** Rows per insert: three parameters each, well within SQLite's limit of 32,766. */
const INSERT_ROWS = 2000;

/** A term column in byte order on PostgreSQL too, so that a word's beginning is an index range whatever the server's locale. */
export const byteOrdered = (db: Kysely<unknown>) => (column: ColumnDefinitionBuilder) =>
  db.getExecutor().adapter instanceof PostgresAdapter ? column.notNull().modifyEnd(sql`collate "C"`) : column.notNull();

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
    await db.schema
      .createTable('credential_terms')
      .addColumn('field', 'varchar(20)', (c) => c.notNull())
      .addColumn('term', 'varchar(100)', byteOrdered(unknownDb))
      .addColumn('credential_id', 'varchar(64)', (c) => c.notNull().references('credentials.id'))
      .addPrimaryKeyConstraint('credential_terms_pk', ['field', 'term', 'credential_id'])
      .execute();
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
