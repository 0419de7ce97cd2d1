import { randomUUID } from 'node:crypto';
import {
  CREDENTIAL_FORMATS,
  type CredentialFormat,
  type CredentialFormatName,
  formatNamed,
  type RegisteredFormat,
} from '../core/formats/index.ts';
import { HttpProblem } from '../core/http-problem.ts';
import { describeSchemaErrors, QUALIFICATION_SCHEMA_ID, validatorFor } from '../core/schemas.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../core/vc-contexts.ts';
import { credentialDateErrors } from './credential-dates.ts';
import { DEFAULT_EDUCATION_LEVELS, type EducationLevel, educationLevelOf } from './reports/education-levels.ts';
import { subjectDidProblem } from './subject-did.ts';

/** The credential, in W3C form (data model 1.1 or 2.0), before it is signed. */
export interface UnsignedQualificationCredential {
  '@context': string[];
  id: string;
  type: string[];
  /** The institution's DID, or an object with it as `id` (and a name and description), as the request gave it. */
  issuer: string | { id: string; name?: string; description?: string };
  issuanceDate?: string;
  expirationDate?: string;
  validFrom?: string;
  validUntil?: string;
  credentialSubject: {
    id?: string;
    learnerReference?: string;
    name?: string;
    qualification: { title: string; startedOn?: string; awardedOn: string; [key: string]: unknown };
  };
  credentialSchema: { id: string; type: 'JsonSchema' };
}

const invalid = (errors: string[], what: string) =>
  new HttpProblem(422, 'Invalid credential', `${what}: ${errors.join('; ')}.`, { errors });

/**
 * Turns a VC API issue request ({ credential, options }, its shape already checked by the route's
 * schema in issuer/api/schemas.ts) into the credential to sign. The issuer
 * adds only what is absent and is its own to give (issuer, id, issuance date, schema; the @context
 * from the format: `options.format`, else CREDENTIAL_FORMAT); a member that is present is kept as sent or refused, never replaced
 * (`"id": null` is an error, not a request for an id). Then the schema, the dates against `now`
 * and the learner's DID are checked. Throws a 400/422 HttpProblem saying what to fix.
 * The learner's `educationLevel` (beside `credential`, one of `educationLevels`) is returned as its
 * code, for the institution's statistics: it is never written into the credential.
 */
export async function credentialFromIssueRequest(
  body: Record<string, unknown>,
  issuerDid: string,
  now: Date,
  defaultFormat: CredentialFormatName = 'vc-jwt-1.1',
  educationLevels: readonly EducationLevel[] = DEFAULT_EDUCATION_LEVELS,
): Promise<{ credential: UnsignedQualificationCredential; format: RegisteredFormat; educationLevel?: string }> {
  const educationLevel = educationLevelOf(body.educationLevel, educationLevels);
  const input = body.credential as Record<string, unknown>;
  const issuerId =
    typeof input.issuer === 'object' && input.issuer !== null ? (input.issuer as { id?: unknown }).id : input.issuer;
  if (typeof issuerId === 'string' && issuerId !== issuerDid) {
    throw new HttpProblem(
      422,
      'Wrong issuer',
      `This service issues as ${issuerDid}; leave "issuer" out or set it (or its "id") to that DID.`,
    );
  }
  if (input.credentialStatus !== undefined)
    throw invalid(
      ['/credentialStatus is given by the issuer (a status list entry), never by the request'],
      'The credential cannot be issued',
    );
  const absent = (name: string) => input[name] === undefined;
  // The format the request names (options.format), else the configured one unless the request's
  // @context asks for the other data model: then the first format of that one.
  const requested = (body.options as { format?: CredentialFormatName } | undefined)?.format;
  const configured = formatNamed(requested ?? defaultFormat)!;
  const context = absent('@context')
    ? [configured.dataModel === '2.0' ? VC_V2_CONTEXT : VC_V1_CONTEXT]
    : input['@context'];
  const dataModel = Array.isArray(context) && context[0] === VC_V2_CONTEXT ? '2.0' : '1.1';
  if (requested !== undefined && configured.dataModel !== dataModel)
    throw new HttpProblem(
      422,
      'Wrong format',
      `The format "${requested}" signs VC data model ${configured.dataModel} credentials; this credential's @context is data model ${dataModel}'s.`,
    );
  const format =
    configured.dataModel === dataModel ? configured : CREDENTIAL_FORMATS.find((f) => f.dataModel === dataModel)!;
  const [fromName, untilName] =
    dataModel === '2.0' ? (['validFrom', 'validUntil'] as const) : (['issuanceDate', 'expirationDate'] as const);
  const issued = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const candidate = {
    ...input,
    '@context': context,
    ...(absent('id') ? { id: `urn:uuid:${randomUUID()}` } : {}),
    ...(absent('issuer') ? { issuer: issuerDid } : {}),
    ...(absent(fromName) ? { [fromName]: issued } : {}),
    ...(absent('credentialSchema') ? { credentialSchema: { id: QUALIFICATION_SCHEMA_ID, type: 'JsonSchema' } } : {}),
  };
  const mixed = dataModel === '2.0' ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const wrong = mixed.find((name) => name in input);
  if (wrong) {
    throw new HttpProblem(
      422,
      'Invalid credential',
      `"${wrong}" belongs to the other data model version than this credential's @context; use ${fromName}/${untilName}.`,
      { errors: [`/${wrong} is not allowed with this @context`] },
    );
  }
  const validate = validatorFor(QUALIFICATION_SCHEMA_ID)!;
  if (!validate(candidate))
    throw invalid(
      describeSchemaErrors(validate.errors, 10, candidate),
      'The credential does not match the qualification schema',
    );
  const c = candidate as UnsignedQualificationCredential;
  const { startedOn, awardedOn } = c.credentialSubject.qualification;
  const until = c[untilName];
  const errors = credentialDateErrors(
    {
      from: { name: fromName, value: c[fromName]! },
      ...(until !== undefined ? { until: { name: untilName, value: until } } : {}),
      ...(startedOn !== undefined ? { startedOn } : {}),
      awardedOn,
    },
    now,
  );
  const subjectId = c.credentialSubject.id;
  const didProblem = subjectId === undefined ? undefined : await subjectDidProblem(subjectId);
  if (didProblem)
    errors.push(
      `/credentialSubject/id is not a usable DID, most likely mistyped: copy it again from the learner's wallet (${didProblem})`,
    );
  const formatProblem = (format as CredentialFormat).signingProblem?.(c as unknown as Record<string, unknown>);
  if (formatProblem) errors.push(formatProblem);
  if (errors.length > 0) throw invalid(errors, 'The credential cannot be issued');
  return { credential: c, format, ...(educationLevel !== undefined ? { educationLevel } : {}) };
}
