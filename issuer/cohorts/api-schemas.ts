import { z } from '@hono/zod-openapi';
import { COLUMN_NAMES } from './columns.ts';

const flag = (description: string) =>
  z
    .enum(['true', 'false'], { error: (issue) => `"${String(issue.path?.[0] ?? 'flag')}" must be true or false.` })
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description });

export const CohortUploadQuery = z.object({
  dryRun: flag('Check every row and answer the errors; issue nothing'),
  allOrNothing: flag('Issue nothing if any row has an error (the default skips those rows and issues the others)'),
});

export const CohortIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      error: (issue) => `"${String(issue.input).slice(0, 60)}" is not a cohort id of this issuer.`,
    })
    .transform((raw) => raw.toLowerCase())
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

const RowError = z
  .object({
    row: z.int().openapi({ description: 'The row number as the spreadsheet shows it (the header is row 1)' }),
    column: z.enum(COLUMN_NAMES as [string, ...string[]]).optional(),
    message: z.string(),
  })
  .openapi('CohortRowError');

export const CohortDryRun = z
  .object({
    rows: z.int(),
    valid: z.int(),
    alreadyIssued: z.int().openapi({
      description: 'Valid rows that would not be issued again (same learner, qualification and date, or rowKey)',
    }),
    errors: z.array(RowError),
    errorsNotListed: z.int().optional().openapi({ description: 'Rows with errors beyond the first 1,000 listed' }),
  })
  .openapi('CohortDryRun');

export const CohortAccepted = z.object({ id: z.uuid() }).openapi('CohortAccepted');

export const CohortStatus = z
  .object({
    id: z.uuid(),
    status: z.enum(['running', 'done', 'failed']),
    phase: z.enum(['checking', 'issuing', 'finished']),
    allOrNothing: z.boolean(),
    total: z.int(),
    checked: z.int(),
    issued: z.int(),
    alreadyIssued: z.int(),
    failed: z.int(),
    errors: z.array(RowError),
    errorsNotListed: z.int().optional(),
    detail: z.string().optional().openapi({ description: 'Why the whole cohort failed' }),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    claimCodesKept: z.boolean().openapi({
      description:
        'Whether the claim codes are still kept: until results.csv has been downloaded to its end. Certificates printed after it carry no claim code',
    }),
    resultsDeliveredAt: z
      .string()
      .optional()
      .openapi({ description: 'When results.csv was first downloaded to its end' }),
  })
  .openapi('CohortStatus');
