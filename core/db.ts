import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
  sql,
} from 'kysely';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, a SQLite file `<dataDir>/<name>.sqlite`. */
  databaseUrl?: string;
  dataDir: string;
  name: string;
  migrations: Record<string, Migration>;
  /**
   * SQLite only. `full` (default) survives power loss; `normal` survives a process crash but may
   * lose the last transactions on power loss, for data that can be lost (verifier challenges).
   */
  durability?: 'full' | 'normal';
}

export interface Database<T> {
  db: Kysely<T>;
  dialect: Dialect;
}

/**
 * better-sqlite3 compiles a statement on every prepare() and kysely prepares every query: keep
 * the compiled statements (queries are few and fixed) so hot paths skip SQLite's parser.
 */
function withStatementCache(file: SQLite.Database, maxStatements = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement || statement.busy) {
        statement = file.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}

/**
 * Credentials, learners' names and token hashes are for this account only: the database file is
 * created 0600 (SQLite gives its -wal and -shm files the same mode); files of older data dirs are
 * narrowed to 0600 too.
 */
function ownerOnlyFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * The connection string with a user name: without one, the pg client takes USER (or PGUSER) from
 * the environment, which services run by systemd or in containers often lack ("no PostgreSQL user
 * name specified"); psql takes the system user then, and so does this.
 */
export function postgresUrlWithUser(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const parsed = new URL(url);
  if (parsed.username || env.PGUSER || env.USER) return url;
  parsed.username = userInfo().username;
  return parsed.toString();
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase<T>(options: DatabaseOptions): Promise<Database<T>> {
  let db: Kysely<T>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    db = new Kysely<T>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: postgresUrlWithUser(options.databaseUrl), max: 10 }),
      }),
    });
  } else {
    dialect = 'sqlite';
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const path = join(options.dataDir, `${options.name}.sqlite`);
    ownerOnlyFile(path);
    const file = new SQLite(path);
    // WAL: a committed row survives a kill -9; with full sync also a power cut.
    file.pragma('journal_mode = WAL');
    file.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    db = new Kysely<T>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  }
  // Name the schema on PostgreSQL: otherwise kysely looks for its migration tables in every
  // schema and takes another deployment's (in another schema of the same database) for ours.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations },
    migrationTableName: `${options.name}_migrations`,
    migrationLockTableName: `${options.name}_migrations_lock`,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { db, dialect };
}
