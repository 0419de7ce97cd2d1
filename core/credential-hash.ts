import { sha256 } from './merkle.ts';

/**
 * The fingerprint of an issued credential: SHA-256 of its exact serialized form (the compact JWS).
 * It is what Merkle leaves and on-chain revocations refer to; it reveals nothing about the learner.
 */
export function credentialHash(serialized: string): string {
  return `0x${sha256(Buffer.from(serialized, 'utf8')).toString('hex')}`;
}
