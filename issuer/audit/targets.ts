import type { Context } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** Ids a write touched that are not in its path (a created token, a batch of credentials). */
    auditTargets: string[];
  }
}

/** A route handler names what it wrote to, for the audit log: ids only, never secrets. */
export function noteAuditTargets(c: Context, ids: readonly string[]): void {
  c.set('auditTargets', [...(c.get('auditTargets') ?? []), ...ids]);
}
