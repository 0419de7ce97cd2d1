import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../../core/calendar-date.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date (not 2026-02-30) or an ISO 8601 time with its offset. */
const isMoment = (value: string) =>
  DATE.test(value) ? isCalendarDate(value) : DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** A date (the whole day) or an instant; refused in plain words when it is neither. */
const when = (name: 'from' | 'to', description: string) =>
  z
    .string()
    .refine(isMoment, {
      error: `"${name}" must be a date (2026-11-30) or a time with its offset (2026-11-30T14:00:00Z).`,
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

/** An ISO instant as stored; beyond year 9999 there is no bound (stored times would not compare). */
const bound = (millis: number) => (millis < Date.UTC(10000, 0, 1) ? new Date(millis).toISOString() : undefined);

/** The range as stored instants (`from` inclusive, `to` exclusive): a date-only `to` takes in its whole day. */
export function auditRange(query: { from?: string; to?: string }): { from?: string; to?: string } {
  return {
    from: query.from === undefined ? undefined : bound(Date.parse(query.from)),
    to:
      query.to === undefined
        ? undefined
        : bound(DATE.test(query.to) ? Date.parse(`${query.to}T00:00:00Z`) + 86_400_000 : Date.parse(query.to) + 1),
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
