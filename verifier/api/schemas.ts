import { z } from '@hono/zod-openapi';
import { REASON_CODES } from '../../core/messages/index.ts';

const needs = (field: string) => `The request needs "${field}".`;
const unsupported = (field: string) =>
  `"${field}" must be a JWT (compact JWS), an enveloped credential/presentation with a data: URL holding one, or one with a proof (Data Integrity, or JwtProof2020).`;

const Enveloped = (type: string) =>
  z
    .looseObject({
      '@context': z
        .unknown()
        .optional()
        .openapi({ description: 'The VC 2.0 base context first, as the envelope of a VC 2.0 token needs' }),
      type: z.union([z.string(), z.array(z.string())]).openapi({ description: type, example: type }),
      id: z.string().openapi({ description: 'A data: URL holding a compact JWS, e.g. `data:application/vc+jwt,eyJ…`' }),
    })
    .openapi(type);

/** A credential or presentation secured by a proof inside it: Data Integrity, or Veramo's object form of a JWT (JwtProof2020). */
const WithEmbeddedProof = z
  .looseObject({
    proof: z.union([z.looseObject({}), z.array(z.looseObject({}))]).openapi({
      description:
        'A Data Integrity proof (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019), or `{type: "JwtProof2020", jwt}` whose JWT is what is verified',
    }),
  })
  .openapi('SecuredWithProof');

/** A credential or presentation as the VC API carries it: a compact JWS, or an enveloped one (a credential also with an embedded proof). */
const securedInput = (
  field: string,
  envelope: string,
  tokenDescription = 'A compact JWS (VC-JWT 1.1 or VC-JOSE 2.0)',
  embedded = false,
) =>
  z.union(
    [
      z.string().openapi({ description: tokenDescription }),
      Enveloped(envelope),
      ...(embedded ? [WithEmbeddedProof] : []),
    ],
    { error: (issue) => (issue.input === undefined ? needs(field) : unsupported(field)) },
  );

const options = <T extends z.core.$ZodLooseShape>(shape: T, name: string) =>
  z.looseObject(shape, { error: '"options" must be an object.' }).optional().openapi(name);

const optionString = (name: string, description: string) => {
  const error = `"options.${name}" must be a non-empty string.`;
  return z.string({ error }).min(1, { error }).max(500, { error }).optional().openapi({ description });
};

export const VerifyCredentialRequest = z
  .object({
    verifiableCredential: securedInput(
      'verifiableCredential',
      'EnvelopedVerifiableCredential',
      "A compact JWS (VC-JWT 1.1 or VC-JOSE 2.0), or the text of a Skillmark QR code (`SM1:…`, docs/qr.md), which carries its anchor receipt (options.anchorReceipt is then not used) and adds the `holder` fragment: a QR code proves nobody's identity",
      true,
    ),
    options: options(
      {
        anchorReceipt: z.unknown().optional().openapi({
          description:
            'The credential\'s SkillmarkAnchorReceipt, as the issuer gave it with the credential; a receipt that is malformed or for another credential is reported by the "anchored" check, not refused here',
        }),
      },
      'VerifyCredentialOptions',
    ),
  })
  .openapi('VerifyCredentialRequest');

export const VerifyPresentationRequest = z
  .object({
    verifiablePresentation: securedInput(
      'verifiablePresentation',
      'EnvelopedVerifiablePresentation',
      'A compact JWS (VP-JWT 1.1 or VC-JOSE 2.0)',
      true,
    ),
    options: options(
      {
        challenge: optionString(
          'challenge',
          'The challenge this verifier gave the presenter (POST /challenges); required for the presentation to verify',
        ),
        domain: optionString('domain', "Checked against the presentation's `aud`"),
      },
      'VerifyPresentationOptions',
    ),
  })
  .openapi('VerifyPresentationRequest');

const Verdict = z.enum(['valid', 'invalid', 'unverifiable']).openapi('Verdict');

