/** What a token may do; `admin` may do everything (docs/api-tokens.md). */
export const SCOPES = ['issue', 'revoke', 'read', 'report', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who sent a request: the admin token from SKILLMARK_ADMIN_TOKEN, or a named API token. */
export interface Caller {
  /** The token's id; undefined for the admin token from the environment. */
  tokenId?: string;
  name: string;
  scopes: readonly Scope[];
}

export const ADMIN_CALLER: Caller = { name: 'admin', scopes: ['admin'] };

export const allows = (scopes: readonly Scope[], needed: Scope) => scopes.includes('admin') || scopes.includes(needed);
