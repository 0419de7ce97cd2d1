import type { ParsedJws } from '../../jose/compact-jws.ts';
import { hasOwn, own } from '../../json-limits.ts';
import {
  anchorReceiptsOf,
  checkContext,
  checkType,
  fail,
  idOfParty,
  isUrl,
  mediaTypeIs,
  preview,
  VC_V2_CONTEXT,
} from '../data-model.ts';
import { envelopedCredentialsOf } from '../envelopes.ts';
import { audienceOf, optionalStringClaim, presentationTimes, sameAs } from '../jwt-claims.ts';
import { checkJwsProof } from '../proof.ts';
import { joseTyp } from '../secured-token.ts';
import type { PresentationAsRead, SecuredToken } from '../types.ts';

/** A VC 2.0 presentation secured with JOSE: typ vp+jwt. */
export const isVpJose = (token: SecuredToken): boolean => token.jws !== undefined && joseTyp(token.jws) === 'vp+jwt';

/** Reads an application/vp+jwt presentation holding EnvelopedVerifiableCredentials: structure only. */
export function readVpJose(token: SecuredToken): PresentationAsRead {
  const jws = token.jws as ParsedJws;
  const { header, payload } = jws;
  const cty = own(header, 'cty');
  if (cty !== undefined && !mediaTypeIs(cty, 'vp')) fail(`the content type (cty) ${preview(cty)} is not vp`);
  if (hasOwn(payload, 'vc') || hasOwn(payload, 'vp'))
    fail('a VC 2.0 presentation secured with JOSE must not carry "vc" or "vp" claims');
  checkContext(own(payload, '@context'), [VC_V2_CONTEXT], 'presentation');
  checkType(own(payload, 'type'), 'VerifiablePresentation', 'presentation');
  const id = own(payload, 'id');
  if (id !== undefined && !isUrl(id)) fail(`the presentation "id" is not a URL (${preview(id)})`);
  sameAs(payload, 'jti', id as string | undefined, 'id');
  const holderValue = own(payload, 'holder');
  const iss = own(payload, 'iss');
  let holder: string;
  if (holderValue !== undefined) {
    holder = idOfParty(holderValue, 'holder');
    sameAs(payload, 'iss', holder, 'holder');
  } else if (isUrl(iss)) {
    holder = iss;
  } else {
    return fail('the presentation names no holder ("holder" or "iss")');
  }
  const credentials = envelopedCredentialsOf(own(payload, 'verifiableCredential'), false);
  const nonce = optionalStringClaim(payload, 'nonce', 1024);
  return {
    format: 'vp-jose-2.0',
    holder,
    credentials,
    ...(nonce !== undefined ? { nonce } : {}),
    audience: audienceOf(payload),
    anchorReceipts: anchorReceiptsOf(own(payload, 'anchorReceipts')),
    presentation: { ...payload },
    ...presentationTimes(payload, true),
    checkProof: (keys) => checkJwsProof(jws, holder, 'authentication', keys),
  };
}
