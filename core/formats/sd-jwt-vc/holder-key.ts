import { base58 } from '@scure/base';
import { isPlainObject } from '../../json-limits.ts';
import { MULTICODEC, splitMulticodec } from '../../multicodec.ts';

const ED25519_KEY_BYTES = 32;

/**
 * The public JWK of a learner's DID, for the `cnf` claim that binds an SD-JWT VC to its holder: an
 * Ed25519 did:key (what the wallet makes) or a did:jwk. Undefined for any other DID: its key is not
 * known without resolving it, and the issuer refuses to bind to a key it cannot name.
 */
export function holderJwkOf(did: string): Record<string, string> | undefined {
  if (did.startsWith('did:key:z')) {
    let bytes: Uint8Array;
    try {
      bytes = base58.decode(did.slice('did:key:z'.length).split('#')[0]!);
    } catch {
      return undefined;
    }
    const split = splitMulticodec(bytes);
    if (split?.code !== MULTICODEC.ed25519 || split.key.length !== ED25519_KEY_BYTES) return undefined;
    return { kty: 'OKP', crv: 'Ed25519', x: split.key.toString('base64url') };
  }
  if (did.startsWith('did:jwk:')) {
    try {
      const jwk: unknown = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
      if (!isPlainObject(jwk) || 'd' in jwk || !Object.values(jwk).every((v) => typeof v === 'string'))
        return undefined;
      return jwk as Record<string, string>;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
