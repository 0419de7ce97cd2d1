/**
 * What other parts of the project (the wallet, the issuer) may use of the verifier: reading a
 * credential, resolving DIDs to keys, checking a signature, and the DID and date parsers the issuer
 * validates its input with. Nothing outside `verifier/` imports past this file, so the verifier's
 * inner layout can change freely. (The HTTP service is started through `verifier/child-process.ts`
 * or `verifier/main.ts`.)
 */
export { checkSignature } from './checks/signature.ts';
export { DidKeyResolver } from './did-key-resolver.ts';
export { parseDidEthr } from './did-methods/did-ethr.ts';
export { resolveDidJwk } from './did-methods/did-jwk.ts';
export { resolveDidKey } from './did-methods/did-key.ts';
export { didWebUrl } from './did-methods/did-web.ts';
export { keyOfVerificationMethod } from './did-methods/verification-method.ts';
export { DidKeyError, type DidVerificationMethod, type MethodResolution } from './did-methods/types.ts';
export { parseDateTime } from '../core/formats/data-model.ts';
export { readCredential } from './verify-credential.ts';
