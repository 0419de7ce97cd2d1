import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { RevocationReason, type RevocationReasonName } from '../../contracts/revocation-reason.ts';
import { jsonObjectBody } from '../../core/openapi/json-object-body.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import { refuseInvalid } from '../../core/openapi/refuse-invalid.ts';
import { noteAuditTargets } from '../audit/targets.ts';
import type { ScopeGuard } from '../tokens/guard.ts';
import { scopedRoutes } from '../tokens/scoped-route.ts';
import { countOutcomes, type RevocationOutcome } from './outcome.ts';
import { REVOCATION_BY_HASH_MAX } from './revoke-by-bits.ts';
import { HASHES_PER_TRANSACTION, MAX_IDS_PER_REQUEST } from './revoke-many.ts';

const REASONS = Object.keys(RevocationReason) as [RevocationReasonName, ...RevocationReasonName[]];
const PATH = '/credentials/revoke';
/** 10,000 ids of 36 characters, quoted and separated, with room for the rest. */
export const REVOKE_MANY_MAX_BYTES = 512 * 1024;

const IDS_ERROR = `"ids" must be a list of 1 to ${MAX_IDS_PER_REQUEST} credential ids.`;
const RevokeManyRequest = z
  .object({
    ids: z
      .array(z.string({ error: 'Each of "ids" must be a credential id (text).' }), { error: IDS_ERROR })
      .min(1, { error: IDS_ERROR })
      .max(MAX_IDS_PER_REQUEST, { error: IDS_ERROR })
      .openapi({
        description: `The credentials to revoke, by id or by short id (as the certificate prints it), at most ${MAX_IDS_PER_REQUEST}`,
      }),
    reason: z.enum(REASONS, { error: `"reason" must be one of ${REASONS.join(', ')}.` }).default('unspecified'),
  })
  .openapi('RevokeManyRequest');

const Outcome = z
  .object({
    id: z.string(),
    outcome: z.enum(['revoked', 'alreadyRevoked', 'unknown', 'duplicate', 'failed']),
    revokedAt: z.string().optional(),
    reason: z.enum(REASONS).optional(),
    transactionHash: z.string().optional(),
    error: z.string().optional(),
  })
  .openapi('RevocationOutcome');

const RevokeManyResult = z
  .object({
    reason: z.enum(REASONS),
    counts: z.record(z.string(), z.number()),
    transactions: z.array(z.string()).openapi({ description: 'The ledger transactions sent, in order' }),
    outcomes: z.array(Outcome).openapi({ description: 'One per id given, in the same order' }),
  })
  .openapi('RevokeManyResult');

/** Whether the request is a batch revocation, which takes a larger body than other JSON requests. */
export const isRevokeMany = (c: Context) => c.req.method === 'POST' && c.req.path === PATH;

/** POST /credentials/revoke: many credentials revoked at once, each outcome reported (issuer/revocations/). */
export function mountBatchRevocation(
  app: OpenAPIHono,
  guard: ScopeGuard,
  revoke: (ids: string[], reason: RevocationReasonName) => Promise<RevocationOutcome[]>,
): void {
  const route = scopedRoutes(guard)('revoke', {
    method: 'post',
    path: PATH,
    summary: `Revokes many credentials on the ledger, up to ${HASHES_PER_TRANSACTION} in each transaction; each id's outcome is reported`,
    description: `At most ${MAX_IDS_PER_REQUEST} ids. Unknown, already revoked and repeated ids are reported and never reach the ledger; a failed transaction fails only its own ids, and repeating the request is safe. More than ${REVOCATION_BY_HASH_MAX} credentials carrying a status list entry are revoked by their status list bits only, one commitment per list (docs/status-lists.md).`,
    middleware: [jsonObjectBody] as const,
    request: { body: { required: true, content: { 'application/json': { schema: RevokeManyRequest } } } },
    responses: {
      200: {
        description: 'What became of each id',
        content: { 'application/json': { schema: RevokeManyResult } },
      },
      ...refusals([400, 401, 413, 415]),
    },
  });
  app.openapi(
    route,
    async (c) => {
      const { ids, reason } = c.req.valid('json');
      const outcomes = await revoke(ids, reason);
      noteAuditTargets(
        c,
        outcomes.flatMap((o) => (o.outcome === 'revoked' ? [o.id] : [])),
      );
      const transactions = [
        ...new Set(outcomes.flatMap((o) => (o.outcome === 'revoked' && o.transactionHash ? [o.transactionHash] : []))),
      ];
      return c.json({ reason, counts: countOutcomes(outcomes), transactions, outcomes }, 200);
    },
    refuseInvalid(() => ({ status: 400, title: 'Bad revocation request' })),
  );
}
