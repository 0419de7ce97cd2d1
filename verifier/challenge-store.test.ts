/**
 * The challenge store's lifetimes and answers, on a SQLite file with an injected clock: when a
 * challenge expires, what a client is told to wait, and which answer a late or repeated use gets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { ChallengeStore, TooManyChallenges, type VerifierTables, verifierMigrations } from './challenges.ts';

const TTL = 90_000;
const T0 = new Date('2032-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('ChallengeStore lifetimes', () => {
  let dataDir: string;
  let db: Kysely<VerifierTables>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'skillmark-challenge-store-'));
    ({ db } = await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations }));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a challenge expires TTL after it was made: accepted until the moment before, expired at it', async () => {
    const store = new ChallengeStore(db, TTL);
    const first = await store.create(T0);
    expect(first.expiresAt).toBe(at(TTL).toISOString());
    expect(await store.consume(first.challenge, at(TTL - 1))).toBe('accepted');
    const second = await store.create(T0);
    expect(await store.consume(second.challenge, at(TTL))).toBe('expired');
  });

  it('a used challenge stays "already used", also after it would have expired', async () => {
    const store = new ChallengeStore(db, TTL);
    const { challenge } = await store.create(T0);
    expect(await store.consume(challenge, T0)).toBe('accepted');
    expect(await store.consume(challenge, T0)).toBe('already_used');
    expect(await store.consume(challenge, at(TTL + 1))).toBe('already_used');
  });

  it('a challenge longer than any this store makes is unknown', async () => {
    const store = new ChallengeStore(db, TTL);
    expect(await store.consume('A'.repeat(65), T0)).toBe('unknown');
    expect(await store.consume('never issued', T0)).toBe('unknown');
  });

  it('a refused client is told to come back when its oldest live challenge expires, in whole seconds rounded up', async () => {
    const store = new ChallengeStore(db, TTL, { perClient: 2 });
    const start = at(10 * TTL);
    await store.create(start, '198.51.100.7');
    await store.create(new Date(start.getTime() + 5_000), '198.51.100.7');
    const refused = await store
      .create(new Date(start.getTime() + 10_500), '198.51.100.7')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyChallenges);
    // The oldest expires at start + 90 s: 79.5 s after the refusal, so 80 s.
    expect(refused).toMatchObject({ live: 2, retryAfterSeconds: 80, message: 'this client holds 2 unused challenges' });
  });
});
