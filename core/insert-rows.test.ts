import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely, Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { openDatabase } from './db.ts';
import { insertRows } from './insert-rows.ts';

interface Tables {
  things: { id: number; name: string; note: string | null; weight: number };
}

const migrations: Record<string, Migration> = {
  '001': {
    up: async (db) =>
      db.schema
        .createTable('things')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('weight', 'integer', (c) => c.notNull())
        .execute(),
  },
};

const things = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: from + i,
    name: `thing ${from + i}`,
    note: i % 2 === 0 ? null : `odd ${i}`,
    weight: i,
  }));

const everything = (db: Kysely<Tables>) => db.selectFrom('things').selectAll().orderBy('id').execute();

/** The same rows through insertRows and through kysely alone: the tables end alike. */
async function insertsAsKyselyDoes(open: () => Promise<Kysely<Tables>>): Promise<void> {
  const [ours, theirs] = [await open(), await open()];
  try {
    // Pages of one shape, again and again (the cached statement), of another size, and inside a transaction.
    const pages = [things(0, 50), things(50, 50), things(100, 3)];
    for (const page of pages) {
      await insertRows(ours, 'things', page);
      await theirs.insertInto('things').values(page).execute();
    }
    await ours.transaction().execute((trx) => insertRows(trx, 'things', things(200, 50)));
    await theirs.insertInto('things').values(things(200, 50)).execute();
    // Columns set in another order, and rows that leave a column out: kysely's own way.
    const reordered = things(300, 2).map(({ weight, note, name, id }) => ({ weight, note, name, id }));
    const uneven = [
      { id: 400, name: 'no note', weight: 2 },
      { id: 401, name: 'a note', weight: 3, note: 'noted' },
    ];
    for (const rows of [reordered, uneven]) {
      await insertRows(ours, 'things', rows);
      await theirs.insertInto('things').values(rows).execute();
    }
    await insertRows(ours, 'things', []);
    const stored = await everything(ours);
    expect(stored).toHaveLength(50 + 50 + 3 + 50 + 2 + 2);
    expect(stored).toEqual(await everything(theirs));
    expect(stored.find((t) => t.id === 400)?.note).toBeNull();
    expect(stored.find((t) => t.id === 301)).toEqual({ id: 301, name: 'thing 301', note: 'odd 1', weight: 1 });
  } finally {
    await Promise.all([ours.destroy(), theirs.destroy()]);
  }
}

describe('insertRows on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-insert-rows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  it('stores what kysely stores, page after page of one shape, and rows of other shapes', async () => {
    await insertsAsKyselyDoes(
      async () => (await openDatabase<Tables>({ dataDir: dir, name: `t${n++}`, migrations })).db,
    );
  });
});

const { url: BASE_URL, skip, title } = await postgresSuite('insertRows');

describe.skipIf(skip)(title, () => {
  it('stores what kysely stores (numbered parameters)', async () => {
    const schemas: Awaited<ReturnType<typeof freshSchema>>[] = [];
    try {
      await insertsAsKyselyDoes(async () => {
        const schema = await freshSchema(BASE_URL);
        schemas.push(schema);
        return (
          await openDatabase<Tables>({
            databaseUrl: schema.databaseUrl,
            dataDir: '/nonexistent',
            name: 'unit',
            migrations,
          })
        ).db;
      });
    } finally {
      for (const schema of schemas) await schema.drop();
    }
  });
});
