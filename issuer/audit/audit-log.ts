import { randomUUID } from 'node:crypto';
import type { IssuerDb } from '../db-schema.ts';

export interface AuditEntry {
  id: string;
  at: string;
  tokenId: string | null;
  tokenName: string | null;
  method: string;
  route: string;
  targets: string[];
  status: number;
  client: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** A time range: `from` inclusive, `to` exclusive, both ISO 8601 instants. */
export interface AuditRange {
  from?: string;
  to?: string;
}

type Row = {
  id: string;
  at: string;
  token_id: string | null;
  token_name: string | null;
  method: string;
  route: string;
  targets: string;
  status: number;
  client: string;
};

const entryOf = (row: Row): AuditEntry => ({
  id: row.id,
  at: row.at,
  tokenId: row.token_id,
  tokenName: row.token_name,
  method: row.method,
  route: row.route,
  targets: row.targets ? row.targets.split(' ') : [],
  status: row.status,
  client: row.client,
});

/** The audit log of writes, in the issuer's database (docs/api-tokens.md). */
export class AuditLog {
  readonly #db: IssuerDb;
  readonly #now: () => Date;

  constructor(db: IssuerDb, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  async record(entry: NewAuditEntry): Promise<void> {
    await this.#db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: this.#now().toISOString(),
        token_id: entry.tokenId,
        token_name: entry.tokenName,
        method: entry.method,
        route: entry.route,
        targets: entry.targets.join(' '),
        status: entry.status,
        client: entry.client,
      })
      .execute();
  }

  #inRange(range: AuditRange) {
    let query = this.#db.selectFrom('audit_log').selectAll();
    if (range.from) query = query.where('at', '>=', range.from);
    if (range.to) query = query.where('at', '<', range.to);
    return query;
  }

  /** The newest `limit` entries of the range, newest first. */
  async newest(range: AuditRange, limit: number): Promise<AuditEntry[]> {
    const rows = await this.#inRange(range).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(entryOf);
  }

  /** Every entry of the range, oldest first, read a page at a time (an export may be long). */
  async *all(range: AuditRange, pageSize = 1000): AsyncGenerator<AuditEntry> {
    let after: { at: string; id: string } | undefined;
    for (;;) {
      let query = this.#inRange(range);
      if (after) {
        const { at, id } = after;
        query = query.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]));
      }
      const rows = await query.orderBy('at').orderBy('id').limit(pageSize).execute();
      for (const row of rows) yield entryOf(row);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!;
    }
  }
}
