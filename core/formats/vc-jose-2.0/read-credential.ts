import type { ParsedJws } from '../../jose/compact-jws.ts';
import { hasOwn, own } from '../../json-limits.ts';
import { fail, mediaTypeIs, preview } from '../data-model.ts';
import { credentialV2InClaims, sameAs } from '../jwt-claims.ts';
import { checkJwsProof } from '../proof.ts';
import { joseTyp } from '../secured-token.ts';
import type { ReadCredential, SecuredToken } from '../types.ts';

/** A VC 2.0 credential secured with JOSE: typ vc+jwt. */
export const isVcJose = (token: SecuredToken): boolean => token.jws !== undefined && joseTyp(token.jws) === 'vc+jwt';

/** Reads an application/vc+jwt credential (the payload is the credential, no `vc`/`vp` claims): structure only. */
export function readVcJose(token: SecuredToken): ReadCredential {
  const jws = token.jws as ParsedJws;
  const { header, payload } = jws;
  const cty = own(header, 'cty');
  if (cty !== undefined && !mediaTypeIs(cty, 'vc')) fail(`the content type (cty) ${preview(cty)} is not vc`);
  if (hasOwn(payload, 'vc') || hasOwn(payload, 'vp'))
    fail('a VC 2.0 credential secured with JOSE must not carry "vc" or "vp" claims');
  const facts = credentialV2InClaims(payload);
  sameAs(payload, 'jti', own(payload, 'id') as string | undefined, 'id');
  return {
    format: 'vc-jose-2.0',
    credential: { ...payload },
    ...facts,
    checkProof: (keys) => checkJwsProof(jws, facts.issuer, 'assertionMethod', keys),
  };
}
