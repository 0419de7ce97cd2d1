import { type Kysely, type Migration, sql } from 'kysely';

type Db = Kysely<{
  credentials: { id: string; jwt: string; proof: string | null };
  cohort_rows: { cohort_id: string; row_number: number; signed: string | null };
}>;

/** A cohort row's credential signed before this migration (CredentialRows, JSON): its text was in its row. */
interface SignedBefore {
  row: { id: string; jwt: string; proof?: string | null };
}

const PAGE = 500;

/**
 * Each credential's signed text and Merkle proof, written once and large (about 2.3 KB of a 2.6 KB
 * row), move out of its row into `credential_jwts` and `credential_proofs`: the row is updated
 * twice more by anchoring (its batch, then its status), and on SQLite each update rewrote a page
 * per credential. The credentials issued before are copied over, and so are the credentials of
 * cohort rows signed but not yet stored (a job interrupted by the upgrade).
 */
export const credentialDocumentsMigration: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Db;
    await db.schema
      .createTable('credential_jwts')
      .addColumn('credential_id', 'varchar(64)', (c) => c.primaryKey().references('credentials.id'))
      .addColumn('jwt', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('credential_proofs')
      .addColumn('credential_id', 'varchar(64)', (c) => c.primaryKey().references('credentials.id'))
      .addColumn('proof', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into credential_jwts (credential_id, jwt) select id, jwt from credentials`.execute(db);
    await sql`insert into credential_proofs (credential_id, proof) select id, proof from credentials where proof is not null`.execute(
      db,
    );
    // One column a statement: SQLite drops no more at once.
    await db.schema.alterTable('credentials').dropColumn('jwt').execute();
    await db.schema.alterTable('credentials').dropColumn('proof').execute();
    await moveTextOfSignedCohortRows(db);
  },
};

/** Rewrites each cohort row's signed credential in the shape CredentialService.store takes now. */
async function moveTextOfSignedCohortRows(db: Db): Promise<void> {
  let after = { cohort_id: '', row_number: -1 };
  for (;;) {
    const page = await db
      .selectFrom('cohort_rows')
      .select(['cohort_id', 'row_number', 'signed'])
      .where('signed', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('cohort_id', '>', after.cohort_id),
          eb.and([eb('cohort_id', '=', after.cohort_id), eb('row_number', '>', after.row_number)]),
        ]),
      )
      .orderBy('cohort_id')
      .orderBy('row_number')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    for (const { cohort_id, row_number, signed } of page)
      await db
        .updateTable('cohort_rows')
        .set({ signed: signedNow(signed!) })
        .where('cohort_id', '=', cohort_id)
        .where('row_number', '=', row_number)
        .execute();
    after = page.at(-1)!;
  }
}

function signedNow(text: string): string {
  const { row, ...rest } = JSON.parse(text) as SignedBefore;
  const { jwt, proof: _proof, ...kept } = row;
  return JSON.stringify({ ...rest, row: kept, document: { credential_id: row.id, jwt } });
}
