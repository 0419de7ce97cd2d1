/** The admin token is stored as a keyed hash; data dirs with the older bare SHA-256 keep working. */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { SecretBox } from '../core/secret-box.ts';
import { tempDir } from '../test/support/system.ts';
import { ensureAdminToken } from './admin-token.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
import { getSetting, putSetting } from './settings.ts';

const TOKEN = 'operator-chosen-admin-token-1234';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const opened: { db: IssuerDb; dir: string }[] = [];

async function freshDb(): Promise<IssuerDb> {
  const dir = tempDir('skillmark-admin-token-');
  const { db } = await openDatabase<IssuerTables>({ dataDir: dir, name: 'issuer', migrations: issuerMigrations });
  opened.push({ db, dir });
  return db;
}

async function storedSettings(db: IssuerDb): Promise<Record<string, string>> {
  return Object.fromEntries((await db.selectFrom('settings').selectAll().execute()).map((r) => [r.name, r.value]));
}

afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('ensureAdminToken', () => {
  it('stores neither the token nor its bare SHA-256, only a hash keyed by the master key', async () => {
    const db = await freshDb();
    const box = new SecretBox(randomBytes(32));
    const token = await ensureAdminToken(db, box, TOKEN);
    expect(token.verify(TOKEN)).toBe(true);
    expect(token.verify(`${TOKEN}x`)).toBe(false);
    const stored = JSON.stringify(await storedSettings(db));
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(sha256(TOKEN));
    expect(await getSetting(db, 'admin_token_hmac')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a copy of the database under another master key accepts no token', async () => {
    const db = await freshDb();
    await ensureAdminToken(db, new SecretBox(randomBytes(32)), TOKEN);
    const elsewhere = await ensureAdminToken(db, new SecretBox(randomBytes(32)), undefined);
    expect(elsewhere.verify(TOKEN)).toBe(false);
  });

  it('a generated token is shown once and verifies on later starts', async () => {
    const db = await freshDb();
    const box = new SecretBox(randomBytes(32));
    const first = await ensureAdminToken(db, box, undefined);
    expect(first.created).toMatch(/^sm_/);
    const again = await ensureAdminToken(db, box, undefined);
    expect(again.created).toBeUndefined();
    expect(again.verify(first.created!)).toBe(true);
  });

  it('migrates a data dir that stored the bare SHA-256: the same token still works, the old hash is gone', async () => {
    const db = await freshDb();
    await putSetting(db, 'admin_token_sha256', sha256(TOKEN));
    const box = new SecretBox(randomBytes(32));
    const token = await ensureAdminToken(db, box, undefined);
    expect(token.created).toBeUndefined();
    expect(token.verify(TOKEN)).toBe(true);
    expect(token.verify('some-other-token-0123456789')).toBe(false);
    const settings = await storedSettings(db);
    expect(settings).not.toHaveProperty('admin_token_sha256');
    expect(JSON.stringify(settings)).not.toContain(sha256(TOKEN));
    expect((await ensureAdminToken(db, box, undefined)).verify(TOKEN)).toBe(true);
  });
});
