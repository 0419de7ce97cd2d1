import { createHash } from 'node:crypto';
import { computeAddress, Signature, SigningKey } from 'ethers';
import type { VerificationKey } from './verification-key.ts';

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * ES256K-R (r||s||recovery id, as did-jwt writes it) or ES256K (r||s) against an Ethereum account:
 * the SHA-256 digest's signer is recovered and its address compared. A secp256k1 public key that
 * allows ES256K-R is compared with the recovered key instead.
 */
export function verifyByEthereumRecovery(
  key: VerificationKey,
  signingInput: Buffer,
  signature: Buffer,
  alg: string,
): boolean {
  const digest = createHash('sha256').update(signingInput).digest();
  const r = `0x${signature.subarray(0, 32).toString('hex')}`;
  let sValue = BigInt(`0x${signature.subarray(32, 64).toString('hex') || '0'}`);
  // (r, s, v) and (r, n - s, v ^ 1) are the same signature; ethers only takes the low-s form.
  const flip = sValue > SECP256K1_N / 2n;
  if (flip) sValue = SECP256K1_N - sValue;
  const s = `0x${sValue.toString(16).padStart(64, '0')}`;
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
      const publicKey = SigningKey.recoverPublicKey(
        digest,
        Signature.from({ r, s, v: 27 + (flip ? recovery ^ 1 : recovery) }),
      );
      if (key.ethereumAddress && computeAddress(publicKey).toLowerCase() === key.ethereumAddress) return true;
      if (!key.ethereumAddress && key.key) {
        const jwk = key.key.export({ format: 'jwk' }) as { x?: string; y?: string };
        const recovered = Buffer.from(SigningKey.computePublicKey(publicKey, false).slice(4), 'hex');
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
