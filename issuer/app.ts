import { Hono, type Context } from 'hono';
import { bearerToken, requireBearerToken } from '../core/bearer-token.ts';
import { handleErrors, HttpProblem, notFound, problemResponse } from '../core/http-problem.ts';
import { problemBodyLimit, readJsonObject } from '../core/request-body.ts';
import { printable } from '../core/printable.ts';
import { envelopedCredential } from '../core/vc-jose.ts';
import { RevocationReason, type RevocationReasonName } from '../contracts/registry.ts';
import { clientOf, rateLimit, type RateLimitOptions } from '../core/rate-limit.ts';
import type { AnchoringStatus } from './anchoring.ts';
import type { ClaimCodes } from './claim-codes.ts';
import type { ClaimGuard } from './claim-guard.ts';
import type { CredentialService } from './credentials.ts';
import { ledgerProblem } from './ledger-writer.ts';
import type { CredentialStatus } from './schema.ts';
import type { CompromiseReport, SigningKeyRotation } from './signing-key.ts';

export interface IssuerAppOptions {
  credentials: CredentialService;
  claimCodes: ClaimCodes;
  claimGuard: ClaimGuard;
  /** Per-client limit on requests without the admin token. */
  rateLimit: RateLimitOptions;
  verifyAdminToken: (token: string) => boolean;
  institution: { name: string; chainId: number; registry: string };
  /** The DID credentials are signed with now (it changes with a signing-key rotation). */
  signingDid: () => string;
  rotateSigningKey: (body: Record<string, unknown>) => Promise<SigningKeyRotation>;
  reportSigningKeyCompromise: (body: Record<string, unknown>) => Promise<CompromiseReport>;
  /** The ledger address in use now (it changes with a key rotation). */
  ledgerAddress: () => string;
  rotateLedgerKey: () => Promise<{ previous: string; current: string }>;
  publicUrl: string;
  /** Called after each issuance so anchoring can start without waiting for its next poll. */
  onIssued?: () => void;
  anchoringStatus: () => Promise<AnchoringStatus>;
  log?: (message: string) => void;
}

const MAX_BODY_BYTES = 64 * 1024;
const STATUSES: CredentialStatus[] = ['pending', 'anchored', 'revoked'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function credentialId(raw: string): string {
  const id = raw.toLowerCase();
  if (!UUID.test(id)) throw new HttpProblem(404, 'Unknown credential', `"${raw.slice(0, 60)}" is not a credential id of this issuer.`);
  return id;
}

/** An ISO 8601 date-time, normalised to the form the issuer stores (so it compares as text). */
function isoDateTime(raw: string, name: string): string {
  const time = ISO_DATE_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) throw new HttpProblem(400, 'Bad query', `"${name}" must be an ISO 8601 date-time such as 2026-06-30T12:00:00Z.`);
  return new Date(time).toISOString();
}

