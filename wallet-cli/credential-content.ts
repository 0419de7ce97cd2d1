import { describeSchemaErrors, QUALIFICATION_SCHEMA_ID, validatorFor } from '../core/schemas.ts';

const has = (list: unknown, value: string) => list === value || (Array.isArray(list) && list.includes(value));
const ids = (declared: unknown) =>
  (Array.isArray(declared) ? declared : [declared]).map((s) => (s as { id?: unknown } | null)?.id);

/**
 * A credential that presents itself as a Skillmark qualification, by its type, its declared schema
 * or the `qualification` the wallet shows: it must match the schema the issuer validates against.
 */
function claimsToBeQualification(credential: Record<string, unknown>): boolean {
  const subjects = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject
    : [credential.credentialSubject];
  return (
    has(credential.type, 'QualificationCredential') ||
    ids(credential.credentialSchema).includes(QUALIFICATION_SCHEMA_ID) ||
    subjects.some((s) => typeof s === 'object' && s !== null && 'qualification' in s)
  );
}

/**
 * What is wrong with a credential's content, in plain words (none: it may be stored). Structure
 * common to every credential is checked when it is read; a Skillmark qualification must also
 * match its schema, so the wallet never stores one it could not show.
 */
export function contentProblems(credential: Record<string, unknown>): string[] {
  if (!claimsToBeQualification(credential)) return [];
  const validate = validatorFor(QUALIFICATION_SCHEMA_ID)!;
  return validate(credential) ? [] : describeSchemaErrors(validate.errors);
}
