import type { Kysely, Migration } from 'kysely';

export interface TokenTables {
  api_tokens: {
    id: string;
    name: string;
    /** Space-separated scopes. */
    scopes: string;
    /** HMAC-SHA-256 of the token under a key derived from the master key: never the token itself. */
    token_hmac: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
}

export const apiTokenMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('scopes', 'varchar(100)', (c) => c.notNull())
      .addColumn('token_hmac', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('last_used_at', 'varchar(40)')
      .addColumn('revoked_at', 'varchar(40)')
      .execute();
  },
};
