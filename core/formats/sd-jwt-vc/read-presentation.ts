import { type ParsedJws, parseCompactJws } from '../../jose/compact-jws.ts';
import { describeShapeProblem, jsonShapeProblem, own } from '../../json-limits.ts';
import { anchorReceiptsOf, fail, mediaTypeIs, preview } from '../data-model.ts';
import { numericDateClaim, optionalStringClaim } from '../jwt-claims.ts';
import { checkJwsProof, type ProofOutcome, type SelectiveDisclosureFailure } from '../proof.ts';
import type { PresentationAsRead, SecuredToken } from '../types.ts';
import { holderJwkOf } from './holder-key.ts';
import { confirmationKeyOf, readSdJwtVc } from './read-credential.ts';
import { readIssuerJwt, sdHashOf } from './serialized.ts';

export const SD_JWT_MEDIA_TYPE = 'application/dc+sd-jwt';

const refused = (reason: SelectiveDisclosureFailure, detail: string): ProofOutcome => ({
  status: 'invalid',
  reason,
  params: {},
  detail,
});

/** The members two JWKs of the same public key share (RFC 7638's required members). */
const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  ['kty', 'crv', 'x', 'y', 'n', 'e'].every((m) => own(a, m) === own(b, m));

function readKeyBindingJwt(text: string): ParsedJws {
  let kb: ParsedJws;
  try {
    kb = parseCompactJws(text);
  } catch {
    return fail('the key-binding JWT is not a compact JWS');
  }
  const shape = jsonShapeProblem(kb.header, 8, 200) ?? jsonShapeProblem(kb.payload);
  if (shape) fail(`the key-binding JWT is rejected: ${describeShapeProblem(shape)}`);
  if (!mediaTypeIs(own(kb.header, 'typ'), 'kb+jwt'))
    fail(`the key-binding JWT's typ ${preview(own(kb.header, 'typ'))} is not kb+jwt`);
  if (typeof own(kb.payload, 'sd_hash') !== 'string') fail('the key-binding JWT has no "sd_hash"');
  if (typeof own(kb.payload, 'iat') !== 'number') fail('the key-binding JWT has no "iat"');
  return kb;
}

/**
 * Reads an SD-JWT VC presented with key binding (RFC 9901 §4.3): the credential with the
 * disclosures the holder chose, then a key-binding JWT signed with the key the credential binds
 * (`cnf`), carrying the verifier's challenge (`nonce`), its audience (`aud`), when it was made
 * (`iat`) and the hash of what it covers (`sd_hash`). Skillmark's wallet adds the credential's
 * anchor receipt to the key-binding JWT (`anchorReceipts`, a claim other verifiers ignore).
 * Without a key-binding JWT it still reads: the proof check then says it is missing.
 */
export function readSdJwtVcPresentation(token: SecuredToken): PresentationAsRead {
  const { split, jws } = readIssuerJwt(token.text);
  const credentialToken = split.withoutKeyBinding;
  const credential = readSdJwtVc({ text: credentialToken });
  const holder = optionalStringClaim(jws.payload, 'sub') ?? credential.subjectIds[0];
  if (holder === undefined) return fail('the credential names no subject to bind the presentation to');
  const kb = split.keyBindingJwt === undefined ? undefined : readKeyBindingJwt(split.keyBindingJwt);
  const nonce = kb && optionalStringClaim(kb.payload, 'nonce', 1024);
  const aud = kb && optionalStringClaim(kb.payload, 'aud');
  const keyBoundAt = kb && numericDateClaim(kb.payload, 'iat');
  const bound = confirmationKeyOf(jws.payload);
  return {
    format: 'sd-jwt-vc+kb',
    holder,
    credentials: [{ index: 0, mediaType: SD_JWT_MEDIA_TYPE, token: credentialToken }],
    ...(nonce !== undefined ? { nonce } : {}),
    audience: aud !== undefined ? [aud] : [],
    anchorReceipts: kb ? anchorReceiptsOf(own(kb.payload, 'anchorReceipts')) : [],
    presentation: { holder, disclosed: credential.disclosed ?? [] },
    ...(keyBoundAt ? { validFrom: keyBoundAt, keyBoundAt } : {}),
    async checkProof(keys) {
      if (!kb) return refused('key_binding_missing', 'the SD-JWT ends without a key-binding JWT');
      if (!bound) return refused('holder_key_not_bound', 'the credential binds no key ("cnf")');
      const holderKey = holderJwkOf(holder);
      if (!holderKey || !sameKey(holderKey, bound))
        return refused('holder_key_not_bound', 'the key the credential binds ("cnf") is not the subject\'s');
      if (own(kb.payload, 'sd_hash') !== sdHashOf(credentialToken))
        return refused('key_binding_mismatch', 'the key-binding JWT covers other disclosures ("sd_hash")');
      return checkJwsProof(kb, holder, 'authentication', keys);
    },
  };
}
