import type { KeyObject } from 'node:crypto';

/** The JWS algorithms a verification key can be pinned to. */
export type JoseAlg =
  | 'EdDSA'
  | 'ES256'
  | 'ES256K'
  | 'ES384'
  | 'ES512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256K-R';

/** A public key able to verify JWS signatures, pinned to the algs it may verify. */
export interface VerificationKey {
  id: string;
  /**
   * The public key. Absent only for an Ethereum account verification method
   * (EcdsaSecp256k1RecoveryMethod2020), which is checked by recovering the signer's address.
   */
  key?: KeyObject;
  /** The JWS alg this key verifies (the first of `algs`): pinning it defeats algorithm confusion. */
  alg: JoseAlg;
  /** Every alg this key may verify; `[alg]` when absent. Only Ethereum account keys have two (ES256K-R, ES256K). */
  algs?: readonly JoseAlg[];
  /** For EcdsaSecp256k1RecoveryMethod2020: the lower-case 0x address a signature must recover to. */
  ethereumAddress?: string;
  /** The `kid` member of the key's JWK, when the document gave one. */
  jwkKid?: string;
}
