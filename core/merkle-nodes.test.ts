import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTree, hashPair, leafOf, sha256 } from './merkle.ts';

/**
 * The parts of the Merkle code the conformance and property tests reach only with 32-byte nodes:
 * a pair of inputs of other lengths, and the hex proofs receipts are written from.
 */
const H = (data: Buffer) => createHash('sha256').update(data).digest();
const bytes = (length: number, fill: number) => Buffer.alloc(length, fill);

describe('hashPair', () => {
  it('hashes the two inputs sorted, whatever their lengths', () => {
    const cases: [Buffer, Buffer][] = [
      [bytes(33, 1), bytes(32, 2)],
      [bytes(32, 1), bytes(31, 2)],
      [bytes(5, 9), bytes(64, 3)],
      [bytes(0, 0), bytes(32, 7)],
    ];
    for (const [a, b] of cases) {
      const sorted = Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
      const expected = H(Buffer.concat(sorted)).toString('hex');
      expect(hashPair(a, b, sha256).toString('hex'), `${a.length}+${b.length}`).toBe(expected);
      expect(hashPair(b, a, sha256).toString('hex'), `${b.length}+${a.length}`).toBe(expected);
    }
  });

  it('hashes two 32-byte nodes sorted, with no trace of an earlier pair', () => {
    const low = bytes(32, 1);
    const high = bytes(32, 2);
    hashPair(bytes(32, 0xff), bytes(32, 0xee), sha256);
    expect(hashPair(high, low, sha256).equals(H(Buffer.concat([low, high])))).toBe(true);
    expect(hashPair(low, low, sha256).equals(H(Buffer.concat([low, low])))).toBe(true);
  });
});

describe('proofHex', () => {
  it('is proof(i) as 0x-prefixed hex, for every leaf and on every call', () => {
    const leaves = Array.from({ length: 7 }, (_, i) => leafOf(bytes(32, i + 1), sha256));
    const tree = buildTree(leaves, sha256);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < leaves.length; i++)
        expect(tree.proofHex(i)).toEqual(tree.proof(i).map((node) => `0x${node.toString('hex')}`));
    }
    expect(() => tree.proofHex(7)).toThrow(RangeError);
  });
});
