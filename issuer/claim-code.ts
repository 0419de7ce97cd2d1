import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 100-bit claim code, shown as five groups of four characters (e.g. printed on a certificate). */
export function newClaimCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (let i = 0; i < 20; i++) code += ALPHABET[bytes[i]! & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** Case, separators and look-alike letters do not matter when a person types the code back. */
export function normalizeClaimCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export function claimCodeHash(code: string): string {
  return createHash('sha256').update(normalizeClaimCode(code)).digest('hex');
}
