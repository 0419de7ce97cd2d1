import type { Kysely } from 'kysely';

/**
 * Every stored credential's id and signed text, a page at a time in id order: for migrations that
 * fill a new table from the credentials issued before it, without holding a large register in memory.
 * It reads the text from the credential's row, where it was until migration 014 moved it to
 * `credential_jwts`: for the migrations before that one.
 */
export async function* credentialPages(
  db: Kysely<unknown>,
  size: number,
): AsyncGenerator<{ id: string; jwt: string }[]> {
  const credentials = db as Kysely<{ credentials: { id: string; jwt: string } }>;
  let after = '';
  for (;;) {
    const page = await credentials
      .selectFrom('credentials')
      .select(['id', 'jwt'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(size)
      .execute();
    if (page.length === 0) return;
    yield page;
    after = page.at(-1)!.id;
  }
}
