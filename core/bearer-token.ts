import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem, problemResponse } from './http-problem.ts';

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

/** Requires `Authorization: Bearer <token>` accepted by `verify`. */
export function requireBearerToken(verify: (token: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerToken(c);
    if (token === undefined || !verify(token)) {
      c.header('WWW-Authenticate', 'Bearer realm="skillmark-issuer"');
      return problemResponse(
        c,
        new HttpProblem(
          401,
          'Unauthorized',
          'This endpoint needs the issuer admin token: "Authorization: Bearer <token>".',
        ),
      );
    }
    await next();
  };
}
