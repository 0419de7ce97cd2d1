import { base58 } from '@scure/base';

/** Longer text is refused unread: base58 decoding takes quadratic time, and no key is nearly this long. */
const MAX_BASE58_LENGTH = 4096;

/** Base58btc text as bytes, leading zero bytes kept; undefined when it is empty, too long or not base58. */
export function decodeBase58(text: string): Buffer | undefined {
  if (text.length === 0 || text.length > MAX_BASE58_LENGTH) return undefined;
  try {
    return Buffer.from(base58.decode(text));
  } catch {
    return undefined;
  }
}
