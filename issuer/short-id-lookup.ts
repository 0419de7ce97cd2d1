import type { IssuerDb } from './db-schema.ts';

/**
 * The credentials whose short id (core/short-id.ts) is `shortId`, at most two: none, the one, or
 * two when it is shared and the full id is needed. Found by the hash range it opens, on the
 * hash's index.
 */
export async function idsOfShortId(db: IssuerDb, shortId: string): Promise<string[]> {
  const prefix = `0x${shortId.toLowerCase()}`;
  const found = await db
    .selectFrom('credentials')
    .select('id')
    .where('credential_hash', '>=', prefix)
    .where('credential_hash', '<', `${prefix}g`)
    .limit(2)
    .execute();
  return found.map((row) => row.id);
}
