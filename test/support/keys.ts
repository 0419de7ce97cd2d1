import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

type KeyType = 'ed25519' | 'x25519' | 'ec' | 'rsa';

/**
 * A fresh key pair for a test, as KeyObjects that share nothing with the generation job.
 * Why not `generateKeyPairSync(...)` with KeyObjects: on Node 20, exporting such a key (e.g. as
 * JWK) while the garbage collector frees its finished generation job can deadlock the process
 * (both take the key's mutex; seen here as a vitest worker stuck for good in ExportJWKEcKey).
 * Keys generated as DER and imported again have a mutex of their own.
 */
export function freshKeyPair(
  type: KeyType,
  options: { namedCurve?: string; modulusLength?: number } = {},
): { publicKey: KeyObject; privateKey: KeyObject } {
  const der = generateKeyPairSync(type as 'ec', {
    ...(options as { namedCurve: string }),
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return {
    publicKey: createPublicKey({ key: der.publicKey, format: 'der', type: 'spki' }),
    privateKey: createPrivateKey({ key: der.privateKey, format: 'der', type: 'pkcs8' }),
  };
}
