import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { type Migration, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { openDatabase, postgresUrlWithUser } from './db.ts';

const migrations: Record<string, Migration> = {
  '001': {
    up: async (db) =>
      db.schema
        .createTable('things')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute(),
  },
};

describe('openDatabase on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates once and reuses prepared statements across queries', async () => {
    for (let round = 0; round < 2; round++) {
      const { db, dialect } = await openDatabase<{ things: { id: number } }>({
        dataDir: dir,
        name: 'unit',
        migrations,
      });
      expect(dialect).toBe('sqlite');
      await db.insertInto('things').values({ id: round }).execute();
      expect((await db.selectFrom('things').selectAll().execute()).map((t) => t.id)).toEqual(
        round === 0 ? [0] : [0, 1],
      );
      await db.destroy();
    }
  });
});

describe('a PostgreSQL URL without a user name', () => {
  it('gets the system user when the environment names none, as psql does, and is kept as given otherwise', () => {
    const url = 'postgres://127.0.0.1:5432/test?application_name=skillmark';
    expect(postgresUrlWithUser(url, {})).toBe(
      `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432/test?application_name=skillmark`,
    );
    expect(postgresUrlWithUser(url, { USER: 'registrar' })).toBe(url);
    expect(postgresUrlWithUser(url, { PGUSER: 'registrar' })).toBe(url);
    expect(postgresUrlWithUser('postgres://skillmark:secret@db.example/test', {})).toBe(
      'postgres://skillmark:secret@db.example/test',
    );
  });
});

const { url: BASE_URL, skip, title } = await postgresSuite('openDatabase');

describe.skipIf(skip)(title, () => {
  it('keeps its migration tables in its own schema: a deployment in another schema of the same database does not confuse it', async () => {
    const [a, b] = [await freshSchema(BASE_URL), await freshSchema(BASE_URL)];
    try {
      for (const schema of [a, b]) {
        const { db } = await openDatabase<{ things: { id: number } }>({
          databaseUrl: schema.databaseUrl,
          dataDir: '/nonexistent',
          name: 'unit',
          migrations,
        });
        const { rows } = await sql<{
          n: string;
        }>`select count(*) as n from information_schema.tables where table_schema = ${schema.schema} and table_name in ('things', 'unit_migrations', 'unit_migrations_lock')`.execute(
          db,
        );
        expect(Number(rows[0]!.n)).toBe(3);
        await db.destroy();
      }
    } finally {
      await a.drop();
      await b.drop();
    }
  });
});
