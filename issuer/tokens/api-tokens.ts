import { randomBytes, randomUUID } from 'node:crypto';
import { HttpProblem } from '../../core/http-problem.ts';
import type { SecretBox } from '../../core/secret-box.ts';
import type { IssuerDb } from '../db-schema.ts';
import { ADMIN_CALLER, type Caller, type Scope } from './scopes.ts';

/** The last-used time is written at most this often per token, so that reads stay cheap. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: string;
  name: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const infoOf = (row: Row): ApiTokenInfo => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes.split(' ') as Scope[],
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

const COLUMNS = ['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

/**
 * Named API tokens with scopes. Only a keyed hash of each token is stored (HMAC-SHA-256 under a key
 * derived from the master key, as for the admin token), so a copy of the database lets nobody use
 * or test a token; the token itself is shown once, when it is created.
 */
export class ApiTokens {
  readonly #db: IssuerDb;
  readonly #box: SecretBox;
  readonly #now: () => Date;
  /** Tokens accepted in the last minute (by keyed hash), so the rate limit can spare them without a query. */
  readonly #recent = new Map<string, { id: string; until: number }>();

  constructor(db: IssuerDb, box: SecretBox, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#box = box;
    this.#now = now;
  }

  #hmac(token: string): string {
    return this.#box.mac(token, 'api token').toString('hex');
  }

  async create(name: string, scopes: readonly Scope[]): Promise<ApiTokenInfo & { token: string }> {
    if (name.toLowerCase() === ADMIN_CALLER.name)
      throw new HttpProblem(409, 'Name taken', 'The name "admin" is kept for the admin token; choose another.');
    const taken = await this.#db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (taken)
      throw new HttpProblem(
        409,
        'Name taken',
        `A token named "${name}" exists already; revoke it or choose another name.`,
      );
    const token = `smk_${randomBytes(32).toString('base64url')}`;
    const row: Row = {
      id: randomUUID(),
      name,
      scopes: [...new Set(scopes)].join(' '),
      created_at: this.#now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.#db
      .insertInto('api_tokens')
      .values({ ...row, token_hmac: this.#hmac(token) })
      .execute();
    return { ...infoOf(row), token };
  }

  async list(): Promise<ApiTokenInfo[]> {
    const rows = await this.#db.selectFrom('api_tokens').select(COLUMNS).orderBy('created_at').orderBy('id').execute();
    return rows.map(infoOf);
  }

  /** Revokes the token; revoking it again keeps the first time. Undefined for an unknown id. */
  async revoke(id: string): Promise<ApiTokenInfo | undefined> {
    await this.#db
      .updateTable('api_tokens')
      .set({ revoked_at: this.#now().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    for (const [hmac, seen] of this.#recent) if (seen.id === id) this.#recent.delete(hmac);
    const row = await this.#db.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && infoOf(row);
  }

  /** The caller a token stands for, or undefined for an unknown or revoked token. */
  async authenticate(token: string): Promise<Caller | undefined> {
    if (!token.startsWith('smk_') || token.length > 100) return undefined;
    const hmac = this.#hmac(token);
    // Looked up by equality on the keyed hash: its value is unpredictable, so timing tells nothing.
    const row = await this.#db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'scopes', 'last_used_at'])
      .where('token_hmac', '=', hmac)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.#now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS)
      await this.#db
        .updateTable('api_tokens')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', row.id)
        .execute();
    this.#recent.set(hmac, { id: row.id, until: now.getTime() + LAST_USED_RESOLUTION_MS });
    return { tokenId: row.id, name: row.name, scopes: row.scopes.split(' ') as Scope[] };
  }

  /** Whether this token was accepted in the last minute (a hint for rate limiting, not an authentication). */
  usedRecently(token: string): boolean {
    if (!token.startsWith('smk_') || token.length > 100) return false;
    const hmac = this.#hmac(token);
    const seen = this.#recent.get(hmac);
    if (seen && seen.until > this.#now().getTime()) return true;
    this.#recent.delete(hmac);
    return false;
  }
}
