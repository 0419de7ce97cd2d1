import { createHash, type KeyObject } from 'node:crypto';

const THUMBPRINT_URI = 'urn:ietf:params:oauth:jwk-thumbprint:sha-256:';
/** The members an RFC 7638 thumbprint is computed from, per key type, in lexicographic order. */
const THUMBPRINT_MEMBERS: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  RSA: ['e', 'kty', 'n'],
};

/** The RFC 7638 SHA-256 JWK thumbprint of a public key (base64url), or undefined for a key type without one. */
export function jwkThumbprint(key: KeyObject): string | undefined {
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  const members = THUMBPRINT_MEMBERS[jwk.kty ?? ''];
  if (!members) return undefined;
  const canonical = JSON.stringify(Object.fromEntries(members.map((m) => [m, jwk[m]])));
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The thumbprint a `kid` names, bare or as a thumbprint URI (RFC 9278); undefined when it cannot be one. */
export function thumbprintNamedBy(kid: string): string | undefined {
  const wanted = kid.startsWith(THUMBPRINT_URI) ? kid.slice(THUMBPRINT_URI.length) : kid;
  return wanted.length === 43 ? wanted : undefined;
}
