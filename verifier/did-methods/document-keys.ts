import type { KeyPurpose } from '../../core/formats/index.ts';
import { jwkThumbprint } from '../../core/jose/jwk-thumbprint.ts';
import type { VerificationKey } from '../../core/jose/verification-key.ts';
import { isPlainObject } from '../../core/json-limits.ts';
import { type DidDocument, DidKeyError, type DidVerificationMethod, shortDid } from './types.ts';
import { keyOfVerificationMethod } from './verification-method.ts';

export interface DocumentKeys {
  assertionMethod: VerificationKey[];
  authentication: VerificationKey[];
  /** Listed keys that cannot verify a JWS, with why (for error messages). */
  unusable: { id: string; why: string }[];
  /** The RFC 7638 thumbprint of each listed key that has one (a JWS kid may name a key by it). */
  thumbprints: Map<VerificationKey, string>;
}

/** Relationships and verification methods read per document; more are ignored. */
const MAX_METHODS = 100;
/** A DID of the longest accepted length and a fragment. */
const MAX_METHOD_ID_LENGTH = 2048 + 200;

/** The keys a DID document lists for assertions and for authentication. */
export function keysOfDocument(did: string, document: DidDocument): DocumentKeys {
  if (!isPlainObject(document) || document.id !== did)
    throw new DidKeyError('did_not_found', `the DID document is not for ${shortDid(did)}`);
  const absolute = (id: string) => (id.startsWith('#') ? `${did}${id}` : id);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_METHODS) : []);
  const declared = new Map<string, DidVerificationMethod>();
  const asMethod = (value: unknown): DidVerificationMethod | undefined => {
    if (
      !isPlainObject(value) ||
      typeof value.id !== 'string' ||
      typeof value.type !== 'string' ||
      value.id.length > MAX_METHOD_ID_LENGTH
    )
      return undefined;
    return { ...(value as unknown as DidVerificationMethod), id: absolute(value.id) };
  };
  for (const entry of list(document.verificationMethod)) {
    const method = asMethod(entry);
    if (method && !declared.has(method.id)) declared.set(method.id, method);
  }
  const unusable: DocumentKeys['unusable'] = [];
  const thumbprints: DocumentKeys['thumbprints'] = new Map();
  const outcomes = new Map<string, VerificationKey | undefined>();
  const keyOf = (method: DidVerificationMethod): VerificationKey | undefined => {
    if (outcomes.has(method.id)) return outcomes.get(method.id);
    const outcome = keyOfVerificationMethod(method);
    if (!outcome.ok) unusable.push({ id: method.id, why: outcome.why });
    const thumbprint = outcome.ok && outcome.key.key ? jwkThumbprint(outcome.key.key) : undefined;
    if (outcome.ok && thumbprint) thumbprints.set(outcome.key, thumbprint);
    outcomes.set(method.id, outcome.ok ? outcome.key : undefined);
    return outcome.ok ? outcome.key : undefined;
  };
  const relationship = (name: KeyPurpose): VerificationKey[] =>
    list(document[name]).flatMap((ref) => {
      // A reference to a declared method, or a method embedded in the relationship.
      const method = typeof ref === 'string' ? declared.get(absolute(ref)) : asMethod(ref);
      const key = method ? keyOf(method) : undefined;
      return key ? [key] : [];
    });
  return {
    assertionMethod: relationship('assertionMethod'),
    authentication: relationship('authentication'),
    unusable,
    thumbprints,
  };
}
