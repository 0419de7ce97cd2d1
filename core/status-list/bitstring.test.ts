import { gzipSync } from 'node:zlib';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import { Bitstring, MIN_LIST_SIZE } from './bitstring.ts';
import { bitstringCommitment, statusListEntry, statusListKey } from './entry.ts';

describe('Bitstring', () => {
  it('numbers bits from the left-most bit of the first byte, as the specification does', () => {
    const bits = new Bitstring(16);
    bits.set(0);
    bits.set(9);
    expect([...bits.bytes]).toEqual([0b1000_0000, 0b0100_0000]);
    expect(bits.get(0) && bits.get(9) && !bits.get(1)).toBe(true);
    bits.set(0, false);
    expect(bits.bytes[0]).toBe(0);
  });

  it('encodes as GZIP then multibase base64url, which an independent implementation reads, and back', async () => {
    const ours = new Bitstring(MIN_LIST_SIZE);
    for (const i of [0, 7, 8, 65_537, MIN_LIST_SIZE - 1]) ours.set(i);
    const encoded = ours.encode();
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const theirs = await decodeList({ encodedList: encoded });
    for (const i of [0, 7, 8, 65_537, MIN_LIST_SIZE - 1]) expect(theirs.getStatus(i)).toBe(true);
    expect(theirs.getStatus(1)).toBe(false);

    const made = await createList({ length: MIN_LIST_SIZE });
    made.setStatus(42, true);
    const read = Bitstring.decode(await made.encode());
    expect(read.size).toBe(MIN_LIST_SIZE);
    expect(read.get(42) && !read.get(41)).toBe(true);
  });

  it('refuses what is not an encoded list, and stops a decompression bomb at 2 MB', () => {
    expect(() => Bitstring.decode('zabc')).toThrow(/multibase base64url/);
    expect(() => Bitstring.decode('u!!')).toThrow(/multibase base64url/);
    expect(() => Bitstring.decode('uAAAA')).toThrow(/GZIP/);
    const bomb = `u${gzipSync(Buffer.alloc(3 * 1024 * 1024)).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => Bitstring.decode(bomb)).toThrow(/at most 2 MB/);
    expect(() => new Bitstring(8).get(8)).toThrow(RangeError);
    expect(() => new Bitstring(12)).toThrow(RangeError);
  });

  it('names an entry by its list URL and index, and keys the list and its bits by SHA-256', () => {
    const url = 'https://college.example/status-lists/0f6c3f2e-1c1b-4c5e-9a1b-2b3c4d5e6f70';
    expect(statusListEntry(url, 94567)).toEqual({
      id: `${url}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: url,
    });
    expect(statusListKey(url)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(bitstringCommitment(new Uint8Array(2))).toBe(
      '0x96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    );
  });
});
