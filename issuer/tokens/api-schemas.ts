import { z } from '@hono/zod-openapi';
import { SCOPES } from './scopes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TokenRequest = z
  .strictObject({
    name: z
      .string({ error: '"name" is the token\'s name, for people: who or what uses it.' })
      .trim()
      .min(1, { error: '"name" must not be empty.' })
      .max(100, { error: '"name" has at most 100 characters.' })
      .regex(/^[^\p{Cc}\p{Cf}]+$/u, { error: '"name" must not contain control characters.' })
      .openapi({ example: 'registry-office-laptop' }),
    scopes: z
      .array(z.enum(SCOPES, { error: `each scope is one of ${SCOPES.join(', ')}.` }), {
        error: `"scopes" is a list of ${SCOPES.join(', ')}.`,
      })
      .min(1, { error: '"scopes" names at least one scope.' })
      .openapi({ example: ['issue', 'read'] }),
  })
  .openapi('TokenRequest');

export const TokenInfo = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'Updated at most once a minute' }),
    revokedAt: z.string().nullable(),
  })
  .openapi('TokenInfo');

export const CreatedToken = TokenInfo.extend({
  token: z.string().openapi({ description: 'The token itself: shown this once, stored only as a keyed hash' }),
}).openapi('CreatedToken');

export const TokenList = z.object({ items: z.array(TokenInfo) }).openapi('TokenList');

export const TokenIdParams = z.object({
  id: z
    .string()
    .regex(UUID, { error: (issue) => `"${String(issue.input).slice(0, 60)}" is not a token id.` })
    .transform((raw) => raw.toLowerCase())
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});
