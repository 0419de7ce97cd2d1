import { isPlainObject } from '../../json-limits.ts';

/**
 * The W3C (JSON) form of a VC-JWT 1.1 payload: the `vc` claim with the registered JWT claims
 * mapped back (iss -> issuer, sub -> credentialSubject.id, jti -> id, nbf/exp -> dates), as in
 * the VC Data Model 1.1 JWT encoding rules.
 */
export function credentialFromJwtPayload(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const vc = payload.vc;
  if (typeof vc !== 'object' || vc === null || Array.isArray(vc)) return undefined;
  const credential: Record<string, unknown> = { ...(vc as Record<string, unknown>) };
  const subject = credential.credentialSubject;
  if (typeof subject !== 'object' || subject === null || Array.isArray(subject)) return undefined;
  const date = (seconds: unknown) =>
    typeof seconds === 'number' && Number.isFinite(seconds)
      ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
      : undefined;
  // An issuer object keeps its other members (name, description): `iss` is its id.
  if (typeof payload.iss === 'string')
    credential.issuer = isPlainObject(credential.issuer) ? { ...credential.issuer, id: payload.iss } : payload.iss;
  if (typeof payload.jti === 'string') credential.id = payload.jti;
  if (typeof payload.sub === 'string') credential.credentialSubject = { id: payload.sub, ...(subject as object) };
  const issued = date(payload.nbf);
  const expires = date(payload.exp);
  if (issued) credential.issuanceDate = issued;
  if (expires) credential.expirationDate = expires;
  return credential;
}
