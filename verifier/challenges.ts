import { randomBytes } from 'node:crypto';
import { type Kysely, type Migration, sql } from 'kysely';

export interface VerifierTables {
  challenges: { challenge: string; client: string; created_at: string; expires_at: string; used_at: string | null };
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
  '002_challenge_clients': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('challenges')
        .addColumn('client', 'varchar(64)', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('challenges_client').on('challenges').columns(['client', 'expires_at']).execute();
    },
  },
};

export type ChallengeOutcome = 'accepted' | 'unknown' | 'expired' | 'already_used';

/** A client already holds as many live challenges as it may. */
export class TooManyChallenges extends Error {
  constructor(
    readonly live: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`this client holds ${live} unused challenges`);
  }
}

/**
 * 144 random bits in base64url, never starting with "-": a command line would take such a
 * challenge for an option (`present --challenge -x…`).
 */
export function newChallenge(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const challenge = random(18).toString('base64url');
    if (!challenge.startsWith('-')) return challenge;
  }
}

export interface ChallengeLimits {
  /** Unused, unexpired challenges one client may hold at once; 0: no cap. */
  perClient?: number;
}

/**
 * Single-use challenges with an expiry. Kept in the database (not in memory) so that several
 * verifier instances behind a load balancer share them and a replay is caught by any of them.
 */
export class ChallengeStore {
  private readonly perClient: number;

  constructor(
    private readonly db: Kysely<VerifierTables>,
    private readonly ttlMs: number,
    limits: ChallengeLimits = {},
  ) {
    this.perClient = limits.perClient ?? 0;
  }

  /**
   * A new challenge for `client` (its address, as the rate limiter sees it). Throws
   * TooManyChallenges when the client already holds `perClient` live ones.
   */
  async create(now = new Date(), client = ''): Promise<{ challenge: string; expiresAt: string }> {
    const at = now.toISOString();
    // Expired challenges go at once: a replay of one then fails as "unknown" instead of "expired".
    await this.db.deleteFrom('challenges').where('expires_at', '<=', at).execute();
    const challenge = newChallenge();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    // One statement, so that concurrent requests of one client cannot all pass the count.
    const cap =
      this.perClient > 0
        ? sql`where (select count(*) from challenges where client = ${client} and used_at is null and expires_at > ${at}) < ${this.perClient}`
        : sql``;
    const inserted =
      await sql`insert into challenges (challenge, client, created_at, expires_at, used_at) select ${challenge}, ${client}, ${at}, ${expiresAt}, null ${cap}`.execute(
        this.db,
      );
    if (inserted.numAffectedRows !== 1n) throw await this.refusal(client, now);
    return { challenge, expiresAt };
  }

  private async refusal(client: string, now: Date): Promise<TooManyChallenges> {
    const live = await this.db
      .selectFrom('challenges')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('expires_at').as('first')])
      .where('client', '=', client)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirstOrThrow();
    const firstExpiry = live.first ? Date.parse(live.first) : now.getTime() + this.ttlMs;
    return new TooManyChallenges(Number(live.count), Math.max(1, Math.ceil((firstExpiry - now.getTime()) / 1000)));
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
    const row = await this.db
      .selectFrom('challenges')
      .selectAll()
      .where('challenge', '=', challenge)
      .executeTakeFirst();
    if (!row) return 'unknown';
    return row.used_at ? 'already_used' : 'expired';
  }
}
