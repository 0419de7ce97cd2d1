import { createHash } from 'node:crypto';
import { normalizeClaimCode } from '../core/claim-code-text.ts';
import { RandomPool } from '../core/random-pool.ts';

export { normalizeClaimCode };

// Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_BYTES = 20;
const random = new RandomPool();

/** A 100-bit claim code, shown as five groups of four characters (e.g. printed on a certificate). */
export function newClaimCode(): string {
  const bytes = random.take(CODE_BYTES);
  let code = '';
  for (let i = 0; i < CODE_BYTES; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += ALPHABET[bytes[i]! & 31];
  }
  return code;
}

export function claimCodeHash(code: string): string {
  return createHash('sha256').update(normalizeClaimCode(code)).digest('hex');
}
