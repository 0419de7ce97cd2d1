import { z } from '@hono/zod-openapi';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date (the whole day) or an instant; refused in plain words when it is neither. */
const when = (name: 'from' | 'to', description: string) =>
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), {
      error: `"${name}" must be a date (2026-11-30) or a time (2026-11-30T14:00:00Z).`,
    })
    .optional()
    .openapi({ description, example: '2026-11-01' });

export const AuditQuery = z.object({
  from: when('from', 'From this date or time, inclusive'),
  to: when('to', 'Until this time, or to the end of this date, inclusive'),
  limit: z.coerce
    .number({ error: '"limit" must be a whole number from 1 to 1000.' })
    .int({ error: '"limit" must be a whole number from 1 to 1000.' })
    .min(1, { error: '"limit" must be a whole number from 1 to 1000.' })
    .max(1000, { error: '"limit" must be a whole number from 1 to 1000.' })
    .default(100)
    .openapi({ description: 'At most this many entries, the newest (JSON only; the CSV has them all)' }),
});

/** The range as stored instants: a date-only `to` takes in its whole day. */
export function auditRange(query: { from?: string; to?: string }): { from?: string; to?: string } {
  const instant = (value: string) => new Date(value).toISOString();
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    from: query.from === undefined ? undefined : instant(query.from),
    to:
      query.to === undefined
        ? undefined
        : DATE.test(query.to)
          ? dayAfter(query.to)
          : new Date(Date.parse(query.to) + 1).toISOString(),
  };
}

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    tokenId: z.string().nullable().openapi({ description: 'null for the admin token and for refused requests' }),
    tokenName: z.string().nullable().openapi({ description: '"admin" for the admin token; null when no known token' }),
    method: z.string(),
    route: z.string().openapi({ example: '/credentials/{id}/revoke' }),
    targets: z.array(z.string()).openapi({ description: 'Ids written to' }),
    status: z.int().openapi({ description: 'The answer given' }),
    client: z.string().openapi({ description: "The client's address" }),
  })
  .openapi('AuditEntry');

export const AuditList = z.object({ items: z.array(AuditEntry) }).openapi('AuditList');
