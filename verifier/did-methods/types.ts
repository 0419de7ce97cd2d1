import type { VerificationKey } from '../../core/jose/verification-key.ts';

/**
 * Why a DID's key could not be found: `invalid` upstream when the DID says no, `unverifiable` when
 * we could not ask (`did_resolution_failed`: network trouble or a timeout only).
 */
export type DidKeyErrorReason = 'unsupported_did_method' | 'did_not_found' | 'key_not_found' | 'did_resolution_failed';

export class DidKeyError extends Error {
  constructor(
    readonly reason: DidKeyErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'DidKeyError';
  }
}

/** A DID short enough for an error message. */
export const shortDid = (did: string) => (did.length > 100 ? `${did.slice(0, 60)}…${did.slice(-20)}` : did);

/** Either a usable key or why a verification method cannot verify a JWS. */
export type KeyOutcome = { ok: true; key: VerificationKey } | { ok: false; why: string };

export const unusable = (why: string): KeyOutcome => ({ ok: false, why });

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

export interface MethodResolver {
  (did: string, context: MethodContext): Promise<MethodResolution>;
  /** Set when its documents come from a URL the identifier names: each resolution then costs one fetch of the request's budget. */
  readonly fetchesNamedUrl?: true;
}
