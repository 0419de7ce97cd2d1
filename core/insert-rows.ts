import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';

/** The SQL of each multi-row insert met, by the SQL of its first row alone and its number of rows. */
const statements = new Map<string, string>();
/** Shapes are few (a table, its columns, a page's row count): a bound only against a caller's mistake. */
const MAX_STATEMENTS = 200;

/**
 * Inserts rows that all set the same columns, in one statement: kysely builds and compiles the
 * statement the first time a shape (table, columns, number of rows) is met, and later rows of that
 * shape only fill its parameters, in kysely's own order (row by row, columns as the first row
 * names them). Written by hand because building a 500-row insert was about a twelfth of the main
 * thread's work in a 10,000-row cohort (npm run bench issue); rows that differ in their columns
 * are inserted through kysely as usual.
 */
export async function insertRows<DB, T extends keyof DB & string>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((column) => (rows[0] as Record<string, unknown>)[column] !== undefined);
  const parameters: unknown[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    let set = 0;
    for (const column in values) if (values[column] !== undefined) set++;
    if (set !== columns.length) return insertThroughKysely(db, table, rows);
    for (const column of columns) {
      const value = values[column];
      if (value === undefined) return insertThroughKysely(db, table, rows);
      parameters.push(value);
    }
  }
  // The one-row statement names the table, the columns and the dialect's placeholders; it is cheap to build.
  const shape = `${
    db
      .insertInto(table)
      .values(rows[0] as never)
      .compile().sql
  }×${rows.length}`;
  let statement = statements.get(shape);
  if (statement === undefined) {
    const compiled = db
      .insertInto(table)
      .values(rows as never)
      .compile();
    // Values kysely would not pass as parameters (an SQL expression) have no place here.
    if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => p !== parameters[i]))
      return insertThroughKysely(db, table, rows);
    statement = compiled.sql;
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statements.set(shape, statement);
  }
  await db.executeQuery(CompiledQuery.raw(statement, parameters));
}

async function insertThroughKysely<DB, T extends keyof DB & string>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  await db
    .insertInto(table)
    .values(rows as never)
    .execute();
}
