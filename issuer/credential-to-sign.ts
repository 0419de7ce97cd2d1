import { DEFAULT_ISSUABLE_TYPES, type IssuableTypes } from '../core/config.ts';
import { asList } from '../core/formats/data-model.ts';
import {
  CREDENTIAL_FORMATS,
  type CredentialFormatName,
  formatNamed,
  type RegisteredFormat,
} from '../core/formats/index.ts';
import { HttpProblem } from '../core/http-problem.ts';
import { VC_V2_CONTEXT } from '../core/vc-contexts.ts';
import { anyCredentialFromRequest, refuseUnlessIssuable } from './any-credential.ts';
import { credentialFromIssueRequest } from './issue-request.ts';
import { refuseUnlessValidJsonLd } from './json-ld-check.ts';
import { openBadgeOf } from './open-badges/from-qualification.ts';
import { claimsOpenBadge, refuseUnlessOpenBadge } from './open-badges/schema.ts';
import { DEFAULT_EDUCATION_LEVELS, type EducationLevel } from './reports/education-levels.ts';

export interface IssuingSettings {
  /** CREDENTIAL_FORMAT: the format when the request's @context does not choose. */
  defaultFormat: CredentialFormatName;
  educationLevels: readonly EducationLevel[];
  /** ISSUABLE_TYPES. */
  issuableTypes: IssuableTypes;
  /** The issuer profile's name in Open Badges, when the request's issuer object gives none. */
  institutionName: string;
}

export const DEFAULT_ISSUING: IssuingSettings = {
  defaultFormat: 'vc-jwt-1.1',
  educationLevels: DEFAULT_EDUCATION_LEVELS,
  issuableTypes: DEFAULT_ISSUABLE_TYPES,
  institutionName: 'Skillmark',
};

/** What the issuer keeps beside the signed credential: for its listing, search and report. */
export interface CredentialRecord {
  /** The qualification's title, or the credential's (or its achievement's) name, or its type. */
  title: string;
  subjectId?: string;
  learnerReference?: string;
  /** The qualification, for the occupation report: only credentials issued from one count in it. */
  qualification?: unknown;
  /** What search indexes (issuer/search/terms-of-credential.ts). */
  subject: unknown;
}

export interface CredentialToSign {
  credential: Record<string, unknown>;
  format: RegisteredFormat;
  educationLevel?: string;
  record: CredentialRecord;
}

const member = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
/** A name as text: a string, or the first language value's. */
const textOf = (value: unknown): string | undefined => {
  const first = asList(value)[0];
  const text = typeof first === 'string' ? first : member(first, '@value');
  return typeof text === 'string' && text.trim() !== '' ? text.trim().slice(0, 300) : undefined;
};

/** A VC 2.0 format: the configured one if it is, else the first registered. */
function format20(defaultFormat: CredentialFormatName): RegisteredFormat {
  const configured = formatNamed(defaultFormat)!;
  return configured.dataModel === '2.0' ? configured : CREDENTIAL_FORMATS.find((f) => f.dataModel === '2.0')!;
}

/**
 * The credential an issue request asks for. A QualificationCredential (the project's own type, or
 * a credential that carries a `qualification`) is checked against the qualification schema
 * (issue-request.ts); with `"openBadge": true` beside it, the same qualification is issued as an Open Badges 3.0
 * AchievementCredential instead (VC 2.0). Any other credential is a VC 2.0 credential of a type
 * the operator allows (any-credential.ts).
 */
export async function credentialToSign(
  body: Record<string, unknown>,
  issuerDid: string,
  now: Date,
  settings: IssuingSettings = DEFAULT_ISSUING,
): Promise<CredentialToSign> {
  const input = body.credential as Record<string, unknown>;
  const openBadge = body.openBadge;
  if (openBadge !== undefined && typeof openBadge !== 'boolean')
    throw new HttpProblem(422, 'Invalid request', '"openBadge" must be true or false.', {
      errors: ['/openBadge must be a boolean'],
    });
  const type = input.type;
  // A credential that carries a qualification claims to be one (as the wallet reads it): the
  // qualification schema then says what is wrong with its type, if anything.
  const isQualification =
    asList(type).includes('QualificationCredential') ||
    asList(input.credentialSubject).some((s) => member(s, 'qualification') !== undefined);
  if (!isQualification) {
    if (openBadge)
      throw new HttpProblem(
        422,
        'Invalid request',
        '"openBadge" draws an Open Badge from a QualificationCredential; this credential is not one.',
        { errors: ['/openBadge needs a QualificationCredential'] },
      );
    const credential = anyCredentialFromRequest(input, issuerDid, now, settings.issuableTypes);
    // After the data model's rules, so that a fault both see is named in the verifier's words.
    await refuseUnlessValidJsonLd(credential);
    const subjects = asList(credential.credentialSubject);
    const subjectId = subjects.map((s) => member(s, 'id')).find((id): id is string => typeof id === 'string');
    const title =
      textOf(credential.name) ??
      textOf(member(member(subjects[0], 'achievement'), 'name')) ??
      (asList(credential.type).filter((t) => t !== 'VerifiableCredential') as string[]).at(-1) ??
      'VerifiableCredential';
    return {
      credential,
      format: format20(settings.defaultFormat),
      record: { title, ...(subjectId ? { subjectId } : {}), subject: subjects[0] },
    };
  }
  // An Open Badge is a VC 2.0 credential: the qualification is read as one unless the request says otherwise.
  const request =
    openBadge && input['@context'] === undefined
      ? { ...body, credential: { ...input, '@context': [VC_V2_CONTEXT] } }
      : body;
  const made = await credentialFromIssueRequest(
    request,
    issuerDid,
    now,
    settings.defaultFormat,
    settings.educationLevels,
  );
  const subject = made.credential.credentialSubject;
  const record: CredentialRecord = {
    title: subject.qualification.title,
    ...(subject.id ? { subjectId: subject.id } : {}),
    ...(subject.learnerReference ? { learnerReference: subject.learnerReference } : {}),
    qualification: subject.qualification,
    subject,
  };
  const asIssued = { ...made, record, credential: made.credential as unknown as Record<string, unknown> };
  if (!openBadge) {
    refuseUnlessIssuable(made.credential.type, settings.issuableTypes);
    // A qualification that also claims a badge type is signed only if it is one (it never is: "openBadge" makes one).
    if (claimsOpenBadge(made.credential.type)) refuseUnlessOpenBadge(made.credential);
    return asIssued;
  }
  if (made.format.dataModel !== '2.0')
    throw new HttpProblem(
      422,
      'Invalid request',
      'An Open Badge 3.0 is a VC 2.0 credential: its "@context" must begin with the VC 2.0 context.',
      {
        errors: ['/@context must begin with the VC 2.0 context for an Open Badge'],
      },
    );
  const badge = openBadgeOf(made.credential, issuerDid, settings.institutionName);
  refuseUnlessIssuable(badge.type, settings.issuableTypes);
  // What the issuer draws must conform too: whatever the request made of it, never signed otherwise.
  refuseUnlessOpenBadge(badge);
  return { ...asIssued, credential: badge };
}
