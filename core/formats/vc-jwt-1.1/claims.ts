import { isPlainObject } from '../../json-limits.ts';

/**
 * Top-level members did-jwt-vc's transformCredentialInput reads as JWT claims already made, and
 * "__proto__", which its copy keeps as a member where an assignment here would not.
 */
const NOT_MAPPED_HERE = ['vc', 'sub', 'jti', 'nbf', 'exp', 'iss', 'iat', 'context', '__proto__'];
/** The W3C members did-jwt-vc moves into `vc`, in its order (its `additionalPropNames`). */
const MOVED_INTO_VC = ['evidence', 'termsOfUse', 'refreshService', 'credentialSchema', 'credentialStatus'];

const unique = (value: unknown): unknown[] => [
  ...new Set((Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined)),
];
const seconds = (date: unknown): number | undefined => {
  const time = date ? Date.parse(date as string) : Number.NaN;
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
};

/**
 * The JWT claims did-jwt-vc 4.0's createVerifiableCredentialJwt makes of a credential (through
 * transformCredentialInput and did-jwt's createJWT), member for member and in its order, so the
 * signed token is byte for byte the one it signs. An issuer object stays whole in `vc.issuer`, its
 * id also `iss` (VC-JWT 1.1). Undefined for a credential whose mapping depends on more than this
 * follows (JWT claims given already, an issuer without a string id, subjects that are no object,
 * a member named "__proto__"):
 * did-jwt-vc signs those.
 */
export function vcJwtClaims(credential: Record<string, unknown>, issuerDid: string): object | undefined {
  const { issuer, credentialSubject } = credential;
  const issuerId = isPlainObject(issuer) ? issuer.id : issuer;
  if (typeof issuerId !== 'string' || issuerId === '' || !isPlainObject(credentialSubject)) return undefined;
  if (NOT_MAPPED_HERE.some((name) => Object.hasOwn(credential, name))) return undefined;
  const { id: sub, ...subject } = credentialSubject;
  const vc: Record<string, unknown> = {
    ...(isPlainObject(issuer) ? { issuer } : {}),
    '@context': unique(credential['@context']),
    type: unique(credential.type),
    credentialSubject: subject,
  };
  for (const name of MOVED_INTO_VC) if (credential[name]) vc[name] = credential[name];
  const nbf = seconds(credential.issuanceDate);
  const exp = seconds(credential.expirationDate);
  const mapped = new Set(['@context', 'type', 'credentialSubject', 'issuer', ...MOVED_INTO_VC.filter((n) => vc[n])]);
  if (credential.id) mapped.add('id');
  if (nbf !== undefined) mapped.add('issuanceDate');
  if (exp !== undefined) mapped.add('expirationDate');
  const claims: Record<string, unknown> = {};
  // createJWT's own `iat` and `exp` come first; did-jwt-vc leaves `iat` out.
  if (exp !== undefined) claims.exp = exp;
  claims.vc = vc;
  for (const name of Object.keys(credential)) if (!mapped.has(name)) claims[name] = credential[name];
  if (sub !== undefined) claims.sub = sub;
  if (credential.id) claims.jti = credential.id;
  if (nbf !== undefined) claims.nbf = nbf;
  claims.iss = issuerDid;
  return claims;
}
