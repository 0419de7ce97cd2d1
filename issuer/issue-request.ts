import { randomUUID } from 'node:crypto';
import { HttpProblem } from '../core/http.ts';
import { describeSchemaErrors, QUALIFICATION_SCHEMA_ID, validatorFor } from '../core/schemas.ts';

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** The credential, in W3C VC 1.1 form, before it is signed. */
export interface UnsignedQualificationCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  issuanceDate: string;
  expirationDate?: string;
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
export function credentialFromIssueRequest(body: Record<string, unknown>, issuerDid: string, now: Date): UnsignedQualificationCredential {
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
  const candidate = {
    ...input,
    '@context': input['@context'] ?? [VC_V1_CONTEXT],
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: input.type ?? ['VerifiableCredential', 'QualificationCredential'],
    issuer: issuerDid,
    issuanceDate: input.issuanceDate ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSchema: input.credentialSchema ?? { id: QUALIFICATION_SCHEMA_ID, type: 'JsonSchema' },
  };
  const validate = validatorFor(QUALIFICATION_SCHEMA_ID)!;
  if (!validate(candidate)) {
    const errors = describeSchemaErrors(validate.errors, 10);
    throw new HttpProblem(422, 'Invalid credential', `The credential does not match the qualification schema: ${errors.join('; ')}.`, { errors });
  }
  const expiration = (candidate as { expirationDate?: string }).expirationDate;
  if (expiration && Date.parse(expiration) <= Date.parse(String(candidate.issuanceDate))) {
    const errors = ['/expirationDate must be later than /issuanceDate'];
    throw new HttpProblem(422, 'Invalid credential', '"expirationDate" must be later than "issuanceDate".', { errors });
  }
  return candidate as UnsignedQualificationCredential;
}
