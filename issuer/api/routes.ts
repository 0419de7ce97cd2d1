import { createRoute, z } from '@hono/zod-openapi';
import { jsonObjectBody } from '../../core/openapi/json-object-body.ts';
import { refusals } from '../../core/openapi/problem-details.ts';
import type { ScopeGuard } from '../tokens/guard.ts';
import { scopedRoutes } from '../tokens/scoped-route.ts';
import {
  AnchoringStatus,
  CertificateLanguage,
  CertificatePdf,
  CertificateQuery,
  ClaimCodeParams,
  ClaimGrant,
  ClaimPending,
  CompromiseReport,
  CompromiseReportRequest,
  CredentialBundle,
  CredentialIdParams,
  CredentialList,
  CredentialListQuery,
  CredentialRecord,
  Health,
  Institution,
  IssueCredentialRequest,
  IssuedCredential,
  LedgerKeyRotation,
  QrCodePng,
  Revocation,
  RevokeRequest,
  SigningKeyRotation,
  SigningKeyRotationRequest,
} from './schemas.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const jsonBody = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });
const pdf = (description: string) => ({ description, content: { 'application/pdf': { schema: CertificatePdf } } });
const png = (description: string) => ({ description, content: { 'image/png': { schema: QrCodePng } } });
/** A file the learner collects with the claim code (the certificate, the QR code): the same answers but the first. */
const claimFileRoute = <P extends string, R extends { description: string }>(
  path: P,
  summary: string,
  file: R,
  query = z.object({}),
) =>
  createRoute({
    method: 'get',
    path,
    summary,
    request: { params: ClaimCodeParams, query },
    responses: {
      200: file,
      202: {
        description: 'Signed, waiting to be anchored; `Retry-After` says when to ask again',
        ...json(ClaimPending),
      },
      ...refusals([404, 409, 410, 429], {
        409: 'The credential is too large for one QR code',
        410: 'The credential was revoked or the code expired',
        429: 'Too many unknown codes from this client (`Retry-After`)',
      }),
    },
  });
const SHORT_ID_SHARED = 'A short id that more than one credential shares: give the full id';
const ledgerRefusals = {
  502: 'The ledger refused the operation',
  503: 'The ledger cannot be reached; `Retry-After` says when to try again',
} as const;

/**
 * The issuer's token routes all run the token's scope check first, then read the body; the check
 * needs the service's tokens, so the routes are made per app.
 */
