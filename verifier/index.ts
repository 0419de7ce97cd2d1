/**
 * What other parts of the project (the wallet, the issuer) may use of the verifier: reading a
 * credential, resolving DIDs to keys, checking an issuer's signature, and the DID parsers the issuer
 * validates its input with; the trusted registries from the environment and the trust bundle index
 * (the trust-bundle script and bench). Nothing outside `verifier/` imports past this file, so the verifier's
 * inner layout can change freely. (The HTTP service is started through `verifier/child-process.ts`
 * or `verifier/main.ts`.)
 */
export { checkSignature, ISSUER_SIGNATURE } from './checks/signature.ts';
export { DidKeyResolver } from './did-key-resolver.ts';
export { parseDidEthr } from './did-methods/did-ethr.ts';
export { resolveDidJwk } from './did-methods/did-jwk.ts';
export { resolveDidKey } from './did-methods/did-key.ts';
export { didWebUrl } from './did-methods/did-web.ts';
export { DidKeyError, type DidVerificationMethod, type MethodResolution } from './did-methods/types.ts';
export { keyOfVerificationMethod } from './did-methods/verification-method.ts';
export { TrustConfigError } from './trust.ts';
export { TrustBundleIndex } from './trust-bundle/bundle-index.ts';
export { trustFromEnvironment } from './trust-from-environment.ts';
export { readCredential } from './verify-credential.ts';
