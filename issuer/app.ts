import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bearerToken } from '../core/bearer-token.ts';
import { envelopedCredential } from '../core/formats/envelopes.ts';
import { HttpProblem, handleErrors, notFound, problemResponse, RetryLaterProblem } from '../core/http-problem.ts';
import { describeApi } from '../core/openapi/describe-api.ts';
import { problemOfFrameworkError } from '../core/openapi/framework-errors.ts';
import { refuseInvalid } from '../core/openapi/refuse-invalid.ts';
import { printable } from '../core/printable.ts';
import { clientOf, type RateLimitOptions, rateLimit } from '../core/rate-limit.ts';
import { problemBodyLimit, readJsonObject } from '../core/request-body.ts';
import { shortIdOf } from '../core/short-id.ts';
import { requestLanguage } from '../core/web/page-language.ts';
import type { AnchoringStatus } from './anchoring.ts';
import { issuerRoutes } from './api/routes.ts';
import type { AuditLog } from './audit/audit-log.ts';
import { auditWrites } from './audit/middleware.ts';
import { mountAuditRoutes } from './audit/routes.ts';
import { ANCHORING_RETRY_SECONDS, institutionCertificate, learnerCertificate } from './certificate/index.ts';
import type { ClaimCodes } from './claim-codes.ts';
import type { ClaimGuard } from './claim-guard.ts';
import { addCohortRoutes, type CohortService, isCohortUpload } from './cohorts/routes.ts';
import type { CredentialService } from './credentials.ts';
import { ledgerProblem } from './ledger-writer.ts';
import type { OccupationReports } from './reports/occupation-reports.ts';
import { mountOccupationReport } from './reports/route.ts';
import { isRevokeMany, mountBatchRevocation, REVOKE_MANY_MAX_BYTES } from './revocations/route.ts';
import type { CompromiseReport, CompromiseReportRequest, RotationRequest, SigningKeyRotation } from './signing-key.ts';
import { mountStatusLists } from './status-lists/route.ts';
import type { StatusLists } from './status-lists/status-lists.ts';
import type { ApiTokens } from './tokens/api-tokens.ts';
import { scopeGuard } from './tokens/guard.ts';
import { mountTokenRoutes } from './tokens/routes.ts';
import { API_TOKEN, API_TOKEN_SCHEME } from './tokens/scoped-route.ts';
import { ADMIN_CALLER } from './tokens/scopes.ts';
import { mountClaimPage, qrCodeImage } from './web/claim-routes.ts';

export interface IssuerAppOptions {
  credentials: CredentialService;
  claimCodes: ClaimCodes;
  claimGuard: ClaimGuard;
  /** Per-client limit on requests without the admin token. */
  rateLimit: RateLimitOptions;
  verifyAdminToken: (token: string) => boolean;
  /** Named API tokens with scopes (/tokens); without them, only the admin token is accepted. */
  apiTokens?: ApiTokens;
  /** The audit log of writes (/audit); without it, writes are not recorded. */
  audit?: AuditLog;
  institution: { name: string; chainId: number; registry: string };
  /** The DID credentials are signed with now (it changes with a signing-key rotation). */
  signingDid: () => string;
  rotateSigningKey: (body: RotationRequest) => Promise<SigningKeyRotation>;
  reportSigningKeyCompromise: (body: CompromiseReportRequest) => Promise<CompromiseReport>;
  /** The ledger address in use now (it changes with a key rotation). */
  ledgerAddress: () => string;
  rotateLedgerKey: () => Promise<{ previous: string; current: string }>;
  publicUrl: string;
  /** VERIFIER_PUBLIC_URL: where an employer checks a certificate, printed on it. */
  verifierUrl?: string;
  /** Called after each issuance so anchoring can start without waiting for its next poll. */
  onIssued?: () => void;
  anchoringStatus: () => Promise<AnchoringStatus>;
  /** The quarterly occupation report (GET /reports/occupations); absent, the route is not served. */
  reports?: OccupationReports;
  log?: (message: string) => void;
  /** The W3C Bitstring Status Lists served at /status-lists/{id}; absent, that route is not served. */
  statusLists?: StatusLists;
  /** Cohort uploads (POST /cohorts); without them those routes answer 503. */
  cohorts?: CohortService;
}

const MAX_BODY_BYTES = 64 * 1024;

/** A credential id that is not a UUID names no credential of this issuer. */
const unknownCredentialOr = (title: string) =>
  refuseInvalid((_issue, target) =>
    target === 'param' ? { status: 404, title: 'Unknown credential' } : { status: 400, title },
  );
