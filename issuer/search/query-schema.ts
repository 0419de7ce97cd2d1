import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../../core/calendar-date.ts';
import { termsOf } from './fold.ts';

const MAX_TEXT = 200;

const words = (name: string, what: string, example: string) =>
  z
    .string()
    .max(MAX_TEXT, { error: `"${name}" is longer than ${MAX_TEXT} characters.` })
    .refine((raw) => termsOf(raw).length > 0, { error: `"${name}" needs at least one letter or digit.` })
    .optional()
    .openapi({
      description: `${what}: every word, in any case and with or without accents, begins a word of it`,
      example,
    });

const exact = (name: string, what: string, example: string) =>
  z
    .string()
    .min(1, { error: `"${name}" is empty: leave it out, or give ${what}.` })
    .max(500, { error: `"${name}" is longer than any ${what}.` })
    .optional()
    .openapi({ description: `Only the credentials of this ${what}, exactly as issued`, example });

const day = (name: string, what: string) =>
  z
    .string()
    .refine(isCalendarDate, { error: `"${name}" must be a date written YYYY-MM-DD, such as 2026-06-30.` })
    .optional()
    .openapi({ description: what, example: '2026-06-30' });

/** The filters of GET /credentials (issuer/search/search-credentials.ts), each refused in plain words when wrong. */
export const searchQueryFields = {
  name: words('name', "The learner's name", 'amina yusuf'),
  learnerReference: exact('learnerReference', 'learner reference', 'REG-0001'),
  did: exact('did', 'learner DID', 'did:key:z6Mk…'),
  qualification: words('qualification', "The qualification's title or code", 'electrical installation'),
  occupation: words('occupation', "The occupation's title or code", '7411'),
  awardedFrom: day('awardedFrom', 'Only qualifications awarded on this day or later'),
  awardedTo: day('awardedTo', 'Only qualifications awarded on this day or earlier'),
  issuedFrom: day('issuedFrom', 'Only credentials issued on this day (UTC) or later'),
  issuedTo: day('issuedTo', 'Only credentials issued on this day (UTC) or earlier'),
};

type Ranges = Partial<Record<'awardedFrom' | 'awardedTo' | 'issuedFrom' | 'issuedTo', string>>;

/** A range that ends before it begins finds nothing: it is a mistake to say, not an empty answer. */
export function refuseBackwardRanges(query: Ranges, ctx: z.RefinementCtx): void {
  for (const [from, to] of [
    ['awardedFrom', 'awardedTo'],
    ['issuedFrom', 'issuedTo'],
  ] as const) {
    const start = query[from];
    const end = query[to];
    if (start !== undefined && end !== undefined && start > end)
      ctx.addIssue({ code: 'custom', path: [from], message: `"${from}" (${start}) is after "${to}" (${end}).` });
  }
}

/** A misspelt filter would silently list everything: it is refused, naming the filters there are. */
export const unknownFilter = (otherParameters: string[]) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys'
    ? `"${String(issue.keys[0]).slice(0, 60)}" is not a parameter of this listing; they are ${[...Object.keys(searchQueryFields), ...otherParameters].join(', ')}.`
    : undefined;
