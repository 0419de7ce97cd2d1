import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type RunningSystem, startSystem } from './system.ts';

/**
 * The PostgreSQL server that tests of the PostgreSQL path use: SKILLMARK_TEST_POSTGRES_URL, or
 * the machine's local one (postgres://127.0.0.1:5432/test). Without a user name in the URL the OS
 * user is used, as psql does.
 */
export function postgresBaseUrl(): string {
  const url = new URL(process.env.SKILLMARK_TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test');
  if (!url.username) url.username = process.env.PGUSER || process.env.USER || userInfo().username;
  return url.toString();
}

/** The URL without credentials, for test names. */
const displayUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//');

/** Why PostgreSQL cannot be used (undefined when it can), after one short connection attempt. */
async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || (error as { code?: string }).code || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL tests of `what` run, and their suite title. Unreachable PostgreSQL skips
 * them, saying why, on a developer's machine; in CI (CI=true) they run anyway and fail, so the
 * PostgreSQL path can never vanish from a CI run unnoticed.
 */
export async function postgresSuite(what: string): Promise<{ url: string; skip: boolean; title: string }> {
  const url = postgresBaseUrl();
  const problem = await probePostgres(url);
  if (problem === undefined)
    return { url, skip: false, title: `${what} on PostgreSQL (${displayUrl(url)}, a fresh schema)` };
  const why = `${displayUrl(url)} is not reachable (${problem})`;
  if (process.env.CI === 'true')
    return { url, skip: false, title: `${what} on PostgreSQL: FAILS in CI because ${why}` };
  return {
    url,
    skip: true,
    title: `${what} on PostgreSQL: SKIPPED, ${why}; start PostgreSQL there or set SKILLMARK_TEST_POSTGRES_URL`,
  };
}

/** A fresh schema for one test run: the connection string that uses it, and how to drop it. */
export async function freshSchema(
  baseUrl: string,
): Promise<{ schema: string; databaseUrl: string; drop(): Promise<void> }> {
  const schema = `skillmark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 2000 });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    schema,
    databaseUrl: `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
    async drop() {
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * The whole system on a fresh schema of the server at `baseUrl`, for the tests of the calling
 * suite: started before them; stopped, its data dir deleted and its schema dropped after.
 * `restart()` stops it and starts it again on the same data dir, ports and schema.
 */
export function systemOnFreshSchema(baseUrl: string): { system(): RunningSystem; restart(): Promise<RunningSystem> } {
  let system: RunningSystem | undefined;
  let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;
  const start = (previous?: RunningSystem) =>
    startSystem({
      env: { DATABASE_URL: schema!.databaseUrl },
      ...(previous ? { dataDir: previous.dataDir, ports: previous.ports } : {}),
    });

  beforeAll(async () => {
    schema = await freshSchema(baseUrl);
    system = await start();
  });

  afterAll(async () => {
    await system?.destroy();
    await schema?.drop();
  });

  return {
    system: () => system!,
    async restart() {
      await system!.stop();
      system = await start(system);
      return system;
    },
  };
}
