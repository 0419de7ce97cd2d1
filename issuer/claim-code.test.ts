/** Claim codes: what a learner types from a certificate to collect a credential. */
import { describe, expect, it } from 'vitest';
import { claimCodeHash, newClaimCode, normalizeClaimCode } from './claim-code.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

describe('newClaimCode', () => {
  it('is five dash-separated groups of four Crockford base32 characters (no I, L, O, U)', () => {
    for (let i = 0; i < 1000; i++) {
      const code = newClaimCode();
      expect(code).toMatch(FORMAT);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  it('holds 100 random bits: no duplicates among 10,000 codes and every symbol equally likely', () => {
    const codes = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const code = newClaimCode();
      codes.add(code);
      for (const char of code.replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(codes.size).toBe(10_000);
    // 20 symbols of 5 bits each.
    expect(Math.log2(CROCKFORD.length) * 20).toBe(100);
    expect([...counts.keys()].sort().join('')).toBe(CROCKFORD);
    // 200,000 symbols: 6,250 expected per symbol, standard deviation ~78. A biased mapping
    // (e.g. modulo of a non-power-of-two) would be far outside this band.
    for (const [char, count] of counts) {
      expect(count, char).toBeGreaterThan(5_500);
      expect(count, char).toBeLessThan(7_000);
    }
  });

  it('every position varies (no fixed characters)', () => {
    const seen = Array.from({ length: 20 }, () => new Set<string>());
    for (let i = 0; i < 2_000; i++) {
      for (const [at, c] of [...newClaimCode().replace(/-/g, '')].entries()) seen[at]!.add(c);
    }
    for (const [at, set] of seen.entries()) expect(set.size, `position ${at}`).toBe(32);
  });
});

describe('normalizeClaimCode', () => {
  it('ignores case, spaces and dashes', () => {
    const code = 'AB12-CD34-EF56-GH78-JK9M';
    expect(normalizeClaimCode(code)).toBe('AB12CD34EF56GH78JK9M');
    expect(normalizeClaimCode('ab12-cd34-ef56-gh78-jk9m')).toBe('AB12CD34EF56GH78JK9M');
    expect(normalizeClaimCode('ab12cd34ef56gh78jk9m')).toBe('AB12CD34EF56GH78JK9M');
    expect(normalizeClaimCode(' AB12 CD34  EF56\tGH78 - JK9M ')).toBe('AB12CD34EF56GH78JK9M');
  });

  it('reads the look-alikes I and L as 1 and O as 0, in either case', () => {
    expect(normalizeClaimCode('IiLl-OoAB')).toBe('11110' + '0AB');
    expect(normalizeClaimCode('1O0I')).toBe('1001');
  });

  it('leaves a code as issued unchanged except for its dashes', () => {
    for (let i = 0; i < 200; i++) {
      const code = newClaimCode();
      expect(normalizeClaimCode(code)).toBe(code.replace(/-/g, ''));
    }
  });
});

describe('claimCodeHash', () => {
  it('is the same for every way a person may type the code back', () => {
    const code = newClaimCode();
    const hash = claimCodeHash(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      code.toLowerCase(),
      code.replace(/-/g, ''),
      code.replace(/-/g, ' '),
      ` ${code.toLowerCase().replace(/-/g, '')} `,
      code.replace(/1/g, 'I').replace(/0/g, 'O'),
      code.replace(/1/g, 'l').replace(/0/g, 'o'),
    ];
    for (const variant of variants) expect(claimCodeHash(variant), variant).toBe(hash);
  });

  it('differs for different codes', () => {
    expect(claimCodeHash('AAAA-AAAA-AAAA-AAAA-AAAA')).not.toBe(claimCodeHash('AAAA-AAAA-AAAA-AAAA-AAAB'));
    expect(claimCodeHash(newClaimCode())).not.toBe(claimCodeHash(newClaimCode()));
  });
});
