import type { KeyObject } from 'node:crypto';

/**
 * Why a DID's key could not be found: `invalid` upstream when the DID says no, `unverifiable` when
 * we could not ask (`did_resolution_failed`: network trouble or a timeout only).
 */
export type DidKeyErrorReason = 'unsupported_did_method' | 'did_not_found' | 'key_not_found' | 'did_resolution_failed';

export class DidKeyError extends Error {
  constructor(readonly reason: DidKeyErrorReason, message: string) {
    super(message);
    this.name = 'DidKeyError';
  }
}

/** The JWS algorithms a resolved key can be pinned to. */
export type JoseAlg = 'EdDSA' | 'ES256' | 'ES256K' | 'ES384' | 'ES512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256K-R';

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

/** The parts of a DID document this verifier reads. */
export interface DidVerificationMethod {
  id: string;
  type: string;
  controller?: string;
  publicKeyJwk?: Record<string, unknown>;
  publicKeyMultibase?: string;
  publicKeyBase58?: string;
  publicKeyHex?: string;
  blockchainAccountId?: string;
  ethereumAddress?: string;
}

export interface DidDocument {
  id: string;
  verificationMethod?: unknown[];
  assertionMethod?: unknown[];
  authentication?: unknown[];
  [key: string]: unknown;
}

/** What a method resolver hands back; `ttlMs` overrides the resolver's cache lifetime (Infinity: never changes). */
export interface MethodResolution {
  document: DidDocument;
  ttlMs?: number;
}

export interface MethodContext {
  fetch: typeof fetch;
  timeoutMs: number;
  maxDocumentBytes: number;
}

export type MethodResolver = (did: string, context: MethodContext) => Promise<MethodResolution>;
