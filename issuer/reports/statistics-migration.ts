import type { Kysely, Migration } from 'kysely';
import { credentialPages } from '../credential-pages.ts';
import { statisticsOfCredential } from './statistics-of-credential.ts';

type Db = Kysely<{
  credential_statistics: {
    credential_id: string;
    awarded_on: string;
    occupation_code: string | null;
    occupation_title: string | null;
    education_level: string | null;
  };
}>;

const PAGE = 1000;

/**
 * The table the occupation report counts from, one row per credential (issuer/reports/). The
 * credentials issued before it are filled in from their own text (no education level: they count
 * as "unknown"), a page at a time so a large register does not have to fit in memory.
 */
export const credentialStatisticsMigration: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Db;
    await db.schema
      .createTable('credential_statistics')
      .addColumn('credential_id', 'varchar(64)', (c) => c.primaryKey().references('credentials.id'))
      .addColumn('awarded_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('occupation_code', 'varchar(100)')
      .addColumn('occupation_title', 'varchar(200)')
      .addColumn('education_level', 'varchar(40)')
      .execute();
    await db.schema
      .createIndex('credential_statistics_by_award')
      .on('credential_statistics')
      .column('awarded_on')
      .execute();
    for await (const page of credentialPages(unknownDb, PAGE)) {
      const rows = page.flatMap(({ id, jwt }) => {
        const facts = statisticsOfCredential(jwt);
        return facts ? [{ credential_id: id, ...facts, education_level: null }] : [];
      });
      if (rows.length > 0) await db.insertInto('credential_statistics').values(rows).execute();
    }
  },
};
