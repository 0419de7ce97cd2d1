const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ENVELOPE_PREFIXES = ['data:application/jwt,', 'data:application/vc+jwt,', 'data:application/vp+jwt,'];

/**
 * The compact JWS inside a VC API credential or presentation input: a bare JWT string, or an
 * Enveloped(Verifiable)Credential/Presentation whose id is a `data:` URL holding one.
 */
export function jwtOfCredentialInput(input: unknown): string | undefined {
  if (typeof input === 'string') return JWT.test(input) ? input : undefined;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const { type, id } = input as { type?: unknown; id?: unknown };
  const types = Array.isArray(type) ? type : [type];
  if (!types.some((t) => t === 'EnvelopedVerifiableCredential' || t === 'EnvelopedVerifiablePresentation')) return undefined;
  if (typeof id !== 'string') return undefined;
  const prefix = ENVELOPE_PREFIXES.find((p) => id.startsWith(p));
  const jwt = prefix ? id.slice(prefix.length) : undefined;
  return jwt && JWT.test(jwt) ? jwt : undefined;
}
