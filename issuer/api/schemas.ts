import { z } from '@hono/zod-openapi';
import { RevocationReason, type RevocationReasonName } from '../../contracts/registry.ts';
import { type CredentialFormatName, FORMAT_NAMES } from '../../core/formats/index.ts';
import { LANGUAGES } from '../../core/messages/index.ts';
import { SHORT_ID } from '../../core/short-id.ts';
import { refuseBackwardRanges, searchQueryFields, unknownFilter } from '../search/query-schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const STATUSES = ['pending', 'anchored', 'revoked'] as const;
const REASONS = Object.keys(RevocationReason) as [RevocationReasonName, ...RevocationReasonName[]];
const DATE_TIME_EXAMPLE = '2026-06-30T12:00:00Z';

export const IssueCredentialRequest = z
  .object({
    credential: z
      .record(z.string(), z.unknown(), { error: 'The request needs a "credential" object (W3C VC API issue request).' })
      .openapi({
        description:
          'The credential to sign: a QualificationCredential, VC data model 1.1 or 2.0 (by its @context), or any VC 2.0 credential of a type the operator allows (ISSUABLE_TYPES; by default Open Badges 3.0 too); what the issuer fills in and the rules it is checked against: docs/issuing.md',
      }),
    options: z
      .strictObject(
        {
          format: z
            .enum(FORMAT_NAMES as [CredentialFormatName, ...CredentialFormatName[]], {
              error: `"options.format" must be one of ${FORMAT_NAMES.join(', ')}.`,
            })
            .optional()
            .openapi({
              description:
                'The credential format to sign this credential in, instead of the configured CREDENTIAL_FORMAT: e.g. "sd-jwt-vc" for an SD-JWT VC whose personal fields and competencies the learner discloses one by one (docs/privacy.md); it must sign the data model of the credential\'s @context',
              example: 'sd-jwt-vc',
            }),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `Unsupported option "${issue.keys[0]}".`
              : '"options" must be an object when present.',
        },
      )
      .optional()
      .openapi({
        description: 'VC API issue options: only "format" is supported, and any other is refused rather than ignored',
      }),
    openBadge: z.boolean({ error: '"openBadge" must be true or false.' }).optional().openapi({
      description:
        'Issue the QualificationCredential as an Open Badges 3.0 AchievementCredential (VC 2.0 + JOSE): the qualification as the achievement, its competencies as results (docs/open-badges.md)',
    }),
    educationLevel: z
      .string({ error: '"educationLevel" must be text naming a level, such as "upper_secondary".' })
      .nullable()
      .optional()
      .openapi({
        description:
          "The learner's education level, kept by the institution for the quarterly occupation report and never written into the credential: one of REPORT_EDUCATION_LEVELS (default primary, lower_secondary, upper_secondary, technician, senior_technician, unknown; case, spaces and hyphens do not matter); another value is a 422 (docs/reports.md)",
        example: 'upper_secondary',
      }),
  })
  .openapi('IssueCredentialRequest');

const EnvelopedVerifiableCredential = z
  .object({
    '@context': z.string(),
    type: z.literal('EnvelopedVerifiableCredential'),
    id: z.string().openapi({ example: 'data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9…' }),
  })
  .openapi('EnvelopedVerifiableCredential');

const Claim = z.object({ code: z.string(), url: z.url(), expiresAt: z.iso.datetime() }).openapi('Claim', {
  description: 'The code the learner collects the credential with (GET /claims/{code}), and until when',
});

export const IssuedCredential = z
  .object({
    verifiableCredential: EnvelopedVerifiableCredential,
    format: z.enum(FORMAT_NAMES as [CredentialFormatName, ...CredentialFormatName[]]),
    credentialId: z.uuid(),
    shortId: z
      .string()
      .openapi({ description: 'The short id the wallet and the printed certificate show (core/short-id.ts)' }),
    credentialHash: z.string(),
    status: z.literal('pending'),
    claim: Claim,
  })
  .openapi('IssuedCredential');

