/**
 * The challenge store (issue 7 item 4): challenges never start with "-", a client holds a bounded
 * number of live ones, and expired ones are deleted at once. Injected clocks, real databases:
 * a SQLite file and (when reachable) PostgreSQL in a fresh schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import {
  ChallengeStore,
  newChallenge,
  TooManyChallenges,
  type VerifierTables,
  verifierMigrations,
} from './challenges.ts';

describe('newChallenge', () => {
  it('never starts with "-": a draw that would is drawn again', () => {
    // 0xf8 = 111110xx: the first base64url character is alphabet[62], "-".
    const draws = [Buffer.alloc(18, 0xf8), Buffer.alloc(18, 0x41)];
    const source = (size: number) => {
      expect(size).toBe(18);
      return draws.shift()!;
    };
    expect(Buffer.alloc(18, 0xf8).toString('base64url')).toMatch(/^-/);
    expect(newChallenge(source)).toBe(Buffer.alloc(18, 0x41).toString('base64url'));
    expect(draws).toEqual([]);
  });

  it('keeps 144 random bits in 24 base64url characters', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newChallenge()));
    expect(seen.size).toBe(5000);
    for (const challenge of seen) expect(challenge).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{23}$/);
  });
});

const TTL = 5 * 60_000;
const T0 = new Date('2031-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function storeSuite(
  title: string,
  open: () => Promise<{ db: Kysely<VerifierTables>; close(): Promise<void> }>,
  skip = false,
) {
  describe.skipIf(skip)(title, () => {
    let db: Kysely<VerifierTables>;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });
    const rows = async () => (await db.selectFrom('challenges').select('challenge').execute()).map((r) => r.challenge);

    it('a client holds at most perClient live challenges: the next is refused until one is used or expires', async () => {
      const store = new ChallengeStore(db, TTL, { perClient: 3 });
      const mine = [];
      for (let i = 0; i < 3; i++) mine.push(await store.create(at(i * 1000), '192.0.2.1'));
      const refused = await store.create(at(3000), '192.0.2.1').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TooManyChallenges);
      // The oldest of the three expires TTL after it was made: 297 s after the refusal.
      expect(refused).toMatchObject({ live: 3, retryAfterSeconds: TTL / 1000 - 3 });
      // Another client is not affected.
      await expect(store.create(at(3000), '2001:db8::7')).resolves.toMatchObject({ challenge: expect.any(String) });
      // Using one frees a place.
      expect(await store.consume(mine[0]!.challenge, at(4000))).toBe('accepted');
      const next = await store.create(at(5000), '192.0.2.1');
      await expect(store.create(at(5000), '192.0.2.1')).rejects.toBeInstanceOf(TooManyChallenges);
      // Expiry frees the rest: at T0 + TTL + 1 s the first two unused ones are gone.
      await expect(store.create(at(TTL + 1000), '192.0.2.1')).resolves.toMatchObject({ challenge: expect.any(String) });
      expect(await store.consume(next.challenge, at(TTL + 2000))).toBe('accepted');
    });

    it('perClient 0: no cap', async () => {
      const store = new ChallengeStore(db, TTL);
      for (let i = 0; i < 30; i++) await store.create(at(10 * TTL), '192.0.2.9');
      expect(
        await db.selectFrom('challenges').select('challenge').where('client', '=', '192.0.2.9').execute(),
      ).toHaveLength(30);
    });

    it('expired challenges are deleted as soon as the next challenge is made; a late answer is then "unknown"', async () => {
      const store = new ChallengeStore(db, TTL, { perClient: 3 });
      const start = at(100 * TTL);
      const early = await store.create(start, '192.0.2.2');
      const used = await store.create(start, '192.0.2.2');
      expect(await store.consume(used.challenge, start)).toBe('accepted');
      expect(await rows()).toEqual(expect.arrayContaining([early.challenge, used.challenge]));
      // Still there a moment before expiry, and until something sweeps it after.
      expect(await store.consume(early.challenge, new Date(start.getTime() + TTL))).toBe('expired');
      const later = await store.create(new Date(start.getTime() + TTL), '192.0.2.3');
      const left = await rows();
      expect(left).not.toContain(early.challenge);
      expect(left).not.toContain(used.challenge);
      expect(left).toContain(later.challenge);
      expect(await store.consume(early.challenge, new Date(start.getTime() + TTL))).toBe('unknown');
    });
  });
}

storeSuite('on SQLite (a temp file)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-challenges-'));
  const { db } = await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations });
  return {
    db,
    async close() {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describe('on SQLite, concurrent requests of one client', () => {
  it('twenty at once with perClient 5: exactly five challenges', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-challenges-'));
    const { db } = await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations });
    try {
      const store = new ChallengeStore(db, TTL, { perClient: 5 });
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => store.create(T0, '192.0.2.4')));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(TooManyChallenges);
    } finally {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const pg = await postgresSuite('the challenge store');
storeSuite(
  pg.title,
  async () => {
    const { databaseUrl, drop } = await freshSchema(pg.url);
    const { db } = await openDatabase<VerifierTables>({
      databaseUrl,
      dataDir: '/nonexistent',
      name: 'verifier',
      migrations: verifierMigrations,
    });
    return {
      db,
      async close() {
        await db.destroy();
        await drop();
      },
    };
  },
  pg.skip,
);
