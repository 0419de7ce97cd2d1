import {
  DidKeyError,
  type DidVerificationMethod,
  didWebUrl,
  keyOfVerificationMethod,
  type MethodResolution,
  parseDidEthr,
  resolveDidJwk,
  resolveDidKey,
} from '../verifier/index.ts';

/** The DID's one key must be able to sign: the learner signs presentations with it. */
function signingKeyProblem({ document }: MethodResolution): string | undefined {
  const [method] = (document.verificationMethod ?? []) as DidVerificationMethod[];
  if (!method) return 'it names no key';
  const key = keyOfVerificationMethod(method);
  return key.ok ? undefined : key.why;
}

/**
 * Checks that need no network, by the verifier's own parsers, so a DID refused here is one the
 * verifier would refuse too. Other methods only have to follow the DID syntax (the schema checks it).
 */
const METHOD_CHECKS: Record<string, (did: string) => Promise<string | undefined>> = {
  key: async (did) => signingKeyProblem(await resolveDidKey(did)),
  jwk: async (did) => signingKeyProblem(await resolveDidJwk(did)),
  web: async (did) => void didWebUrl(did),
  ethr: async (did) => {
    try {
      parseDidEthr(did);
    } catch (error) {
      // A network this verifier does not know is still a well-formed did:ethr.
      if (!(error instanceof DidKeyError && error.reason === 'unsupported_did_method')) throw error;
    }
    return undefined;
  },
};

/**
 * Why a learner's DID cannot be theirs, or undefined when it may be: a did:key or did:jwk must hold
 * a public key that can sign (a mistyped did:key usually decodes to no key, or to bytes that are not
 * a point of its curve); a did:web must name a host; a did:ethr address must match its checksum.
 * A mistyped DID that still decodes to a valid key cannot be told from a real one.
 */
export async function subjectDidProblem(did: string): Promise<string | undefined> {
  const method = did.split(':')[1] ?? '';
  if (!Object.hasOwn(METHOD_CHECKS, method)) return undefined;
  try {
    return await METHOD_CHECKS[method]!(did);
  } catch (error) {
    if (error instanceof DidKeyError) return error.message;
    throw error;
  }
}
