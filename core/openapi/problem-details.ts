import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details, as every refusal of both services is written (core/http-problem.ts). */
export const ProblemDetails = z
  .looseObject({
    type: z.string().openapi({ example: 'urn:skillmark:problem:malformed-request' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
  })
  .openapi('ProblemDetails');

/** What each refusal means, the same on every route that can answer it. */
const REFUSALS = {
  400: 'Malformed request: not JSON, not an object, or a field of the wrong shape',
  401: 'Missing or wrong admin token (`WWW-Authenticate: Bearer`)',
  404: 'Nothing here by that id',
  409: 'In conflict with the current state',
  410: 'Gone',
  413: 'Request body too large',
  415: 'The body is not sent as JSON',
  422: 'Well-formed but refused: the detail says what to fix',
  429: 'Too many requests from this client (`Retry-After`)',
  502: 'The ledger refused the operation',
  503: 'A service this needs cannot be reached right now (`Retry-After`); repeating is safe',
} as const;

export type Refusal = keyof typeof REFUSALS;

const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemDetails } },
});

/** The refusals a route can answer, as OpenAPI responses; `described` overrides the general wording for this route. */
export function refusals<const S extends Refusal>(
  statuses: S[],
  described: Partial<Record<Refusal, string>> = {},
): Record<S, ReturnType<typeof problemAnswer>> {
  return Object.fromEntries(
    statuses.map((status) => [status, problemAnswer(described[status] ?? REFUSALS[status])]),
  ) as Record<S, ReturnType<typeof problemAnswer>>;
}
