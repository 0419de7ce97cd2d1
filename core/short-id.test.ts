import { describe, expect, it } from 'vitest';
import { credentialHash } from './credential-hash.ts';
import { SHORT_ID, shortIdOf } from './short-id.ts';

describe('short id', () => {
  it("is the first eight hex digits of the credential's hash, in lower case, with or without 0x", () => {
    const hash = credentialHash('eyJhbGciOiJFZERTQSJ9.e30.c2ln');
    expect(shortIdOf(hash)).toBe(hash.slice(2, 10));
    expect(shortIdOf(hash.slice(2).toUpperCase())).toBe(hash.slice(2, 10));
    expect(SHORT_ID.test(shortIdOf(hash))).toBe(true);
  });

  it('is told apart from a UUID, a longer or a shorter text', () => {
    for (const text of ['3f1c2b7e-5a64-4e1b-9d0a-7c2f8e6b1a90', '3f1c2b7', '3f1c2b7e0', '3f1c2b7g', ''])
      expect(SHORT_ID.test(text), text).toBe(false);
  });
});