export function createIssuerApp(options: IssuerAppOptions): Hono {
  const { credentials } = options;
  const app = new Hono();
  const admin = requireBearerToken(options.verifyAdminToken);
  const carriesAdminToken = (c: Context) => {
    const token = bearerToken(c);
    return token !== undefined && options.verifyAdminToken(token);
  };
  const onError = handleErrors(options.log);
  app.onError((error, c) => {
    const problem = ledgerProblem(error);
    if (!problem) return onError(error, c);
    // An expected condition, not a bug: one line, no stack trace.
    (options.log ?? console.error)(printable(`${c.req.method} ${c.req.path}: ${problem.title.toLowerCase()}: ${error.message.split('\n')[0]}`));
    if (problem.status === 503) c.header('Retry-After', '30');
    return problemResponse(c, problem);
  });
  app.notFound(notFound);
  app.use('*', problemBodyLimit(MAX_BODY_BYTES));
  app.use('*', rateLimit({ ...options.rateLimit, exempt: (c) => carriesAdminToken(c) }));

  app.get('/health', (c) => c.json({ status: 'ok', did: options.signingDid() }));
  app.get('/institution', (c) => c.json({ did: options.signingDid(), ...options.institution, ledgerAddress: options.ledgerAddress() }));

  app.post('/ledger-key/rotate', admin, async (c) => c.json(await options.rotateLedgerKey()));
  app.post('/signing-key/rotate', admin, async (c) => c.json(await options.rotateSigningKey(await readJsonObject(c))));
  app.post('/signing-key/report-compromise', admin, async (c) => c.json(await options.reportSigningKeyCompromise(await readJsonObject(c))));

  app.post('/credentials/issue', admin, async (c) => {
    const issuedAt = new Date();
    const issued = await credentials.issue(await readJsonObject(c), issuedAt);
    options.onIssued?.();
    const claimUrl = `${options.publicUrl}/claims/${issued.claimCode}`;
    return c.json(
      {
        verifiableCredential: envelopedCredential(issued.jwt, issued.format === 'vc-jose-2.0' ? 'vc+jwt' : 'jwt'),
        format: issued.format,
        credentialId: issued.id,
        credentialHash: issued.credentialHash,
        status: 'pending',
        claim: { code: issued.claimCode, url: claimUrl, expiresAt: options.claimCodes.expiryOf(issuedAt) },
      },
      201,
      { location: `/credentials/${issued.id}` },
    );
  });

  app.get('/credentials', admin, async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !STATUSES.includes(status as CredentialStatus)) {
      throw new HttpProblem(400, 'Bad query', `"status" must be one of ${STATUSES.join(', ')}.`);
    }
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new HttpProblem(400, 'Bad query', '"limit" must be a whole number from 1 to 500.');
    const rawBefore = c.req.query('before');
    const before = rawBefore === undefined ? undefined : isoDateTime(rawBefore, 'before');
    const rawBeforeId = c.req.query('beforeId');
    if (rawBeforeId !== undefined && !UUID.test(rawBeforeId.toLowerCase())) throw new HttpProblem(400, 'Bad query', '"beforeId" must be a credential id (a UUID).');
    const beforeId = rawBeforeId?.toLowerCase();
    const items = await credentials.list({ status: status as CredentialStatus | undefined, limit, before, beforeId });
    const last = items.at(-1);
    return c.json({ items, ...(items.length === limit && last ? { next: { before: last.issuedAt, beforeId: last.id } } : {}) });
  });

  app.get('/anchoring', admin, async (c) => c.json(await options.anchoringStatus()));

  app.get('/credentials/:id', admin, async (c) => c.json(await credentials.get(credentialId(c.req.param('id')))));

  app.post('/credentials/:id/revoke', admin, async (c) => {
    const id = credentialId(c.req.param('id'));
    const body = await readJsonObject(c);
    const reason = (body.reason === undefined ? 'unspecified' : body.reason) as RevocationReasonName;
    if (typeof reason !== 'string' || !Object.hasOwn(RevocationReason, reason)) {
      throw new HttpProblem(400, 'Bad revocation reason', `"reason" must be one of ${Object.keys(RevocationReason).join(', ')}.`);
    }
    const result = await credentials.revoke(id, reason);
    return c.json({ id, status: 'revoked', ...result });
  });

  app.post('/credentials/:id/claim', admin, async (c) => {
    const id = credentialId(c.req.param('id'));
    const grant = await options.claimCodes.renew(id);
    return c.json({ credentialId: id, claim: { code: grant.code, url: `${options.publicUrl}/claims/${grant.code}`, expiresAt: grant.expiresAt } });
  });

  app.get('/claims/:code', async (c) => {
    const code = c.req.param('code');
    // Guessing codes gets slower with every miss (issuer/claim-guard.ts).
    const client = clientOf(c, options.rateLimit.trustProxy ?? false);
    const wait = options.claimGuard.retryAfterSeconds(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problemResponse(c, new HttpProblem(429, 'Too many unknown claim codes', `This client tried too many unknown claim codes; try again in ${wait} s.`));
    }
    const state = code.length > 64 ? 'unknown' : await options.claimCodes.check(code);
    if (state === 'unknown') {
      options.claimGuard.miss(client);
      throw new HttpProblem(404, 'Unknown claim code', 'No credential matches this claim code. Check the code on your certificate.');
    }
    if (state === 'expired') throw new HttpProblem(410, 'Claim code expired', 'This claim code has expired; ask the institution for a new one.');
    const result = await credentials.claim(code);
    if (result.state === 'ready') return c.json(result.bundle);
    if (result.state === 'pending') {
      c.header('Retry-After', '5');
      return c.json({ status: 'pending', detail: 'The credential is signed and waiting to be anchored on the ledger; try again in a few seconds.' }, 202);
    }
    throw new HttpProblem(410, 'Credential revoked', 'The institution revoked this credential; it can no longer be collected.');
  });

  return app;
}
