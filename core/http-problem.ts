import type { Context } from 'hono';
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

/** A refusal that says when to ask again: its answer carries `Retry-After`. */
export class RetryLaterProblem extends HttpProblem {
  constructor(
    status: ContentfulStatusCode,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, title, detail);
  }
}

const PROBLEM_BASE = 'urn:skillmark:problem:';

export function problemResponse(c: Context, problem: HttpProblem): Response {
  const type = `${PROBLEM_BASE}${problem.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return c.body(
    JSON.stringify({ type, title: problem.title, status: problem.status, detail: problem.detail, ...problem.extra }),
    problem.status,
    {
      'content-type': 'application/problem+json',
      ...(problem instanceof RetryLaterProblem ? { 'retry-after': String(problem.retryAfterSeconds) } : {}),
    },
  );
}

/** Turns thrown problems into responses and anything unexpected into a 500 without internals. */
export function handleErrors(log: (message: string) => void = console.error) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    // The path and the error may hold a credential's text: escaped, it cannot act on a terminal.
    log(printableLines(`unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`));
    return problemResponse(
      c,
      new HttpProblem(500, 'Internal error', 'The service failed unexpectedly; the error was logged.'),
    );
  };
}

export function notFound(c: Context): Response {
  return problemResponse(c, new HttpProblem(404, 'Not found', `There is no ${c.req.method} ${c.req.path} here.`));
}
