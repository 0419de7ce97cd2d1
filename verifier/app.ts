import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { LanguageVariables } from 'hono/language';
import { envelopedToken, FormatError, securedObjectToken } from '../core/formats/index.ts';
import { HttpProblem, handleErrors, notFound } from '../core/http-problem.ts';
import { describeApi } from '../core/openapi/describe-api.ts';
import { problemOfFrameworkError } from '../core/openapi/framework-errors.ts';
import { refuseInvalid } from '../core/openapi/refuse-invalid.ts';
import { clientOf, type RateLimitOptions, rateLimit } from '../core/rate-limit.ts';
import { problemBodyLimit } from '../core/request-body.ts';
import { answerLanguage } from './api/answer-language.ts';
import { createChallengeRoute, healthRoute, verifyCredentialRoute, verifyPresentationRoute } from './api/routes.ts';
import { type ChallengeStore, TooManyChallenges } from './challenges.ts';
import { type CheckFragment, localized, TRANSIENT_REASONS, type Verdict } from './fragment.ts';
import { type VerifierContext, verifyCredentialToken } from './verify-credential.ts';
import { verifyPresentationToken } from './verify-presentation.ts';
import { isQrCodeText, verifyQrCodeText } from './verify-qr-code.ts';
import { mountVerificationPage } from './web/routes.ts';

export interface VerifierAppOptions {
  context: VerifierContext;
  challenges: ChallengeStore;
  rateLimit?: RateLimitOptions;
  log?: (message: string) => void;
}

type VerifierEnv = { Variables: LanguageVariables };

const MAX_BODY_BYTES = 256 * 1024;

/**
 * The token of a credential or presentation input: strings go to the parser as they are (JSON text
 * as its JCS form); an envelope gives the token inside; an object with a proof gives the JWT of
 * Veramo's JwtProof2020 form, or (with an embedded Data Integrity proof) its JCS form.
 */
function tokenOf(input: unknown, field: string): string {
  if (typeof input === 'string') return input.startsWith('{') ? (jsonTextToken(input) ?? input) : input;
  let jwt: string | undefined;
  try {
    jwt = envelopedToken(input) ?? securedObjectToken(input);
  } catch (error) {
    if (error instanceof FormatError) throw new HttpProblem(400, 'Malformed envelope', `"${field}": ${error.message}.`);
    throw error;
  }
  if (!jwt) {
    throw new HttpProblem(
      400,
      'Unsupported format',
      `"${field}" must be a JWT (compact JWS), an enveloped credential/presentation with a data: URL holding one, or one with a proof (Data Integrity, or Veramo's JwtProof2020).`,
    );
  }
  return jwt;
}

