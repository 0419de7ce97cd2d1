import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The W3C Bitstring Status List v1.0 minimum length (§ 6.1): 131,072 entries (16 KB), so that one
 * credential's bit hides among at least that many (herd privacy).
 */
export const MIN_LIST_SIZE = 131_072;
/** The largest list a verifier decodes (16 MB of bits): a gzip bomb stops there. */
export const MAX_LIST_BYTES = 2 * 1024 * 1024;

/**
 * A status list's bits, index 0 the left-most bit of the first byte, as the specification orders
 * them. Written by hand: it is a few lines over node:zlib, and the project must control the exact
 * bytes it commits to on the ledger.
 */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(sizeOrBytes: number | Uint8Array) {
    if (typeof sizeOrBytes === 'number') {
      if (!Number.isInteger(sizeOrBytes) || sizeOrBytes <= 0 || sizeOrBytes % 8 !== 0)
        throw new RangeError('a status list size must be a positive multiple of 8');
      this.bytes = new Uint8Array(sizeOrBytes / 8);
    } else this.bytes = sizeOrBytes;
  }

  get size(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.#check(index);
    return (this.bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value = true): void {
    this.#check(index);
    if (value) this.bytes[index >> 3]! |= 0x80 >> (index & 7);
    else this.bytes[index >> 3]! &= ~(0x80 >> (index & 7));
  }

  /** Whether any bit is set. */
  any(): boolean {
    return this.bytes.some((b) => b !== 0);
  }

  /** `encodedList`: GZIP-compressed, then multibase base64url without padding (prefix `u`). */
  encode(): string {
    return `u${gzipSync(this.bytes).toString('base64url')}`;
  }

  /** Reads an `encodedList`; throws a RangeError for anything that is not one. */
  static decode(encodedList: string): Bitstring {
    if (typeof encodedList !== 'string' || !encodedList.startsWith('u') || !/^u[A-Za-z0-9_-]+$/.test(encodedList))
      throw new RangeError('encodedList is not multibase base64url (u…)');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), { maxOutputLength: MAX_LIST_BYTES });
    } catch {
      throw new RangeError('encodedList is not a GZIP-compressed bitstring of at most 2 MB');
    }
    if (bytes.length === 0) throw new RangeError('encodedList is empty');
    return new Bitstring(new Uint8Array(bytes));
  }

  #check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`status list index ${index} is outside the list (size ${this.size})`);
  }
}