export const CheckResult = z
  .object({
    check: z.string().openapi({
      description: 'Which check: signature, issuer_accredited, anchored, not_revoked, …',
      example: 'anchored',
    }),
    status: z.enum(['valid', 'invalid', 'unverifiable', 'skipped']),
    reason: z.enum(REASON_CODES as [string, ...string[]]),
    message: z.string().openapi({ description: 'The reason in words, in the language of Content-Language' }),
    details: z.record(z.string(), z.unknown()).optional(),
    note: z
      .object({
        reason: z.enum(REASON_CODES as [string, ...string[]]),
        message: z.string(),
        details: z.record(z.string(), z.unknown()).optional(),
      })
      .optional()
      .openapi({
        description:
          'Where the answer came from when it was not the ledger itself (the offline trust bundle, its date and age); its sentence also ends `message`',
      }),
  })
  .openapi('CheckResult');

const VcApiProblem = z
  .object({
    type: z.string().openapi({ example: 'urn:skillmark:check:anchored:not_anchored' }),
    title: z.string(),
    detail: z.string(),
  })
  .openapi('VerificationProblem');

const verification = {
  verified: z.boolean().openapi({ description: 'True only when the verdict is valid' }),
  verdict: Verdict,
  problemDetails: z
    .array(VcApiProblem)
    .optional()
    .openapi({ description: 'One per check that is invalid or unverifiable' }),
};
const credential = z
  .record(z.string(), z.unknown())
  .optional()
  .openapi({ description: 'The credential as read from the token' });

const summary = z
  .object({
    learnerName: z.string().optional().openapi({ example: 'Amina Yusuf' }),
    qualificationTitle: z.string().optional().openapi({ example: 'National Certificate in Electrical Installation' }),
    level: z.string().optional().openapi({ description: 'Framework and level', example: 'EQF 4' }),
    occupation: z.string().optional().openapi({ example: 'Electrician' }),
    awardedOn: z.string().optional().openapi({ example: '2026-06-30' }),
    criteria: z
      .string()
      .optional()
      .openapi({ description: "Open Badges 3.0: the achievement's criteria, in the issuer's words" }),
    skills: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Open Badges 3.0: the skills the achievement lists as results' }),
    issuerProfileName: z.string().optional().openapi({
      description: "Open Badges 3.0: the issuer profile's name as the credential writes it (not a registry's word)",
    }),
    institution: z
      .object({
        name: z
          .string()
          .openapi({ description: 'As the trusted registry names it', example: 'Nairobi Technical College' }),
        registry: z.string().openapi({ description: 'The trusted registry that lists it' }),
      })
      .optional()
      .openapi({ description: 'Absent when no trusted registry lists the issuer' }),
    issuerDid: z.string().openapi({ description: "The issuer's DID, for experts: never a name to show" }),
  })
  .optional()
  .openapi('CredentialSummary', {
    description:
      "What the credential says, for a reader's glance: who, what, which institution (named by the registry, not by the credential), when. Given only when the signature holds.",
  });

export const CredentialVerification = z
  .object({ ...verification, checks: z.array(CheckResult), summary, credential })
  .openapi('CredentialVerification');

export const PresentationVerification = z
  .object({
    ...verification,
    holder: z.string().optional(),
    checks: z.array(CheckResult).openapi({ description: 'The checks of the presentation itself' }),
    credentials: z.array(z.object({ verdict: Verdict, checks: z.array(CheckResult), summary, credential })),
  })
  .openapi('PresentationVerification');

export const Challenge = z
  .object({
    challenge: z.string().openapi({
      description: 'Give it to the presenter, then as options.challenge',
      example: 'pQ3v6lq0m1n2o3p4q5r6s7',
    }),
    expiresAt: z.iso.datetime(),
  })
  .openapi('Challenge');

export const Health = z.object({ status: z.literal('ok') });