/** JSON text of an object with a proof, as its JCS form (so its credential hash does not depend on its spacing); undefined when it is not that, for the reader to explain. */
function jsonTextToken(text: string): string | undefined {
  try {
    return securedObjectToken(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A credential or presentation sent in none of the forms its field accepts is an unsupported format; anything else is malformed. */
const verifyRefusal = refuseInvalid((issue, _target, body) => ({
  status: 400,
  title:
    issue.code === 'invalid_union' && (body as Record<string, unknown>)[String(issue.path[0])] !== undefined
      ? 'Unsupported format'
      : 'Malformed request',
}));

/**
 * VC API status codes: 200 only when verified; 422 when the input is invalid; 503 when it could
 * not be decided for a reason that may pass (ledger or DID resolution unreachable).
 */
function statusOf(verdict: Verdict, checks: CheckFragment[]): 200 | 422 | 503 {
  if (verdict === 'valid') return 200;
  if (verdict === 'unverifiable' && checks.some((c) => c.status === 'unverifiable' && TRANSIENT_REASONS.has(c.reason)))
    return 503;
  return 422;
}

/** The verdict's status and headers, in the caller's language, with RFC 9457 problems for what failed. */
function verdictAnswer(c: Context<VerifierEnv>, verdict: Verdict, allChecks: CheckFragment[]) {
  const status = statusOf(verdict, allChecks);
  const language = c.get('language');
  const inLanguage = (checks: CheckFragment[]) => checks.map((f) => localized(f, language));
  if (status === 503) c.header('Retry-After', '30');
  c.header('Content-Language', language);
  c.header('Vary', 'Accept-Language');
  const problemDetails = inLanguage(allChecks.filter((f) => f.status === 'invalid' || f.status === 'unverifiable')).map(
    (f) => ({
      type: `urn:skillmark:check:${f.check}:${f.reason}`,
      title: f.reason,
      detail: f.message,
    }),
  );
  return {
    status,
    inLanguage,
    verdict: { verified: verdict === 'valid', verdict, ...(problemDetails.length ? { problemDetails } : {}) },
  };
}

export function createVerifierApp(options: VerifierAppOptions): OpenAPIHono<VerifierEnv> {
  const { context, challenges } = options;
  const app = new OpenAPIHono<VerifierEnv>({ defaultHook: refuseInvalid() });
  const onError = handleErrors(options.log);
  app.onError((error, c) => onError(problemOfFrameworkError(error), c));
  app.notFound(notFound);
  if (options.rateLimit) app.use('*', rateLimit(options.rateLimit));
  app.use('*', problemBodyLimit(MAX_BODY_BYTES));
  app.use('*', answerLanguage);

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  mountVerificationPage(app);

  app.openapi(createChallengeRoute, async (c) => {
    try {
      const { challenge, expiresAt } = await challenges.create(
        context.now(),
        clientOf(c, options.rateLimit?.trustProxy ?? false),
      );
      return c.json({ challenge, expiresAt }, 201);
    } catch (error) {
      if (!(error instanceof TooManyChallenges)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      throw new HttpProblem(
        429,
        'Too many challenges',
        `This client holds ${error.live} unused challenges, as many as this verifier keeps for one client: use one, or ask again in ${error.retryAfterSeconds} s, when the oldest expires.`,
      );
    }
  });

  app.openapi(
    verifyCredentialRoute,
    async (c) => {
      const body = c.req.valid('json');
      const input = body.verifiableCredential;
      const result =
        typeof input === 'string' && isQrCodeText(input)
          ? await verifyQrCodeText(input, context)
          : await verifyCredentialToken(tokenOf(input, 'verifiableCredential'), body.options?.anchorReceipt, context);
      const { status, inLanguage, verdict } = verdictAnswer(c, result.verdict, result.checks);
      return c.json(
        {
          ...verdict,
          checks: inLanguage(result.checks),
          ...(result.summary ? { summary: result.summary } : {}),
          ...(result.credential ? { credential: result.credential } : {}),
        },
        status,
      );
    },
    verifyRefusal,
  );

  app.openapi(
    verifyPresentationRoute,
    async (c) => {
      const body = c.req.valid('json');
      const expected = { challenge: body.options?.challenge, domain: body.options?.domain };
      const result = await verifyPresentationToken(
        tokenOf(body.verifiablePresentation, 'verifiablePresentation'),
        expected,
        { ...context, challenges },
      );
      const { status, inLanguage, verdict } = verdictAnswer(c, result.verdict, [
        ...result.checks,
        ...result.credentials.flatMap((r) => r.checks),
      ]);
      return c.json(
        {
          ...verdict,
          ...(result.holder ? { holder: result.holder } : {}),
          checks: inLanguage(result.checks),
          credentials: result.credentials.map((r) => ({
            verdict: r.verdict,
            checks: inLanguage(r.checks),
            ...(r.summary ? { summary: r.summary } : {}),
            ...(r.credential ? { credential: r.credential } : {}),
          })),
        },
        status,
      );
    },
    verifyRefusal,
  );

  describeApi(app, {
    title: 'Skillmark verifier',
    description:
      'Verifies skills credentials and presentations (VC API shapes): each check explained, the verdict derived from them.',
  });
  return app;
}
