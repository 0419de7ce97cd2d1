import type { Kysely, Migration } from 'kysely';

export interface AuditTables {
  /** One row per write to the API; ids and names only, never a secret or a request body. */
  audit_log: {
    id: string;
    at: string;
    token_id: string | null;
    /** The token's name; null when the request carried no known token (it was refused). */
    token_name: string | null;
    method: string;
    /** The route as documented, e.g. /credentials/{id}/revoke. */
    route: string;
    /** Space-separated ids of what was written to. */
    targets: string;
    status: number;
    client: string;
  };
}

export const auditLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .addColumn('token_id', 'varchar(64)')
      .addColumn('token_name', 'varchar(100)')
      .addColumn('method', 'varchar(10)', (c) => c.notNull())
      .addColumn('route', 'varchar(200)', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('client', 'varchar(64)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['at', 'id']).execute();
  },
};
