import type { MiddlewareHandler } from 'hono';
import { bearerToken } from '../../core/bearer-token.ts';
import { HttpProblem, problemResponse } from '../../core/http-problem.ts';
import { allows, type Caller, type Scope } from './scopes.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set once a request's token is known: the audit log names it. */
    apiCaller: Caller;
  }
}

/** The caller a bearer token stands for, or undefined when the token is unknown or revoked. */
export type Authenticate = (token: string) => Promise<Caller | undefined>;
/** A route's check: the request needs a token with this scope. */
export type ScopeGuard = (scope: Scope) => MiddlewareHandler;

/** 401 without a known token (as before scopes), 403 naming the scope when the token lacks it. */
export function scopeGuard(authenticate: Authenticate): ScopeGuard {
  return (scope) => async (c, next) => {
    const token = bearerToken(c);
    const caller = token === undefined ? undefined : await authenticate(token);
    if (!caller) {
      c.header('WWW-Authenticate', 'Bearer realm="skillmark-issuer"');
      return problemResponse(
        c,
        new HttpProblem(
          401,
          'Unauthorized',
          'This endpoint needs an issuer token (the admin token or an API token): "Authorization: Bearer <token>".',
        ),
      );
    }
    c.set('apiCaller', caller);
    if (!allows(caller.scopes, scope)) {
      return problemResponse(
        c,
        new HttpProblem(
          403,
          'Missing scope',
          `The token "${caller.name}" does not have the "${scope}" scope this endpoint needs; ask an administrator for a token with it.`,
        ),
      );
    }
    await next();
  };
}