/** The signing-key services answer 422 for a body they refuse: so do their routes' schemas. */
const signingKeyRefusal = refuseInvalid((issue) => ({
  status: 422,
  title: issue.code === 'unrecognized_keys' ? 'Unknown field' : `Invalid ${String(issue.path[0])}`,
}));

export function createIssuerApp(options: IssuerAppOptions): OpenAPIHono {
  const { credentials } = options;
  const app = new OpenAPIHono({ defaultHook: refuseInvalid() });
  const guard = scopeGuard(async (token) =>
    options.verifyAdminToken(token) ? ADMIN_CALLER : options.apiTokens?.authenticate(token),
  );
  const routes = issuerRoutes(guard);
  // A token used in the last minute is exempt from the per-client limit, as the admin token is.
  const carriesKnownToken = (c: Context) => {
    const token = bearerToken(c);
    return token !== undefined && (options.verifyAdminToken(token) || options.apiTokens?.usedRecently(token) === true);
  };
  const onError = handleErrors(options.log);
  app.onError((error, c) => {
    const problem = ledgerProblem(error);
    if (!problem) return onError(problemOfFrameworkError(error), c);
    // An expected condition, not a bug: one line, no stack trace.
    (options.log ?? console.error)(
      printable(`${c.req.method} ${c.req.path}: ${problem.title.toLowerCase()}: ${error.message.split('\n')[0]}`),
    );
    if (problem.status === 503) c.header('Retry-After', '30');
    return problemResponse(c, problem);
  });
  app.notFound(notFound);
  // A cohort upload is streamed to a file under its own, larger limit (issuer/cohorts/upload.ts).
  if (options.audit)
    app.use(
      '*',
      auditWrites(options.audit, {
        trustProxy: options.rateLimit.trustProxy ?? false,
        log: options.log ?? console.error,
      }),
    );
  const bodyLimit = problemBodyLimit(MAX_BODY_BYTES);
  // A batch revocation's list of ids (up to 10,000) is larger than any other JSON body.
  const revokeManyLimit = problemBodyLimit(REVOKE_MANY_MAX_BYTES);
  app.use('*', (c, next) =>
    isCohortUpload(c) ? next() : isRevokeMany(c) ? revokeManyLimit(c, next) : bodyLimit(c, next),
  );
  app.use('*', rateLimit({ ...options.rateLimit, exempt: (c) => carriesKnownToken(c) }));
  app.openAPIRegistry.registerComponent('securitySchemes', API_TOKEN, API_TOKEN_SCHEME);

  app.openapi(routes.health, (c) => c.json({ status: 'ok' as const, did: options.signingDid() }, 200));
  app.openapi(routes.institution, (c) =>
    c.json({ did: options.signingDid(), ...options.institution, ledgerAddress: options.ledgerAddress() }, 200),
  );

  app.openapi(routes.rotateLedgerKey, async (c) => c.json(await options.rotateLedgerKey(), 200));
  app.openapi(
    routes.rotateSigningKey,
    async (c) => c.json(await options.rotateSigningKey(c.req.valid('json')), 200),
    signingKeyRefusal,
  );
  app.openapi(
    routes.reportSigningKeyCompromise,
    async (c) => c.json(await options.reportSigningKeyCompromise(c.req.valid('json')), 200),
    signingKeyRefusal,
  );

  app.openapi(routes.issue, async (c) => {
    const issuedAt = new Date();
    // The route's schema checked the envelope; the credential's own rules read the request as sent
    // (the schema's copy leaves out keys such as "__proto__" that those rules must see and refuse).
    const issued = await credentials.issue(await readJsonObject(c), issuedAt);
    options.onIssued?.();
    const claimUrl = `${options.publicUrl}/claims/${issued.claimCode}`;
    return c.json(
      {
        verifiableCredential: envelopedCredential(issued.jwt, issued.mediaType),
        format: issued.format,
        credentialId: issued.id,
        shortId: shortIdOf(issued.credentialHash),
        credentialHash: issued.credentialHash,
        status: 'pending' as const,
        claim: { code: issued.claimCode, url: claimUrl, expiresAt: options.claimCodes.expiryOf(issuedAt) },
      },
      201,
      { location: `/credentials/${issued.id}` },
    );
  });

  app.openapi(
    routes.list,
    async (c) => {
      const query = c.req.valid('query');
      const items = await credentials.list(query);
      const last = items.at(-1);
      return c.json(
        {
          items,
          ...(items.length === query.limit && last ? { next: { before: last.issuedAt, beforeId: last.id } } : {}),
        },
        200,
      );
    },
    refuseInvalid(() => ({ status: 400, title: 'Bad query' })),
  );

  app.openapi(routes.anchoring, async (c) => c.json(await options.anchoringStatus(), 200));

  app.openapi(
    routes.get,
    async (c) => c.json(await credentials.get(await credentials.idOf(c.req.valid('param').id)), 200),
    unknownCredentialOr('Malformed request'),
  );

  app.openapi(
    routes.revoke,
    async (c) => {
      const id = await credentials.idOf(c.req.valid('param').id);
      const result = await credentials.revoke(id, c.req.valid('json').reason);
      return c.json({ id, status: 'revoked' as const, ...result }, 200);
    },
    unknownCredentialOr('Bad revocation reason'),
  );

  app.openapi(
    routes.renewClaim,
    async (c) => {
      const id = await credentials.idOf(c.req.valid('param').id);
      const grant = await options.claimCodes.renew(id);
      return c.json(
        {
          credentialId: id,
          claim: { code: grant.code, url: `${options.publicUrl}/claims/${grant.code}`, expiresAt: grant.expiresAt },
        },
        200,
      );
    },
    unknownCredentialOr('Malformed request'),
  );

  /**
   * The learner's bundle for a claim code, or undefined while it waits to be anchored (with
   * `Retry-After`); unknown codes (guessing gets slower with every miss: issuer/claim-guard.ts),
   * expired codes and revoked credentials are refused.
   */
  const collect = async (c: Context, code: string) => {
    const client = clientOf(c, options.rateLimit.trustProxy ?? false);
    const wait = options.claimGuard.retryAfterSeconds(client);
    if (wait > 0) {
      throw new RetryLaterProblem(
        429,
        'Too many unknown claim codes',
        `This client tried too many unknown claim codes; try again in ${wait} s.`,
        wait,
      );
    }
    const state = code.length > 64 ? 'unknown' : await options.claimCodes.check(code);
    if (state === 'unknown') {
      options.claimGuard.miss(client);
      throw new HttpProblem(
        404,
        'Unknown claim code',
        'No credential matches this claim code. Check the code on your certificate.',
      );
    }
    if (state === 'expired')
      throw new HttpProblem(
        410,
        'Claim code expired',
        'This claim code has expired; ask the institution for a new one.',
      );
    const result = await credentials.claim(code);
    if (result.state === 'ready') return result.bundle;
    if (result.state === 'pending') {
      c.header('Retry-After', String(ANCHORING_RETRY_SECONDS));
      return undefined;
    }
    throw new HttpProblem(
      410,
      'Credential revoked',
      'The institution revoked this credential; it can no longer be collected.',
    );
  };
  const pending = {
    status: 'pending' as const,
    detail: 'The credential is signed and waiting to be anchored on the ledger; try again in a few seconds.',
  };

  // A browser gets the learner's page; the wallet and scripts the API's answer below.
  mountClaimPage(app, collect, options.institution.name);
  app.openapi(routes.claim, async (c) => {
    const bundle = await collect(c, c.req.valid('param').code);
    return bundle ? c.json(bundle, 200) : c.json(pending, 202);
  });

  const certificateSources = {
    credentials,
    claimCodes: options.claimCodes,
    institution: options.institution.name,
    publicUrl: options.publicUrl,
    ...(options.verifierUrl ? { verifierUrl: options.verifierUrl } : {}),
  };
  app.openapi(
    routes.certificate,
    async (c) =>
      institutionCertificate(
        c,
        certificateSources,
        await credentials.idOf(c.req.valid('param').id),
        c.req.valid('query').claimCode,
        await requestLanguage(c),
      ),
    unknownCredentialOr('Bad claim code'),
  );
  app.openapi(routes.claimQrCode, async (c) => {
    const bundle = await collect(c, c.req.valid('param').code);
    return bundle ? qrCodeImage(c, bundle) : c.json(pending, 202);
  });
  app.openapi(routes.claimCertificate, async (c) => {
    const bundle = await collect(c, c.req.valid('param').code);
    return bundle ? learnerCertificate(c, certificateSources, bundle, await requestLanguage(c)) : c.json(pending, 202);
  });

  addCohortRoutes(app, guard, options.cohorts, certificateSources);

  mountBatchRevocation(app, guard, (ids, reason) => credentials.revokeMany(ids, reason));
  if (options.statusLists) mountStatusLists(app, options.statusLists);
  if (options.reports) mountOccupationReport(app, guard, options.reports);
  if (options.apiTokens) mountTokenRoutes(app, guard, options.apiTokens);
  if (options.audit) mountAuditRoutes(app, guard, options.audit);

  describeApi(app, {
    title: 'Skillmark issuer',
    description:
      "The institution's service: issues skills credentials (VC API), anchors them on a ledger, hands them to learners by claim code, revokes them.",
  });
  return app;
}
