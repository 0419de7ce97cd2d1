import { randomBytes } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

export interface VerifierTables {
  challenges: { challenge: string; created_at: string; expires_at: string; used_at: string | null };
}

export const verifierMigrations: Record<string, Migration> = {
  '001_challenges': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('challenges')
        .addColumn('challenge', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('challenges_expiry').on('challenges').column('expires_at').execute();
    },
  },
};

export type ChallengeOutcome = 'accepted' | 'unknown' | 'expired' | 'already_used';

/**
 * Single-use challenges with an expiry. Kept in the database (not in memory) so that several
 * verifier instances behind a load balancer share them and a replay is caught by any of them.
 */
export class ChallengeStore {
  constructor(private readonly db: Kysely<VerifierTables>, private readonly ttlMs: number) {}

  async create(now = new Date()): Promise<{ challenge: string; expiresAt: string }> {
    const challenge = randomBytes(18).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    await this.db.insertInto('challenges').values({ challenge, created_at: now.toISOString(), expires_at: expiresAt, used_at: null }).execute();
    // Forget challenges that expired more than a day ago; their replays fail as "unknown".
    await this.db.deleteFrom('challenges').where('expires_at', '<', new Date(now.getTime() - 86_400_000).toISOString()).execute();
    return { challenge, expiresAt };
  }

  /** Marks the challenge used; exactly one caller can ever get `accepted` for a challenge. */
  async consume(challenge: string, now = new Date()): Promise<ChallengeOutcome> {
    if (challenge.length > 64) return 'unknown';
    const at = now.toISOString();
    const result = await this.db
      .updateTable('challenges')
      .set({ used_at: at })
      .where('challenge', '=', challenge)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (result.numUpdatedRows === 1n) return 'accepted';
    const row = await this.db.selectFrom('challenges').selectAll().where('challenge', '=', challenge).executeTakeFirst();
    if (!row) return 'unknown';
    return row.used_at ? 'already_used' : 'expired';
  }
}
