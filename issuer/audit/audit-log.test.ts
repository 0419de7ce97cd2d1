/** The audit log against a real SQLite file: ranges, newest first, the CSV export, and what a write records. */
import { rmSync } from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import { validator } from 'hono/validator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { tempDir } from '../../test/support/system.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from '../db-schema.ts';
import { AuditQuery, auditRange } from './api-schemas.ts';
import { auditCsv } from './audit-csv.ts';
import { type AuditEntry, AuditLog } from './audit-log.ts';
import { auditWrites } from './middleware.ts';
import { noteAuditTargets } from './targets.ts';

const opened: { db: IssuerDb; dir: string }[] = [];

async function freshDb(): Promise<IssuerDb> {
  const dir = tempDir('skillmark-audit-');
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

/** An audit log whose entries are written at the given times, one per call. */
async function logAt(times: string[]) {
  let next = 0;
  const audit = new AuditLog(await freshDb(), () => new Date(times[next++]!));
  for (const [i] of times.entries())
    await audit.record({
      tokenId: null,
      tokenName: `token ${i}`,
      method: 'POST',
      route: '/credentials/{id}/revoke',
      targets: [`id-${i}`],
      status: 200,
      client: '127.0.0.1',
    });
  return audit;
}

const collect = async (entries: AsyncIterable<AuditEntry>) => {
  const all: AuditEntry[] = [];
  for await (const e of entries) all.push(e);
  return all;
};

describe('AuditLog', () => {
  const TIMES = [
    '2026-11-29T23:59:59.999Z',
    '2026-11-30T00:00:00.000Z',
    '2026-11-30T12:00:00.000Z',
    '2026-12-01T00:00:00.000Z',
  ];

  it('reads a range newest first, up to a limit; a date-only "to" takes in its whole day', async () => {
    const audit = await logAt(TIMES);
    const range = auditRange({ from: '2026-11-30', to: '2026-11-30' });
    expect((await audit.newest(range, 10)).map((e) => e.at)).toEqual([TIMES[2], TIMES[1]]);
    expect((await audit.newest(range, 1)).map((e) => e.targets)).toEqual([['id-2']]);
    expect(
      (await audit.newest(auditRange({ to: TIMES[1] }), 10)).map((e) => e.at),
      'a time "to" is inclusive',
    ).toEqual([TIMES[1], TIMES[0]]);
  });

  it('exports every entry of a range oldest first across pages, as CSV', async () => {
    const audit = await logAt(TIMES);
    expect((await collect(audit.all({}, 1))).map((e) => e.at)).toEqual(TIMES);
    const text = await new Response(auditCsv(audit.all(auditRange({ from: '2026-11-30' }), 2))).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.at, r.token_name, r.route, r.targets, r.status])).toEqual([
      [TIMES[1], 'token 1', '/credentials/{id}/revoke', 'id-1', '200'],
      [TIMES[2], 'token 2', '/credentials/{id}/revoke', 'id-2', '200'],
      [TIMES[3], 'token 3', '/credentials/{id}/revoke', 'id-3', '200'],
    ]);
    expect(text).toContain('\r\n');
  });
});

describe('auditWrites', () => {
  it('records each answered write with its route, path ids, Location and noted ids, and no body; reads and unknown paths are not recorded', async () => {
    const audit = new AuditLog(await freshDb());
    const app = new OpenAPIHono();
    app.use('*', auditWrites(audit, { trustProxy: false, log: () => {} }));
    app.post('/things/:id/touch', (c) => {
      noteAuditTargets(c, ['noted-1']);
      return c.json({ ok: true }, 201, { location: '/receipts/r-9' });
    });
    app.get('/things/:id', (c) => c.json({}));
    app.post(
      '/things/touch-many',
      validator('json', (body) => body),
      (c) => c.json({}, 200),
    );
    const secret = 'claim-code-SECRET-123';
    await app.request('/things/t-1/touch', { method: 'POST', body: JSON.stringify({ secret }) });
    await app.request('/things/t-1');
    await app.request('/nowhere', { method: 'POST' });
    await app.request('/things/touch-many', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ['m-1', 'm-2'], note: secret }),
    });
    const entries = await audit.newest({}, 10);
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.route === '/things/touch-many')?.targets, 'a body gives its ids only').toEqual([
      'm-1',
      'm-2',
    ]);
    expect(entries.find((e) => e.route === '/things/{id}/touch')).toMatchObject({
      tokenName: null,
      method: 'POST',
      route: '/things/{id}/touch',
      targets: ['t-1', 'r-9', 'noted-1'],
      status: 201,
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });
});

describe('the audit query', () => {
  it('takes real dates and times with an offset, refuses the rest in plain words, and bounds the far future', () => {
    expect(AuditQuery.safeParse({ from: '2026-11-30', to: '2026-11-30T14:00:00+01:00' }).success).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-45', '1', 'tomorrow', '2026-11-30T14:00:00', '275760-09-13']) {
      const result = AuditQuery.safeParse({ to: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('"to" must be a date (2026-11-30)');
    }
    expect(auditRange({ from: '9999-12-31', to: '9999-12-31' })).toEqual({
      from: '9999-12-31T00:00:00.000Z',
      to: undefined,
    });
  });
});
