import type { ParsedJws } from '../../jose/compact-jws.ts';
import { hasOwn, isPlainObject, own } from '../../json-limits.ts';
import {
  anchorReceiptsOf,
  checkContext,
  checkType,
  fail,
  idOfParty,
  isUrl,
  preview,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from '../data-model.ts';
import { envelopedCredentialsOf } from '../envelopes.ts';
import { audienceOf, optionalStringClaim, presentationTimes } from '../jwt-claims.ts';
import { checkJwsProof } from '../proof.ts';
import { joseTyp } from '../secured-token.ts';
import type { PresentationAsRead, SecuredToken } from '../types.ts';

/** A VP-JWT: typ absent or JWT, the presentation in the `vp` claim. */
export const isVpJwt = (token: SecuredToken): boolean =>
  token.jws !== undefined && ['absent', 'jwt'].includes(joseTyp(token.jws)) && hasOwn(token.jws.payload, 'vp');

/** Reads a VP-JWT (VC Data Model 1.1 JWT encoding): structure only. */
export function readVpJwt(token: SecuredToken): PresentationAsRead {
  const jws = token.jws as ParsedJws;
  const { header, payload } = jws;
  if (hasOwn(header, 'cty')) fail(`a VP-JWT has no content type (cty ${preview(own(header, 'cty'))})`);
  const vp = own(payload, 'vp');
  if (!isPlainObject(vp)) fail('the "vp" claim is not an object');
  const claim = vp as Record<string, unknown>;
  checkContext(own(claim, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'presentation');
  checkType(own(claim, 'type'), 'VerifiablePresentation', 'presentation');
  const iss = own(payload, 'iss');
  if (!isUrl(iss)) fail(`the holder ("iss") is not a DID or URL (${preview(iss)})`);
  if (own(claim, 'holder') !== undefined && idOfParty(own(claim, 'holder'), 'vp.holder') !== iss)
    fail('"vp.holder" does not match "iss"');
  const jti = optionalStringClaim(payload, 'jti');
  if (jti !== undefined && own(claim, 'id') !== undefined && own(claim, 'id') !== jti)
    fail('"vp.id" does not match "jti"');
  const credentials = envelopedCredentialsOf(own(claim, 'verifiableCredential'), true);
  const nonce = optionalStringClaim(payload, 'nonce', 1024);
  return {
    format: 'vp-jwt-1.1',
    holder: iss as string,
    credentials,
    ...(nonce !== undefined ? { nonce } : {}),
    audience: audienceOf(payload),
    anchorReceipts: anchorReceiptsOf(own(claim, 'anchorReceipts')),
    presentation: { ...claim, holder: iss, ...(jti !== undefined ? { id: jti } : {}) },
    ...presentationTimes(payload, false),
    checkProof: (keys) => checkJwsProof(jws, iss as string, 'authentication', keys),
  };
}
