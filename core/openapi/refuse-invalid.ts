import type { Hook } from '@hono/zod-openapi';
import type { Env, ValidationTargets } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { HttpProblem } from '../http-problem.ts';

export type Issue = z.core.$ZodIssue;
export type RefusalOf = (
  issue: Issue,
  target: keyof ValidationTargets,
  input: unknown,
) => { status: ContentfulStatusCode; title: string };

const malformedRequest: RefusalOf = () => ({ status: 400, title: 'Malformed request' });

/**
 * The validation hook of the routes: a request the route's schemas refuse becomes the project's
 * problem answer, its detail the first issue's message (the schemas word them for a person), its
 * status and title chosen by `refusalOf` from the issue, where it is and what was sent (400
 * "Malformed request" unless a route says otherwise).
 */
export function refuseInvalid(refusalOf: RefusalOf = malformedRequest) {
  // Generic, so that it fits any route without fixing the route's input type.
  return <T, E extends Env, P extends string>(result: Parameters<Hook<T, E, P, undefined>>[0]): undefined => {
    if (result.success) return;
    const issue = result.error.issues[0]!;
    // zod-validator passes what was sent beside the error; zod-openapi's Hook type leaves it out.
    const { status, title } = refusalOf(issue, result.target, (result as { data?: unknown }).data);
    throw new HttpProblem(status, title, issue.message);
  };
}
