import { Hono, type Context } from 'hono';
import { handleErrors, HttpProblem, notFound, problemResponse } from '../core/http-problem.ts';
import { problemBodyLimit, readJsonObject } from '../core/request-body.ts';
import { clientOf, rateLimit, type RateLimitOptions } from '../core/rate-limit.ts';
import { TooManyChallenges, type ChallengeStore } from './challenges.ts';
import { localized, TRANSIENT_REASONS, type CheckFragment, type Verdict } from './fragment.ts';
import { negotiateLanguage } from './messages/index.ts';
import { envelopedToken, FormatError } from '../core/formats/index.ts';
import { verifyCredentialToken, type VerifierContext } from './verify-credential.ts';
import { verifyPresentationToken } from './verify-presentation.ts';

export interface VerifierAppOptions {
  context: VerifierContext;
  challenges: ChallengeStore;
  rateLimit?: RateLimitOptions;
  log?: (message: string) => void;
}

const MAX_BODY_BYTES = 256 * 1024;

/** The compact JWS of a credential or presentation input; strings go to the parser as they are. */
function tokenOf(input: unknown, field: string): string {
  if (typeof input === 'string') return input;
  let jwt: string | undefined;
  try {
    jwt = envelopedToken(input);
  } catch (error) {
    if (error instanceof FormatError) throw new HttpProblem(400, 'Malformed envelope', `"${field}": ${error.message}.`);
    throw error;
  }
  if (!jwt) {
    throw new HttpProblem(400, 'Unsupported format', `"${field}" must be a JWT (compact JWS) or an enveloped credential/presentation with a data: URL holding one.`);
  }
  return jwt;
}

function optionalString(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) throw new HttpProblem(400, 'Malformed request', `"options.${name}" must be a non-empty string.`);
  return value;
}

function optionsOf(body: Record<string, unknown>): Record<string, unknown> {
  const options = body.options ?? {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new HttpProblem(400, 'Malformed request', '"options" must be an object.');
  return options as Record<string, unknown>;
}

/**
 * VC API status codes: 200 only when verified; 422 when the input is invalid; 503 when it could
 * not be decided for a reason that may pass (ledger or DID resolution unreachable).
 */
function statusOf(verdict: Verdict, checks: CheckFragment[]): 200 | 422 | 503 {
  if (verdict === 'valid') return 200;
  if (verdict === 'unverifiable' && checks.some((c) => c.status === 'unverifiable' && TRANSIENT_REASONS.has(c.reason))) return 503;
  return 422;
}

/** Responds in the caller's language (Accept-Language), with RFC 9457 problems for what failed. */
function respond(c: Context, verdict: Verdict, allChecks: CheckFragment[], body: (show: (checks: CheckFragment[]) => unknown[]) => Record<string, unknown>): Response {
  const status = statusOf(verdict, allChecks);
  const language = negotiateLanguage(c.req.header('accept-language'));
  const show = (checks: CheckFragment[]) => checks.map((f) => localized(f, language));
  if (status === 503) c.header('Retry-After', '30');
  c.header('Content-Language', language);
  c.header('Vary', 'Accept-Language');
  const problemDetails = show(allChecks.filter((f) => f.status === 'invalid' || f.status === 'unverifiable')).map((f) => ({
    type: `urn:skillmark:check:${f.check}:${f.reason}`,
    title: f.reason,
    detail: f.message,
  }));
  return c.json({ verified: verdict === 'valid', verdict, ...body(show), ...(problemDetails.length ? { problemDetails } : {}) }, status);
}

export function createVerifierApp(options: VerifierAppOptions): Hono {
  const { context, challenges } = options;
  const app = new Hono();
  app.onError(handleErrors(options.log));
  app.notFound(notFound);
  if (options.rateLimit) app.use('*', rateLimit(options.rateLimit));
  app.use('*', problemBodyLimit(MAX_BODY_BYTES));

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.post('/challenges', async (c) => {
    try {
      const { challenge, expiresAt } = await challenges.create(context.now(), clientOf(c, options.rateLimit?.trustProxy ?? false));
      return c.json({ challenge, expiresAt }, 201);
    } catch (error) {
      if (!(error instanceof TooManyChallenges)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      return problemResponse(
        c,
        new HttpProblem(429, 'Too many challenges', `This client holds ${error.live} unused challenges, as many as this verifier keeps for one client: use one, or ask again in ${error.retryAfterSeconds} s, when the oldest expires.`),
      );
    }
  });

  app.post('/credentials/verify', async (c) => {
    const body = await readJsonObject(c);
    if (body.verifiableCredential === undefined) throw new HttpProblem(400, 'Malformed request', 'The request needs "verifiableCredential".');
    const options = optionsOf(body);
    const result = await verifyCredentialToken(tokenOf(body.verifiableCredential, 'verifiableCredential'), options.anchorReceipt, context);
    return respond(c, result.verdict, result.checks, (show) => ({ checks: show(result.checks), ...(result.credential ? { credential: result.credential } : {}) }));
  });

  app.post('/presentations/verify', async (c) => {
    const body = await readJsonObject(c);
    if (body.verifiablePresentation === undefined) throw new HttpProblem(400, 'Malformed request', 'The request needs "verifiablePresentation".');
    const options = optionsOf(body);
    const expected = { challenge: optionalString(options, 'challenge'), domain: optionalString(options, 'domain') };
    const result = await verifyPresentationToken(tokenOf(body.verifiablePresentation, 'verifiablePresentation'), expected, { ...context, challenges });
    const allChecks = [...result.checks, ...result.credentials.flatMap((r) => r.checks)];
    return respond(c, result.verdict, allChecks, (show) => ({
      ...(result.holder ? { holder: result.holder } : {}),
      checks: show(result.checks),
      credentials: result.credentials.map((r) => ({ verdict: r.verdict, checks: show(r.checks), ...(r.credential ? { credential: r.credential } : {}) })),
    }));
  });

  return app;
}