export function issuerRoutes(guard: ScopeGuard) {
  const scoped = scopedRoutes(guard);
  return {
    health: createRoute({
      method: 'get',
      path: '/health',
      summary: 'Whether the service is up, and the DID it signs with',
      responses: { 200: { description: 'Up', ...json(Health) } },
    }),
    institution: createRoute({
      method: 'get',
      path: '/institution',
      summary: 'The institution: name, DID, ledger address and registry',
      responses: { 200: { description: 'The institution', ...json(Institution) } },
    }),
    rotateLedgerKey: scoped('admin', {
      method: 'post',
      path: '/ledger-key/rotate',
      summary: "Replaces the institution's ledger key; past anchors stay valid",
      responses: {
        200: { description: 'The previous and the new ledger address', ...json(LedgerKeyRotation) },
        ...refusals([401, 502, 503], ledgerRefusals),
      },
    }),
    rotateSigningKey: scoped('admin', {
      method: 'post',
      path: '/signing-key/rotate',
      summary: 'Signs from now on with a new DID; with compromisedSince, reports the old one compromised as of then',
      middleware: [jsonObjectBody] as const,
      request: jsonBody(SigningKeyRotationRequest),
      responses: {
        200: { description: 'The previous and the new signing DID', ...json(SigningKeyRotation) },
        ...refusals([400, 401, 413, 415, 422, 502, 503], ledgerRefusals),
      },
    }),
    reportSigningKeyCompromise: scoped('admin', {
      method: 'post',
      path: '/signing-key/report-compromise',
      summary: "Reports one of the institution's earlier signing DIDs compromised",
      middleware: [jsonObjectBody] as const,
      request: jsonBody(CompromiseReportRequest),
      responses: {
        200: { description: 'The DID and the time recorded on the ledger', ...json(CompromiseReport) },
        ...refusals([400, 401, 409, 413, 415, 422, 502, 503], {
          ...ledgerRefusals,
          409: 'The DID is the one in use: rotate instead',
        }),
      },
    }),
    issue: scoped('issue', {
      method: 'post',
      path: '/credentials/issue',
      summary: 'Issues a credential (VC API): signs it, queues it for anchoring, hands out a claim code',
      middleware: [jsonObjectBody] as const,
      request: jsonBody(IssueCredentialRequest),
      responses: {
        201: {
          description: 'Issued and pending anchoring; `Location` names the credential',
          ...json(IssuedCredential),
        },
        ...refusals([400, 401, 413, 415, 422], {
          422: 'The credential cannot be issued (one reason: its QR code would be larger than any QR code holds): `errors` lists what to fix',
        }),
      },
    }),
    list: scoped('read', {
      method: 'get',
      path: '/credentials',
      summary:
        'What the institution issued, newest first, narrowed by the filters given (all must hold); follow `next` for the following page',
      description:
        'Name, qualification and occupation match words (each the beginning of a word of the title or code) in any case, with or without accents; dates are YYYY-MM-DD, both ends included; an unknown or wrong parameter is a 400.',
      request: { query: CredentialListQuery },
      responses: { 200: { description: 'One page of credentials', ...json(CredentialList) }, ...refusals([400, 401]) },
    }),
    anchoring: scoped('read', {
      method: 'get',
      path: '/anchoring',
      summary: 'What the anchoring worker is doing',
      responses: {
        200: { description: 'Pending credentials, batches in flight, the last error', ...json(AnchoringStatus) },
        ...refusals([401]),
      },
    }),
    get: scoped('read', {
      method: 'get',
      path: '/credentials/{id}',
      summary: 'One credential with its status and, once anchored, its receipt',
      request: { params: CredentialIdParams },
      responses: {
        200: { description: 'The credential', ...json(CredentialRecord) },
        ...refusals([401, 404, 409], { 409: SHORT_ID_SHARED }),
      },
    }),
    revoke: scoped('revoke', {
      method: 'post',
      path: '/credentials/{id}/revoke',
      summary: 'Revokes the credential on the ledger',
      middleware: [jsonObjectBody] as const,
      request: { params: CredentialIdParams, ...jsonBody(RevokeRequest) },
      responses: {
        200: { description: 'Revoked', ...json(Revocation) },
        ...refusals([400, 401, 404, 409, 413, 415, 502, 503], {
          ...ledgerRefusals,
          409: `Already revoked; or ${SHORT_ID_SHARED.toLowerCase()}`,
        }),
      },
    }),
    renewClaim: scoped('issue', {
      method: 'post',
      path: '/credentials/{id}/claim',
      summary: 'A new claim code for the credential; the old code stops working',
      request: { params: CredentialIdParams },
      responses: {
        200: { description: 'The new claim code', ...json(ClaimGrant) },
        ...refusals([401, 404, 409], { 409: SHORT_ID_SHARED }),
      },
    }),
    certificate: scoped('read', {
      method: 'get',
      path: '/credentials/{id}/certificate.pdf',
      summary:
        "The printed certificate (A4 PDF) with the credential's QR code; with claimCode, the learner's claim code on it",
      request: { params: CredentialIdParams, query: CertificateQuery },
      responses: {
        200: pdf("The institution's copy of the certificate"),
        ...refusals([401, 404, 409, 422], {
          409: `Not anchored yet (\`Retry-After\`), or revoked: a certificate is printed only with a QR code that verifies; or ${SHORT_ID_SHARED.toLowerCase()}`,
          422: 'The claim code is not the current one of this credential',
        }),
      },
    }),
    claimCertificate: claimFileRoute(
      '/claims/{code}/certificate.pdf',
      "The learner's printed certificate (A4 PDF), collected with the claim code, in the learner's language",
      pdf("The learner's copy of the certificate"),
      CertificateLanguage,
    ),
    claimQrCode: claimFileRoute(
      '/claims/{code}/qr.png',
      "The learner's QR code as an image to save and show (error correction M, with its white border)",
      png('The QR code of the credential and its anchor receipt'),
    ),
    claim: createRoute({
      method: 'get',
      path: '/claims/{code}',
      summary:
        "The learner's credential bundle, collected with the claim code; a browser (Accept: text/html) gets the learner's page",
      request: { params: ClaimCodeParams },
      responses: {
        200: {
          description: "The credential and its anchor receipt; for a browser, the learner's page in their language",
          content: { ...json(CredentialBundle).content, 'text/html': { schema: { type: 'string' } } },
        },
        202: {
          description: 'Signed, waiting to be anchored; `Retry-After` says when to ask again',
          ...json(ClaimPending),
        },
        ...refusals([404, 410, 429], {
          410: 'The credential was revoked or the code expired',
          429: 'Too many unknown codes from this client (`Retry-After`)',
        }),
      },
    }),
  };
}
