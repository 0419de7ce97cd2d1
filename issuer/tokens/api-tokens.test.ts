/** API tokens against a real SQLite file: scopes, revocation, keyed hashes only, last-used time. */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { SecretBox } from '../../core/secret-box.ts';
import { tempDir } from '../../test/support/system.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from '../db-schema.ts';
import { ApiTokens } from './api-tokens.ts';
import { allows } from './scopes.ts';

const opened: { db: IssuerDb; dir: string }[] = [];

async function freshDb(): Promise<IssuerDb> {
  const dir = tempDir('skillmark-api-tokens-');
  const { db } = await openDatabase<IssuerTables>({ dataDir: dir, name: 'issuer', migrations: issuerMigrations });
  opened.push({ db, dir });
  return db;
}

afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A clock the test moves by hand. */
function clock(start = '2026-11-30T10:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('ApiTokens', () => {
  it('a created token stands for its name and scopes; another string stands for nobody', async () => {
    const tokens = new ApiTokens(await freshDb(), new SecretBox(randomBytes(32)));
    const created = await tokens.create('registry laptop', ['issue', 'read', 'issue']);
    expect(created.token).toMatch(/^smk_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(['issue', 'read']);
    expect(await tokens.authenticate(created.token)).toEqual({
      tokenId: created.id,
      name: 'registry laptop',
      scopes: ['issue', 'read'],
    });
    expect(await tokens.authenticate(`${created.token}x`)).toBeUndefined();
    expect(await tokens.authenticate('smk_guess')).toBeUndefined();
  });

  it('stores only a keyed hash: the database holds no token, and under another master key no token works', async () => {
    const db = await freshDb();
    const created = await new ApiTokens(db, new SecretBox(randomBytes(32))).create('clerk', ['read']);
    const stored = JSON.stringify(await db.selectFrom('api_tokens').selectAll().execute());
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(created.token.slice(4));
    expect(await new ApiTokens(db, new SecretBox(randomBytes(32))).authenticate(created.token)).toBeUndefined();
  });

  it('a revoked token is refused from then on; the list keeps it with its revocation time and no secret', async () => {
    const time = clock();
    const tokens = new ApiTokens(await freshDb(), new SecretBox(randomBytes(32)), time.now);
    const created = await tokens.create('old script', ['revoke']);
    await tokens.authenticate(created.token);
    expect(tokens.usedRecently(created.token)).toBe(true);
    time.advance(5000);
    const revoked = await tokens.revoke(created.id);
    expect(revoked?.revokedAt).toBe('2026-11-30T10:00:05.000Z');
    expect(await tokens.authenticate(created.token)).toBeUndefined();
    expect(tokens.usedRecently(created.token)).toBe(false);
    time.advance(5000);
    expect((await tokens.revoke(created.id))?.revokedAt, 'revoking again keeps the first time').toBe(
      '2026-11-30T10:00:05.000Z',
    );
    expect(await tokens.revoke('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    const listed = await tokens.list();
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'old script',
        scopes: ['revoke'],
        createdAt: '2026-11-30T10:00:00.000Z',
        lastUsedAt: '2026-11-30T10:00:00.000Z',
        revokedAt: '2026-11-30T10:00:05.000Z',
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('writes the last-used time at most once a minute per token', async () => {
    const time = clock();
    const tokens = new ApiTokens(await freshDb(), new SecretBox(randomBytes(32)), time.now);
    const created = await tokens.create('poller', ['read']);
    const lastUsed = async () => (await tokens.list())[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await tokens.authenticate(created.token);
    expect(await lastUsed()).toBe('2026-11-30T10:00:00.000Z');
    time.advance(59_999);
    await tokens.authenticate(created.token);
    expect(await lastUsed()).toBe('2026-11-30T10:00:00.000Z');
    time.advance(1);
    await tokens.authenticate(created.token);
    expect(await lastUsed()).toBe('2026-11-30T10:01:00.000Z');
    time.advance(60_000);
    expect(tokens.usedRecently(created.token), 'the rate-limit hint lapses after a minute').toBe(false);
  });

  it('a name is unique among live tokens and "admin" is kept for the admin token', async () => {
    const tokens = new ApiTokens(await freshDb(), new SecretBox(randomBytes(32)));
    const first = await tokens.create('office', ['read']);
    await expect(tokens.create('office', ['issue'])).rejects.toMatchObject({ status: 409 });
    await expect(tokens.create('Admin', ['issue'])).rejects.toMatchObject({ status: 409 });
    await tokens.revoke(first.id);
    expect((await tokens.create('office', ['issue'])).name).toBe('office');
  });
});

describe('allows', () => {
  it('a scope allows itself; admin allows everything; nothing else', () => {
    expect(allows(['read'], 'read')).toBe(true);
    expect(allows(['read', 'report'], 'issue')).toBe(false);
    expect(allows(['admin'], 'revoke')).toBe(true);
    expect(allows(['issue'], 'admin')).toBe(false);
  });
});