const listingFields = {
  status: z.enum(STATUSES, { error: `"status" must be one of ${STATUSES.join(', ')}.` }).optional(),
  limit: z.coerce
    .number({ error: '"limit" must be a whole number from 1 to 500.' })
    .int({ error: '"limit" must be a whole number from 1 to 500.' })
    .min(1, { error: '"limit" must be a whole number from 1 to 500.' })
    .max(500, { error: '"limit" must be a whole number from 1 to 500.' })
    .default(50),
  // Normalised to the form the issuer stores, so that it compares as text.
  before: z
    .string()
    .refine((raw) => ISO_DATE_TIME.test(raw) && !Number.isNaN(Date.parse(raw)), {
      error: `"before" must be an ISO 8601 date-time such as ${DATE_TIME_EXAMPLE}.`,
    })
    .transform((raw) => new Date(raw).toISOString())
    .optional()
    .openapi({
      description: 'Only credentials issued before this time (with beforeId: the `next` of the previous page)',
      example: DATE_TIME_EXAMPLE,
    }),
  beforeId: z
    .string()
    .regex(UUID, { error: '"beforeId" must be a credential id (a UUID).' })
    .transform((raw) => raw.toLowerCase())
    .optional(),
};

export const CredentialListQuery = z
  .strictObject({ ...searchQueryFields, ...listingFields }, { error: unknownFilter(Object.keys(listingFields)) })
  .superRefine(refuseBackwardRanges);

export const CredentialIdParams = z.object({
  id: z
    .string()
    .refine((raw) => UUID.test(raw) || SHORT_ID.test(raw), {
      error: (issue) => `"${String(issue.input).slice(0, 60)}" is not a credential id of this issuer.`,
    })
    .transform((raw) => raw.toLowerCase())
    .openapi({
      param: { name: 'id', in: 'path' },
      description:
        "The credential's id (a UUID), or its short id (eight hex digits, as the wallet and the certificate show it)",
    }),
});

export const ClaimCodeParams = z.object({
  code: z.string().openapi({
    param: { name: 'code', in: 'path' },
    description: 'The claim code from the certificate, any case, dashes optional',
    example: 'K7QF-9X2M-4TBD-8RWP-3HNC',
  }),
});

export const RevokeRequest = z
  .object({
    reason: z.enum(REASONS, { error: `"reason" must be one of ${REASONS.join(', ')}.` }).default('unspecified'),
  })
  .openapi('RevokeRequest');

const rotationFields = (what: string, fields: string[]) => ({
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys'
      ? `"${String(issue.keys[0]).slice(0, 60)}" is not a field of ${what}; the fields are ${fields.map((f) => `"${f}"`).join(', ')}.`
      : undefined,
});
const compromisedSince = z
  .string({ error: `"compromisedSince" must be an ISO 8601 date-time with a time zone, such as ${DATE_TIME_EXAMPLE}.` })
  .openapi({
    format: 'date-time',
    description: 'The earliest time the key may have been in other hands; not in the future',
  });

export const SigningKeyRotationRequest = z
  .strictObject(
    { compromisedSince: compromisedSince.optional() },
    rotationFields('a signing-key rotation', ['compromisedSince']),
  )
  .openapi('SigningKeyRotationRequest');

export const CompromiseReportRequest = z
  .strictObject(
    {
      did: z
        .string({ error: '"did" must be one of the institution\'s earlier signing DIDs.' })
        .startsWith('did:', { error: '"did" must be one of the institution\'s earlier signing DIDs.' }),
      compromisedSince,
    },
    rotationFields('a compromise report', ['did', 'compromisedSince']),
  )
  .openapi('CompromiseReportRequest');

const subject = z.object({ id: z.string().optional(), learnerReference: z.string().optional() });

export const CredentialSummary = z
  .object({
    id: z.uuid(),
    shortId: z
      .string()
      .openapi({ description: 'The short id the wallet and the printed certificate show (core/short-id.ts)' }),
    status: z.enum(STATUSES),
    credentialHash: z.string(),
    subject,
    learnerName: z
      .string()
      .optional()
      .openapi({ description: "The learner's name, as the signed credential states it" }),
    qualification: z.string(),
    issuedAt: z.iso.datetime(),
    revokedAt: z.string().optional(),
    revocationReason: z.enum(REASONS).optional(),
  })
  .openapi('CredentialSummary');

export const CredentialList = z
  .object({
    items: z.array(CredentialSummary),
    next: z
      .object({ before: z.string(), beforeId: z.string() })
      .optional()
      .openapi({ description: 'The query of the following page, when there may be one' }),
  })
  .openapi('CredentialList');

