import type { Generated, Kysely, Migration } from 'kysely';

export interface StatusListTables {
  /** One row per status list credential the issuer serves (issuer/status-lists/). */
  status_lists: {
    id: string;
    /** The status list credential's URL, as credentials name it; its SHA-256 is the list's key on the ledger. */
    url: string;
    purpose: string;
    /** Bits in the list: at least the specification's minimum (131,072). */
    size: number;
    /** Indexes handed out so far; the list takes no more than its capacity. */
    allocated: number;
    capacity: number;
    created_at: string;
    /** The bits last committed on the ledger (encodedList), what the list credential says; null: none yet. */
    published_list: string | null;
    /** How many times the list was committed on the ledger (0: never, every bit clear). */
    published_version: number;
    published_at: string | null;
    /** Revocations on this list not yet committed on the ledger (0: none). */
    dirty: number;
    /**
     * 1 once a credential on the list was revoked by its bit only, with no per-hash revocation
     * (a mass revocation): every commitment then marks the list so on the ledger. Never cleared.
     */
    bits_only: Generated<number>;
    /** The transaction of the last commitment; null: none yet. */
    published_tx: string | null;
  };
  /**
   * Every index ever handed out, so that none is handed out twice. The credential holding it keeps
   * it in its own row (credentials.status_list_id, status_list_index), stored with the credential.
   */
  status_list_entries: { list_id: string; list_index: number };
}

export const statusListMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('status_lists')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('url', 'varchar(500)', (c) => c.notNull().unique())
      .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('allocated', 'integer', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('published_list', 'text')
      .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_at', 'varchar(40)')
      .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('status_list_entries')
      .addColumn('list_id', 'varchar(64)', (c) => c.notNull().references('status_lists.id'))
      .addColumn('list_index', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('status_list_entries_pk', ['list_id', 'list_index'])
      .execute();
    await db.schema.alterTable('credentials').addColumn('status_list_id', 'varchar(64)').execute();
    await db.schema.alterTable('credentials').addColumn('status_list_index', 'integer').execute();
    await db.schema
      .createIndex('credentials_by_status_list')
      .on('credentials')
      .columns(['status_list_id', 'status'])
      .execute();
  },
};

/** Mass revocation by bits only (docs/status-lists.md): the list's mark, and its last commitment's transaction. */
export const statusListBitsOnlyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('status_lists')
      .addColumn('bits_only', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('status_lists').addColumn('published_tx', 'varchar(66)').execute();
  },
};
