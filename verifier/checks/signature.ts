import { DidKeyError, verifyJwsSignature, type DidKeyResolver } from '../did-keys.ts';
import { fragment, type CheckFragment } from '../fragment.ts';
import type { ParsedJws } from '../jws.ts';

/**
 * The token's signature, with the key its signer's DID lists. The key decides the algorithm:
 * a header asking for another one (or "none") is refused.
 */
export async function checkSignature(
  name: 'signature' | 'presentation_signature',
  jws: ParsedJws,
  signer: string,
  keys: DidKeyResolver,
): Promise<CheckFragment> {
  const { alg, kid } = jws.header;
  if (typeof alg !== 'string') return fragment(name, 'invalid', 'alg_not_allowed', { alg: String(alg) });
  if (kid !== undefined && typeof kid !== 'string') return fragment(name, 'invalid', 'key_not_found', { did: signer });
  if (typeof kid === 'string' && kid.includes('#') && !kid.startsWith('#') && !kid.startsWith(`${signer}#`)) {
    return fragment(name, 'invalid', 'key_not_found', { did: signer });
  }
  let key;
  try {
    key = await keys.keyFor(signer, kid);
  } catch (error) {
    if (!(error instanceof DidKeyError)) throw error;
    const status = error.reason === 'did_resolution_failed' ? 'unverifiable' : 'invalid';
    return fragment(name, status, error.reason, { did: signer }, { detail: error.message });
  }
  if (alg !== key.alg) return fragment(name, 'invalid', 'alg_not_allowed', { alg });
  if (!verifyJwsSignature(key, jws.signingInput, jws.signature)) return fragment(name, 'invalid', 'signature_invalid');
  return name === 'signature'
    ? fragment(name, 'valid', 'signature_valid', { issuer: signer }, { keyId: key.id, alg })
    : fragment(name, 'valid', 'presentation_signature_valid', { holder: signer }, { keyId: key.id, alg });
}
