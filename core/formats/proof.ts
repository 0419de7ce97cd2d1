import type { ParsedJws } from '../jose/compact-jws.ts';
import type { VerificationKey } from '../jose/verification-key.ts';
import { algAllowed, verifyJwsSignatureAsync } from '../jose/verify-signature.ts';

/** What a key is listed for in a DID document: signing credentials, or proving who presents. */
export type KeyPurpose = 'assertionMethod' | 'authentication';

export type KeyLookupFailure = 'unsupported_did_method' | 'did_not_found' | 'key_not_found' | 'did_resolution_failed';

/** Finds the key `kid` (or the only suitable one) that `did` lists for `purpose`; the verifier resolves DIDs behind it. */
export type KeyLookup = (
  did: string,
  kid: string | undefined,
  purpose: KeyPurpose,
) => Promise<{ ok: true; key: VerificationKey } | { ok: false; reason: KeyLookupFailure; detail: string }>;

/**
 * Why an SD-JWT's proof fails beyond its signature: a disclosure no signed digest names, one given
 * twice; for a presentation, no key-binding JWT, one that covers other disclosures (sd_hash), or a
 * holder whose key is not the one the credential binds (cnf).
 */
export type SelectiveDisclosureFailure =
  | 'disclosure_digest_mismatch'
  | 'disclosure_duplicated'
  | 'key_binding_missing'
  | 'key_binding_mismatch'
  | 'holder_key_not_bound';

/** A proof check's answer: valid with the key that verified it, or why not (unverifiable when the DID could not be resolved now). */
export type ProofOutcome =
  | { status: 'valid'; keyId: string; alg: string }
  | {
      status: 'invalid' | 'unverifiable';
      reason:
        | KeyLookupFailure
        | 'alg_not_allowed'
        | 'signature_invalid'
        | 'context_unknown'
        | 'jsonld_invalid'
        | 'cryptosuite_unsupported'
        | SelectiveDisclosureFailure;
      params: Record<string, string>;
      detail?: string;
    };

/**
 * A JWS's signature, with a key the signer's DID lists for `purpose`. The key decides which
 * algorithms are allowed: a header asking for another one ("none", HS256, another key type's) is
 * refused. Shared by the JOSE-secured formats.
 */
export async function checkJwsProof(
  jws: ParsedJws,
  signer: string,
  purpose: KeyPurpose,
  keys: KeyLookup,
): Promise<ProofOutcome> {
  const { alg, kid } = jws.header;
  if (typeof alg !== 'string')
    return { status: 'invalid', reason: 'alg_not_allowed', params: { alg: String(alg).slice(0, 40) } };
  if (kid !== undefined && typeof kid !== 'string')
    return { status: 'invalid', reason: 'key_not_found', params: { did: signer } };
  if (typeof kid === 'string' && kid.includes('#') && !kid.startsWith('#') && !kid.startsWith(`${signer}#`)) {
    return { status: 'invalid', reason: 'key_not_found', params: { did: signer } };
  }
  const found = await keys(signer, kid, purpose);
  if (!found.ok) {
    const status = found.reason === 'did_resolution_failed' ? 'unverifiable' : 'invalid';
    return { status, reason: found.reason, params: { did: signer.slice(0, 200) }, detail: found.detail };
  }
  if (!algAllowed(found.key, alg))
    return { status: 'invalid', reason: 'alg_not_allowed', params: { alg: alg.slice(0, 40) } };
  if (!(await verifyJwsSignatureAsync(found.key, jws.signingInput, jws.signature, alg)))
    return { status: 'invalid', reason: 'signature_invalid', params: {} };
  return { status: 'valid', keyId: found.key.id, alg };
}
