import { isPlainObject, own } from '../../json-limits.ts';
import { fail, mediaTypeIs, preview } from '../data-model.ts';
import { credentialV2InClaims, optionalStringClaim } from '../jwt-claims.ts';
import { checkJwsProof } from '../proof.ts';
import type { ReadCredential, SecuredToken } from '../types.ts';
import { applyDisclosures } from './disclosures.ts';
import { issuerJwtOf, readIssuerJwt } from './serialized.ts';

/** An SD-JWT VC: tildes, and an issuer JWT of typ dc+sd-jwt (or the older vc+sd-jwt). */
export const isSdJwtVc = (token: SecuredToken): boolean => issuerJwtOf(token.text) !== undefined;

/** The public JWK the credential binds its holder to (`cnf.jwk`, RFC 7800), when it names one. */
export function confirmationKeyOf(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const cnf = own(payload, 'cnf');
  if (cnf === undefined) return undefined;
  const jwk = isPlainObject(cnf) ? own(cnf, 'jwk') : undefined;
  if (!isPlainObject(jwk) || typeof own(jwk, 'kty') !== 'string' || hasPrivatePart(jwk))
    return fail('"cnf" does not hold a public JWK ("cnf.jwk")');
  return jwk;
}

/**
 * The registered claims an SD-JWT VC carries beside the credential (RFC 7519, SD-JWT VC): checked
 * here against the credential's own members, then left out of its W3C form, as VC-JWT 1.1 maps
 * its claims back.
 */
const JWT_CLAIMS = new Set(['iss', 'sub', 'iat', 'nbf', 'exp', 'jti', 'aud', 'vct', 'cnf', 'status']);

const hasPrivatePart = (jwk: Record<string, unknown>) => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].some((m) => m in jwk);

/**
 * Reads an SD-JWT VC whose claims are a VC 2.0 credential: the issuer JWT, with every disclosure put
 * in place. Structure only: the signature, and whether every disclosure matches a signed digest,
 * are the proof check's (so a tampered disclosure is `invalid` with its own reason, not malformed).
 */
export function readSdJwtVc(token: SecuredToken): ReadCredential {
  const { split, jws } = readIssuerJwt(token.text);
  if (split.keyBindingJwt !== undefined)
    fail('the token ends with a key-binding JWT: that makes it a presentation, not a credential');
  const { header, payload } = jws;
  const cty = own(header, 'cty');
  if (cty !== undefined && !mediaTypeIs(cty, 'vc')) fail(`the content type (cty) ${preview(cty)} is not vc`);
  if (mediaTypeIs(own(header, 'typ'), 'dc+sd-jwt') && optionalStringClaim(payload, 'vct') === undefined)
    fail('there is no "vct" claim');
  confirmationKeyOf(payload);
  const disclosed = applyDisclosures(payload, split.disclosures);
  const claims = disclosed.claims;
  const facts = credentialV2InClaims(claims);
  return {
    format: 'sd-jwt-vc',
    credential: Object.fromEntries(Object.entries(claims).filter(([name]) => !JWT_CLAIMS.has(name))),
    ...facts,
    disclosed: disclosed.paths,
    async checkProof(keys) {
      const outcome = await checkJwsProof(jws, facts.issuer, 'assertionMethod', keys);
      if (outcome.status !== 'valid' || !disclosed.problem) return outcome;
      return { status: 'invalid', reason: disclosed.problem.reason, params: {}, detail: disclosed.problem.detail };
    },
  };
}
