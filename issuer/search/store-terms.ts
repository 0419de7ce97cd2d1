import type { IssuerDb } from '../db-schema.ts';
import type { QualificationTerm } from './terms-of-credential.ts';

/** Rows a statement (3 columns each, under SQLite's 32,766 parameters). */
export const TERM_ROWS_PER_STATEMENT = 2000;

/** Adds a qualification's words unless they are there already (every credential of it names the same). */
export async function insertQualificationTerms(db: IssuerDb, rows: readonly QualificationTerm[]): Promise<void> {
  for (let i = 0; i < rows.length; i += TERM_ROWS_PER_STATEMENT)
    await db
      .insertInto('qualification_terms')
      .values(rows.slice(i, i + TERM_ROWS_PER_STATEMENT))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
}
