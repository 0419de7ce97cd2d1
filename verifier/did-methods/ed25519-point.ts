import { ed25519 } from '@noble/curves/ed25519';

/**
 * Encodings of the Ed25519 points of small order (the identity, and points of order 2, 4 and 8,
 * with their non-canonical forms), as listed by libsodium. OpenSSL accepts them as public keys,
 * and with such a key a signature made of the key bytes and zeros verifies any message.
 */
const SMALL_ORDER_ED25519 = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Buffer.from(hex, 'hex'));

/**
 * Whether 32 bytes decode to a point of the Ed25519 curve (RFC 8032 5.1.3, y below the field
 * prime). About half of all byte strings do not, a mistyped key among them; node:crypto imports
 * them all the same.
 */
export function isEd25519Point(key: Uint8Array): boolean {
  const hex = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex');
  let answer = recentAnswers.get(hex);
  if (answer === undefined) {
    try {
      ed25519.Point.fromBytes(key);
      answer = true;
    } catch {
      answer = false;
    }
    if (recentAnswers.size >= RECENT_ANSWERS_KEPT) recentAnswers.delete(recentAnswers.keys().next().value!);
    recentAnswers.set(hex, answer);
  }
  return answer;
}

/**
 * The answers for the keys checked last. A did:key's key is checked when the DID is resolved and
 * again when its key is read, and each check (a square root in BigInt arithmetic) took 85 µs: a
 * cohort row naming its learner by did:key spent 170 of its 236 µs here (bench sign).
 */
const recentAnswers = new Map<string, boolean>();
const RECENT_ANSWERS_KEPT = 256;

/** Whether the key is a small-order point; compares ignoring the sign bit (the top bit of the last byte), as libsodium does. */
export function isSmallOrderEd25519(key: Uint8Array): boolean {
  return SMALL_ORDER_ED25519.some((bad) =>
    bad.every((byte, i) => (i === 31 ? (byte & 0x7f) === (key[i]! & 0x7f) : byte === key[i])),
  );
}
