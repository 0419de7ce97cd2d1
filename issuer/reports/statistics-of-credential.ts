/** What the occupation report needs of one credential. */
export interface CredentialStatistics {
  awarded_on: string;
  occupation_code: string | null;
  occupation_title: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown> | undefined;
const member = (value: unknown, name: string): Json =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[name] as Json) : undefined;
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The qualification's award date and occupation, from a signed credential in any of the issuer's formats. */
export function statisticsOfCredential(jwt: string): CredentialStatistics | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  // VC-JWT 1.1 carries the credential in the `vc` claim; VC-JOSE 2.0 is the credential itself.
  const credential = member(payload, 'vc') ?? payload;
  return fromQualification(member(member(credential, 'credentialSubject'), 'qualification'));
}

/** The same, from the qualification of an unsigned credential. */
export function fromQualification(qualification: unknown): CredentialStatistics | undefined {
  const awardedOn = member(qualification, 'awardedOn');
  if (typeof awardedOn !== 'string' || !DATE.test(awardedOn)) return undefined;
  const occupation = member(qualification, 'occupation');
  return {
    awarded_on: awardedOn,
    occupation_code: text(member(occupation, 'code')),
    occupation_title: text(member(occupation, 'title')),
  };
}
