import { describe, expect, it } from 'vitest';
import { RandomPool } from './random-pool.ts';

describe('RandomPool', () => {
  it('hands out fresh bytes each time, across refills of the pool', () => {
    const pool = new RandomPool(64);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const bytes = pool.take(12);
      expect(bytes).toHaveLength(12);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(1000);
  });

  it('hands out a copy: wiping the pool after use leaves the caller its random bytes', () => {
    const pool = new RandomPool(64);
    expect(pool.take(16).equals(Buffer.alloc(16))).toBe(false);
  });

  it('refuses more bytes at once than it holds', () => {
    expect(() => new RandomPool(16).take(17)).toThrow(RangeError);
  });
});
