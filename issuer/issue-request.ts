import { randomUUID } from 'node:crypto';
import { HttpProblem } from '../core/http.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../core/vc-contexts.ts';
import { describeSchemaErrors, QUALIFICATION_SCHEMA_ID, validatorFor } from '../core/schemas.ts';


/**
 * VC-JWT (data model 1.1) is the default: the format deployed wallets and libraries (did-jwt-vc,
 * Veramo) read today. A request whose @context starts with the 2.0 context, or an issuer set to
 * `vc-jose-2.0`, gets a VC 2.0 credential secured with JOSE (application/vc+jwt).
 */
export type CredentialFormat = 'vc-jwt-1.1' | 'vc-jose-2.0';

/** The credential, in W3C form (data model 1.1 or 2.0), before it is signed. */
export interface UnsignedQualificationCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  issuanceDate?: string;
  expirationDate?: string;
  validFrom?: string;
  validUntil?: string;
  credentialSubject: {
    id?: string;
    learnerReference?: string;
    name?: string;
    qualification: { title: string; [key: string]: unknown };
  };
  credentialSchema: { id: string; type: 'JsonSchema' };
}

/** VC API issue options this issuer acts on; anything else is refused rather than ignored. */
const ALLOWED_OPTIONS = new Set<string>();

/**
 * Turns a VC API issue request ({ credential, options }) into the credential to sign: the issuer
 * fills in what it owns (issuer, id, dates, schema), then the whole credential is validated
 * against the qualification schema. Throws a 400/422 HttpProblem saying what to fix.
 */
export function credentialFromIssueRequest(
  body: Record<string, unknown>,
  issuerDid: string,
  now: Date,
  defaultFormat: CredentialFormat = 'vc-jwt-1.1',
): { credential: UnsignedQualificationCredential; format: CredentialFormat } {
  const { credential, options } = body;
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new HttpProblem(400, 'Malformed request', 'The request needs a "credential" object (W3C VC API issue request).');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new HttpProblem(400, 'Malformed request', '"options" must be an object when present.');
  }
  const unknownOption = Object.keys((options ?? {}) as object).find((k) => !ALLOWED_OPTIONS.has(k));
  if (unknownOption) throw new HttpProblem(400, 'Malformed request', `Unsupported option "${unknownOption}".`);
  const input = credential as Record<string, unknown>;
  const issuerInput = typeof input.issuer === 'object' && input.issuer !== null ? (input.issuer as { id?: unknown }).id : input.issuer;
  if (issuerInput !== undefined && issuerInput !== issuerDid) {
    throw new HttpProblem(422, 'Wrong issuer', `This service issues as ${issuerDid}; leave "issuer" out or set it to that DID.`);
  }
  const context = input['@context'] ?? [defaultFormat === 'vc-jose-2.0' ? VC_V2_CONTEXT : VC_V1_CONTEXT];
  const format: CredentialFormat = Array.isArray(context) && context[0] === VC_V2_CONTEXT ? 'vc-jose-2.0' : 'vc-jwt-1.1';
  const issued = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const candidate = {
    ...input,
    '@context': context,
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: input.type ?? ['VerifiableCredential', 'QualificationCredential'],
    issuer: issuerDid,
    ...(format === 'vc-jose-2.0' ? { validFrom: input.validFrom ?? issued } : { issuanceDate: input.issuanceDate ?? issued }),
    credentialSchema: input.credentialSchema ?? { id: QUALIFICATION_SCHEMA_ID, type: 'JsonSchema' },
  };
  const mixed = format === 'vc-jose-2.0' ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const wrong = mixed.find((name) => name in input);
  if (wrong) {
    throw new HttpProblem(422, 'Invalid credential', `"${wrong}" belongs to the other data model version than this credential's @context; use ${format === 'vc-jose-2.0' ? 'validFrom/validUntil' : 'issuanceDate/expirationDate'}.`, { errors: [`/${wrong} is not allowed with this @context`] });
  }
  const validate = validatorFor(QUALIFICATION_SCHEMA_ID)!;
  if (!validate(candidate)) {
    const errors = describeSchemaErrors(validate.errors, 10);
    throw new HttpProblem(422, 'Invalid credential', `The credential does not match the qualification schema: ${errors.join('; ')}.`, { errors });
  }
  const c = candidate as UnsignedQualificationCredential;
  const [from, until, fromName, untilName] =
    format === 'vc-jose-2.0' ? [c.validFrom, c.validUntil, 'validFrom', 'validUntil'] : [c.issuanceDate, c.expirationDate, 'issuanceDate', 'expirationDate'];
  if (until && Date.parse(until) <= Date.parse(String(from))) {
    const errors = [`/${untilName} must be later than /${fromName}`];
    throw new HttpProblem(422, 'Invalid credential', `"${untilName}" must be later than "${fromName}".`, { errors });
  }
  return { credential: c, format };
}
