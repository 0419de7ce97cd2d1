/** The issuer's schema on a real SQLite file: what its indexes are for. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';

let dir: string;
let db: IssuerDb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillmark-schema-'));
  ({ db } = await openDatabase<IssuerTables>({ dataDir: dir, name: 'issuer', migrations: issuerMigrations }));
});

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('issuer schema', () => {
  it('finds the revocations still watched through their own index, not by reading every credential', async () => {
    const watched = db.selectFrom('credentials').select('id').where('revocation_tx', 'is not', null).compile();
    const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(watched.sql)}`.execute(db);
    expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(
      /USING (COVERING )?INDEX credentials_revocations_watched/,
    );
  });
});
