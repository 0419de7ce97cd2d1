import { constants, type KeyObject, type VerifyKeyObjectInput, verify } from 'node:crypto';
import { verifyByEthereumRecovery } from './ethereum-recovery.ts';
import type { JoseAlg, VerificationKey } from './verification-key.ts';

const HASH_OF: Partial<Record<JoseAlg, string>> = {
  ES256: 'sha256',
  ES256K: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  PS256: 'sha256',
  PS384: 'sha384',
  PS512: 'sha512',
};
const EC_SIGNATURE_BYTES: Partial<Record<JoseAlg, number>> = { ES256: 64, ES256K: 64, ES384: 96, ES512: 132 };
const CURVE_OF: Partial<Record<JoseAlg, string>> = {
  ES256: 'prime256v1',
  ES256K: 'secp256k1',
  ES384: 'secp384r1',
  ES512: 'secp521r1',
};

/** Whether the key may verify a JWS whose header names `alg` (never "none", never HS*, never another key type's alg). */
export function algAllowed(key: VerificationKey, alg: unknown): alg is JoseAlg {
  return typeof alg === 'string' && (key.algs ?? [key.alg]).includes(alg as JoseAlg);
}

type NodeVerifyArgs = [algorithm: string | null, key: VerifyKeyObjectInput | KeyObject];

/**
 * What node:crypto needs to check a JWS signature with this key and alg, `'recover'` for
 * Ethereum-account keys, or false when the key, alg and signature cannot belong together.
 */
function verifyArgs(key: VerificationKey, signature: Buffer, alg: string): NodeVerifyArgs | 'recover' | false {
  if (!algAllowed(key, alg)) return false;
  if (alg === 'ES256K-R' || (alg === 'ES256K' && key.ethereumAddress)) return 'recover';
  const publicKey = key.key;
  if (!publicKey) return false;
  if (alg === 'EdDSA')
    return publicKey.asymmetricKeyType === 'ed25519' && signature.length === 64 ? [null, publicKey] : false;
  const hash = HASH_OF[alg];
  if (!hash) return false;
  if (alg.startsWith('ES')) {
    if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== CURVE_OF[alg])
      return false;
    if (signature.length !== EC_SIGNATURE_BYTES[alg]) return false;
    return [hash, { key: publicKey, dsaEncoding: 'ieee-p1363' }];
  }
  if (publicKey.asymmetricKeyType !== 'rsa') return false;
  if (alg.startsWith('PS'))
    return [
      hash,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
    ];
  return [hash, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }];
}

/**
 * Verifies a JWS signature with a resolved key; JOSE ECDSA signatures are raw r||s. `alg` is the
 * JWS header's alg (default: the key's pinned alg); a header alg the key does not allow fails.
 * Never throws: anything malformed is simply not a valid signature.
 */
export function verifyJwsSignature(
  key: VerificationKey,
  signingInput: Buffer,
  signature: Buffer,
  alg: string = key.alg,
): boolean {
  try {
    const args = verifyArgs(key, signature, alg);
    if (args === 'recover') return verifyByEthereumRecovery(key, signingInput, signature, alg);
    return args !== false && verify(args[0], signingInput, args[1], signature);
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool, so a busy verifier spreads signature work over the
 * machine's cores instead of holding its event loop.
 */
export async function verifyJwsSignatureAsync(
  key: VerificationKey,
  signingInput: Buffer,
  signature: Buffer,
  alg: string = key.alg,
): Promise<boolean> {
  try {
    const args = verifyArgs(key, signature, alg);
    if (args === 'recover') return verifyByEthereumRecovery(key, signingInput, signature, alg);
    if (args === false) return false;
    return await new Promise<boolean>((resolve) =>
      verify(args[0], signingInput, args[1], signature, (error, ok) => resolve(!error && ok)),
    );
  } catch {
    return false;
  }
}
