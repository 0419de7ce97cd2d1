import { algAllowed, DidKeyError, verifyJwsSignatureAsync, type DidKeyResolver, type FetchBudget, type KeyPurpose } from '../did-keys.ts';
import { fragment, type CheckFragment } from '../fragment.ts';
import type { ParsedJws } from '../../core/jose/compact-jws.ts';

/**
 * The token's signature, with a key the signer's DID lists for `purpose` (assertionMethod for
 * credentials, authentication for presentations). The key decides which algorithms are allowed:
 * a header asking for another one ("none", HS256, another key type's) is refused. A DID document
 * fetched over the network takes one fetch from the request's `budget`.
 */
export async function checkSignature(
  name: 'signature' | 'presentation_signature',
  jws: ParsedJws,
  signer: string,
  keys: DidKeyResolver,
  budget?: FetchBudget,
): Promise<CheckFragment> {
  const purpose: KeyPurpose = name === 'signature' ? 'assertionMethod' : 'authentication';
  const { alg, kid } = jws.header;
  if (typeof alg !== 'string') return fragment(name, 'invalid', 'alg_not_allowed', { alg: String(alg).slice(0, 40) });
  if (kid !== undefined && typeof kid !== 'string') return fragment(name, 'invalid', 'key_not_found', { did: signer });
  if (typeof kid === 'string' && kid.includes('#') && !kid.startsWith('#') && !kid.startsWith(`${signer}#`)) {
    return fragment(name, 'invalid', 'key_not_found', { did: signer });
  }
  let key;
  try {
    key = await keys.keyFor(signer, kid, purpose, budget);
  } catch (error) {
    if (!(error instanceof DidKeyError)) throw error;
    const status = error.reason === 'did_resolution_failed' ? 'unverifiable' : 'invalid';
    return fragment(name, status, error.reason, { did: signer.slice(0, 200) }, { detail: error.message });
  }
  if (!algAllowed(key, alg)) return fragment(name, 'invalid', 'alg_not_allowed', { alg: alg.slice(0, 40) });
  if (!(await verifyJwsSignatureAsync(key, jws.signingInput, jws.signature, alg))) return fragment(name, 'invalid', 'signature_invalid');
  return name === 'signature'
    ? fragment(name, 'valid', 'signature_valid', { issuer: signer }, { keyId: key.id, alg })
    : fragment(name, 'valid', 'presentation_signature_valid', { holder: signer }, { keyId: key.id, alg });
}
