import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { keccak_256 } from '@noble/hashes/sha3';
import type { VerificationKey } from './verification-key.ts';

/** An Ethereum address (lower case, 0x-prefixed): the last 20 bytes of the Keccak-256 of the uncompressed key's x||y. */
const addressOf = (xy: Uint8Array) => `0x${Buffer.from(keccak_256(xy).subarray(12)).toString('hex')}`;

/**
 * ES256K-R (r||s||recovery id, as did-jwt writes it) or ES256K (r||s) against an Ethereum account:
 * the SHA-256 digest's signer is recovered and its address compared. A secp256k1 public key that
 * allows ES256K-R is compared with the recovered key instead. On @noble/curves rather than ethers,
 * so that reading a credential (the wallet's every start) does not load the ledger client.
 */
export function verifyByEthereumRecovery(
  key: VerificationKey,
  signingInput: Buffer,
  signature: Buffer,
  alg: string,
): boolean {
  const digest = createHash('sha256').update(signingInput).digest();
  let candidates: number[];
  if (alg === 'ES256K-R') {
    if (signature.length !== 65) return false;
    const recovery = signature[64]! >= 27 ? signature[64]! - 27 : signature[64]!;
    if (recovery !== 0 && recovery !== 1) return false;
    candidates = [recovery];
  } else {
    if (signature.length !== 64) return false;
    candidates = [0, 1];
  }
  for (const recovery of candidates) {
    try {
      const xy = secp256k1.Signature.fromCompact(signature.subarray(0, 64))
        .addRecoveryBit(recovery)
        .recoverPublicKey(digest)
        .toRawBytes(false)
        .subarray(1);
      if (key.ethereumAddress && addressOf(xy) === key.ethereumAddress) return true;
      if (!key.ethereumAddress && key.key) {
        const jwk = key.key.export({ format: 'jwk' }) as { x?: string; y?: string };
        const recovered = Buffer.from(xy);
        if (
          recovered.subarray(0, 32).toString('base64url') === jwk.x &&
          recovered.subarray(32).toString('base64url') === jwk.y
        )
          return true;
      }
    } catch {
      // not recoverable with this id
    }
  }
  return false;
}
