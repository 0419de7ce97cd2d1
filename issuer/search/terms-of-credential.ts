import { type SearchField, termsOf } from './fold.ts';

type Json = Record<string, unknown> | undefined;
const member = (value: unknown, name: string): Json =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[name] as Json) : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export interface SearchTerm {
  credential_id: string;
  field: SearchField;
  term: string;
}

/** The words a credential is found by: the learner's name, the qualification's and the occupation's title and code. */
export function termsOfSubject(credentialId: string, subject: unknown): SearchTerm[] {
  const qualification = member(subject, 'qualification');
  const occupation = member(qualification, 'occupation');
  const fields: [SearchField, string[]][] = [
    ['name', termsOf(text(member(subject, 'name')))],
    ['qualification', termsOf(text(member(qualification, 'title')), text(member(qualification, 'code')))],
    ['occupation', termsOf(text(member(occupation, 'title')), text(member(occupation, 'code')))],
  ];
  return fields.flatMap(([field, terms]) => terms.map((term) => ({ credential_id: credentialId, field, term })));
}

/** The same, from a signed credential in any of the issuer's formats (for credentials issued before the index). */
export function termsOfSignedCredential(credentialId: string, jwt: string): SearchTerm[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  // VC-JWT 1.1 carries the credential in the `vc` claim; VC-JOSE 2.0 is the credential itself.
  const credential = member(payload, 'vc') ?? payload;
  return termsOfSubject(credentialId, member(credential, 'credentialSubject'));
}
