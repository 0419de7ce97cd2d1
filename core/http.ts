import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { printableLines } from './printable.ts';

/** An RFC 9457 problem: what went wrong, in words a person can act on. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const PROBLEM_BASE = 'urn:skillmark:problem:';

export function problemResponse(c: Context, problem: HttpProblem): Response {
  const type = `${PROBLEM_BASE}${problem.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return c.body(JSON.stringify({ type, title: problem.title, status: problem.status, detail: problem.detail, ...problem.extra }), problem.status, {
    'content-type': 'application/problem+json',
  });
}

/** Turns thrown problems into responses and anything unexpected into a 500 without internals. */
export function handleErrors(log: (message: string) => void = console.error) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    // The path and the error may hold a credential's text: escaped, it cannot act on a terminal.
    log(printableLines(`unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`));
    return problemResponse(c, new HttpProblem(500, 'Internal error', 'The service failed unexpectedly; the error was logged.'));
  };
}

export function notFound(c: Context): Response {
  return problemResponse(c, new HttpProblem(404, 'Not found', `There is no ${c.req.method} ${c.req.path} here.`));
}

/** Hono's bodyLimit, answering 413 with problem details: bodies larger than `maxBytes` are refused before they are read in full. */
export function problemBodyLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is never read, so this connection cannot carry another request.
      c.header('Connection', 'close');
      return problemResponse(c, new HttpProblem(413, 'Request too large', `The request body is larger than ${maxBytes} bytes.`));
    },
  });
}

/** Reads a JSON object body, rejecting other content types and malformed JSON with a clear 4xx. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the request body as JSON with "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpProblem(400, 'Malformed request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

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
      return problemResponse(c, new HttpProblem(401, 'Unauthorized', 'This endpoint needs the issuer admin token: "Authorization: Bearer <token>".'));
    }
    await next();
  };
}
