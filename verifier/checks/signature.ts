import type { KeyLookup, ProofOutcome } from '../../core/formats/index.ts';
import type { ReasonCode } from '../../core/messages/index.ts';
import type { DidKeyResolver } from '../did-key-resolver.ts';
import type { FetchBudget } from '../did-methods/fetch-budget.ts';
import { type CheckFragment, fragment } from '../fragment.ts';
import { keyLookup } from '../key-lookup.ts';

/** How a signature check reports: under which name, and how it says "valid". */
export interface SignatureRole {
  check: 'signature' | 'presentation_signature';
  validReason: ReasonCode;
  /** The message parameter naming the signer (issuer, holder). */
  signerParam: string;
}

/** How the issuer's signature over a credential reports (also used by the wallet when it accepts a credential). */
export const ISSUER_SIGNATURE: SignatureRole = {
  check: 'signature',
  validReason: 'signature_valid',
  signerParam: 'issuer',
};

/** How the holder's signature over a presentation reports. */
export const HOLDER_SIGNATURE: SignatureRole = {
  check: 'presentation_signature',
  validReason: 'presentation_signature_valid',
  signerParam: 'holder',
};

/** A credential or presentation as its format read it: it checks its own proof, with keys its signer's DID lists. */
export interface Signed {
  checkProof(keys: KeyLookup): Promise<ProofOutcome>;
}

/**
 * The signer's proof over a credential or presentation, checked by its format (which decides the
 * key's purpose and the algorithms it allows). A DID document fetched over the network takes one
 * fetch from the request's `budget`.
 */
export async function checkSignature(
  role: SignatureRole,
  signed: Signed,
  signer: string,
  keys: DidKeyResolver,
  budget?: FetchBudget,
): Promise<CheckFragment> {
  const outcome = await signed.checkProof(keyLookup(keys, budget));
  if (outcome.status !== 'valid')
    return fragment(
      role.check,
      outcome.status,
      outcome.reason,
      outcome.params,
      outcome.detail === undefined ? undefined : { detail: outcome.detail },
    );
  return fragment(
    role.check,
    'valid',
    role.validReason,
    { [role.signerParam]: signer },
    { keyId: outcome.keyId, alg: outcome.alg },
  );
}

/** A did:web's document, like an https identifier's controller document, is fetched from a URL the token names. */
export const isDidWeb = (did: string) => did.startsWith('did:web:');
