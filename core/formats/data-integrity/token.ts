import canonicalizeModule from 'canonicalize';
import { isPlainObject, own } from '../../json-limits.ts';

/** RFC 8785 (JCS). The package is CommonJS whose types declare an ES default export: at run time the default is the function itself. */
export const jcs = canonicalizeModule as unknown as (value: unknown) => string;

/**
 * A credential with an embedded proof (Data Integrity) has no compact serialisation of its own:
 * its token is its JCS form, so the same credential always gives the same text, and so the same
 * credential hash, however it was spaced or ordered when it was sent.
 */
export function embeddedProofToken(value: unknown): string | undefined {
  if (!isPlainObject(value) || own(value, 'proof') === undefined) return undefined;
  return jcs(value);
}