export const AnchorReceipt = z
  .object({
    type: z.literal('SkillmarkAnchorReceipt'),
    credentialHash: z.string(),
    hashAlgorithm: z.literal('sha256'),
    merkleRoot: z.string(),
    proof: z.array(z.string()),
    chainId: z.number(),
    registry: z.string(),
    transactionHash: z.string(),
    blockNumber: z.number(),
    anchoredAt: z.string(),
  })
  .openapi('AnchorReceipt', { description: 'Where and how the credential is anchored: docs/anchor-receipt.md' });

const QrCodeText = z.string().openapi({
  description:
    'The credential and its anchor receipt as the text of one QR code (`SM1:…`, QR alphanumeric mode, docs/qr.md); present once anchored. Render it at error correction M; the verifier accepts it as `verifiableCredential`',
  example: 'SM1:NCFOXN%TS3DH3ZSUZK…',
});

export const CredentialRecord = CredentialSummary.extend({
  credential: z.string().openapi({ description: 'The signed credential (compact JWS)' }),
  anchorReceipt: AnchorReceipt.optional(),
  qr: QrCodeText.optional(),
}).openapi('CredentialRecord');

export const Revocation = z
  .object({
    id: z.uuid(),
    status: z.literal('revoked'),
    transactionHash: z.string().optional(),
    revokedAt: z.string(),
    reason: z.enum(REASONS),
  })
  .openapi('Revocation');

export const ClaimGrant = z.object({ credentialId: z.uuid(), claim: Claim }).openapi('ClaimGrant');

export const CredentialBundle = z
  .object({
    type: z.literal('SkillmarkCredentialBundle'),
    credential: z.string(),
    anchorReceipt: AnchorReceipt,
    qr: QrCodeText.optional(),
  })
  .openapi('CredentialBundle', {
    description: "What the learner's wallet keeps: the credential and the receipt of its anchor",
  });

export const ClaimPending = z.object({ status: z.literal('pending'), detail: z.string() });

export const AnchoringStatus = z
  .object({
    pendingCredentials: z.number(),
    oldestPendingSince: z.string().optional(),
    batchesInFlight: z.number(),
    batchesAwaitingFinality: z.number(),
    reanchored: z.number(),
    revocationsAwaitingFinality: z.number(),
    lastAnchoredAt: z.string().optional(),
    lastError: z.object({ message: z.string(), at: z.string(), attempts: z.number() }).optional(),
  })
  .openapi('AnchoringStatus');

export const LedgerKeyRotation = z.object({ previous: z.string(), current: z.string() }).openapi('LedgerKeyRotation');
export const SigningKeyRotation = z
  .object({ previous: z.string(), current: z.string(), compromisedSince: z.string().optional() })
  .openapi('SigningKeyRotation');
export const CompromiseReport = z.object({ did: z.string(), compromisedSince: z.string() }).openapi('CompromiseReport');

export const Health = z.object({ status: z.literal('ok'), did: z.string() });
export const Institution = z
  .object({ did: z.string(), name: z.string(), chainId: z.number(), registry: z.string(), ledgerAddress: z.string() })
  .openapi('Institution');

/** The language of a certificate's printed words. */
export const CertificateLanguage = z.object({
  lang: z
    .string()
    .max(35, { error: '"lang" is longer than any language tag.' })
    .optional()
    .openapi({
      description: `The language of the printed words: ${Object.keys(LANGUAGES).join(', ')} (a tag such as fr-CA finds fr); without it, or for another language, the Accept-Language header decides, else English`,
      example: 'fr',
    }),
});

export const CertificateQuery = CertificateLanguage.extend({
  claimCode: z.string().max(64, { error: '"claimCode" is longer than any claim code.' }).optional().openapi({
    description:
      "The credential's current claim code (handed out at issuance or by POST /credentials/{id}/claim), to print on the certificate for the learner; without it the certificate carries none",
    example: 'K7QF-9X2M-4TBD-8RWP-3HNC',
  }),
});

export const CertificatePdf = z.string().openapi({
  format: 'binary',
  description:
    'An A4 PDF certificate with the credential as a QR code, also in the Info entry /SkillmarkCredential (docs/certificate.md)',
});

export const QrCodePng = z.string().openapi({
  format: 'binary',
  description: 'A PNG of the QR code (docs/qr.md), 6 pixels a module: print it at least 4 cm wide',
});
