import { varint } from 'multiformats';

/** Multicodec codes of the public key types a did:key or a Multikey may hold. */
export const MULTICODEC = {
  ed25519: 0xed,
  x25519: 0xec,
  secp256k1: 0xe7,
  p256: 0x1200,
  p384: 0x1201,
  p521: 0x1202,
  rsa: 0x1205,
  bls12381g1: 0xea,
  bls12381g2: 0xeb,
  bls12381g1g2: 0xee,
} as const;

/** Key bytes tagged with their multicodec code (an unsigned varint before them). */
export function withMulticodec(code: number, key: Uint8Array): Buffer {
  const prefix = new Uint8Array(varint.encodingLength(code));
  varint.encodeTo(code, prefix);
  return Buffer.concat([prefix, key]);
}

/** The multicodec code of tagged key bytes and the key after it; undefined when they start with no varint. */
export function splitMulticodec(bytes: Uint8Array): { code: number; key: Buffer } | undefined {
  try {
    const [code, length] = varint.decode(bytes);
    return { code, key: Buffer.from(bytes.subarray(length)) };
  } catch {
    return undefined;
  }
}
