import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { describe, expect, it } from 'vitest';
import { isEd25519Point } from './ed25519-point.ts';

const decodes = (key: Uint8Array) => {
  try {
    ed25519.Point.fromBytes(key);
    return true;
  } catch {
    return false;
  }
};

describe('isEd25519Point', () => {
  it('answers as the curve decodes, checked first, again, and after many other keys', () => {
    const keys = Array.from({ length: 600 }, () => randomBytes(32));
    const expected = keys.map(decodes);
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    for (const round of [0, 1])
      keys.forEach((key, i) => {
        expect(isEd25519Point(key), `key ${i}, round ${round}`).toBe(expected[i]);
        expect(isEd25519Point(new Uint8Array(key)), `key ${i} copied`).toBe(expected[i]);
      });
    // A view into a larger buffer is read as its own bytes.
    const inside = Buffer.concat([Buffer.alloc(7), keys[0]!, Buffer.alloc(5)]).subarray(7, 39);
    expect(isEd25519Point(inside)).toBe(expected[0]);
  });
});
