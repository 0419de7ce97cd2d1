/** Files at rest are the owner's alone: SQLite files 0600, the data dir 0700, older ones narrowed. */
import { chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/system.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './db.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const dirs: string[] = [];
const migrations = {
  '001': { up: async (db: any) => void (await db.schema.createTable('t').addColumn('v', 'text').execute()) },
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir('skillmark-modes-');
  dirs.push(d);
  return d;
}

describe('files at rest', () => {
  it('a new SQLite database and its -wal and -shm files are created 0600 in a 0700 dir', async () => {
    const dataDir = join(dir(), 'data');
    const { db } = await openDatabase<any>({ dataDir, name: 'issuer', migrations });
    await sql`insert into t (v) values ('x')`.execute(db);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm'])
      expect(modeOf(join(dataDir, `issuer.sqlite${suffix}`)), suffix || 'database').toBe(0o600);
    await db.destroy();
  });

  it('an older data dir with world-readable files is narrowed on start', async () => {
    const dataDir = join(dir(), 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await openDatabase<any>({ dataDir, name: 'issuer', migrations });
    await first.db.destroy();
    for (const file of ['issuer.sqlite', 'issuer.sqlite-wal']) {
      writeFileSync(join(dataDir, file), '', { flag: 'a' });
      chmodSync(join(dataDir, file), 0o644);
    }
    const unlock = lockDataDir(dataDir);
    const { db } = await openDatabase<any>({ dataDir, name: 'issuer', migrations });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'issuer.sqlite'))).toBe(0o600);
    expect(modeOf(join(dataDir, 'issuer.sqlite-wal'))).toBe(0o600);
    await db.destroy();
    unlock();
  });
});
