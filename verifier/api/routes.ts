import { createRoute } from '@hono/zod-openapi';
import { LANGUAGES } from '../../core/messages/index.ts';
import { jsonObjectBody } from '../../core/openapi/json-object-body.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import {
  Challenge,
  CredentialVerification,
  Health,
  PresentationVerification,
  VerifyCredentialRequest,
  VerifyPresentationRequest,
} from './schemas.ts';

const verdictAnswers = <T>(schema: T) => ({
  200: { description: 'Verified: every check passed', content: { 'application/json': { schema } } },
  422: {
    description: 'Invalid: at least one check failed (see `checks` and `problemDetails`)',
    content: { 'application/json': { schema } },
  },
  503: {
    description: 'Unverifiable for now (ledger or DID resolution unreachable); `Retry-After` says when to ask again',
    content: { 'application/json': { schema } },
  },
});

const LANGUAGE_NOTE = `Check messages come in the language of Accept-Language among ${Object.keys(LANGUAGES).join(', ')} (Content-Language says which).`;

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Whether the service is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Health } } } },
});

export const createChallengeRoute = createRoute({
  method: 'post',
  path: '/challenges',
  summary: 'A one-time challenge for a presentation, valid for 5 minutes',
  description:
    'The body, if any, is ignored. A client holds at most VERIFIER_CHALLENGES_PER_CLIENT unused challenges at a time.',
  responses: {
    201: { description: 'A new challenge', content: { 'application/json': { schema: Challenge } } },
    ...refusals([413, 429]),
  },
});

export const verifyCredentialRoute = createRoute({
  method: 'post',
  path: '/credentials/verify',
  summary: 'Verifies a credential and, given its anchor receipt, its anchoring on the ledger',
  description: LANGUAGE_NOTE,
  middleware: [jsonObjectBody] as const,
  request: { body: { required: true, content: { 'application/json': { schema: VerifyCredentialRequest } } } },
  responses: {
    ...verdictAnswers(CredentialVerification),
    ...refusals([400, 413, 415, 429], {
      400: 'Malformed request, or QR code text that does not decode (a wrong prefix or version, bad base45, too large once inflated, items of the wrong type): the detail says which',
    }),
  },
});

export const verifyPresentationRoute = createRoute({
  method: 'post',
  path: '/presentations/verify',
  summary: 'Verifies a presentation, its challenge and domain, and every credential it holds',
  description: LANGUAGE_NOTE,
  middleware: [jsonObjectBody] as const,
  request: { body: { required: true, content: { 'application/json': { schema: VerifyPresentationRequest } } } },
  responses: { ...verdictAnswers(PresentationVerification), ...refusals([400, 413, 415, 429]) },
});
