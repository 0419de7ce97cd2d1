import { type JoseSigner, signCompactJws } from '../../jose/signer.ts';

/**
 * VC Data Model 2.0 credentials and presentations secured with JOSE (W3C VC-JOSE-COSE):
 * `application/vc+jwt` / `application/vp+jwt`, whose JWS payload is the credential or presentation
 * itself (no `vc`/`vp` claims).
 */
async function signJose(
  document: object,
  signer: JoseSigner,
  typ: 'vc+jwt' | 'vp+jwt',
  cty: 'vc' | 'vp',
): Promise<string> {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new TypeError(`the ${cty === 'vc' ? 'credential' : 'presentation'} must be a JSON object`);
  if ('vc' in document || 'vp' in document) throw new TypeError('VC-JOSE-COSE forbids the "vc" and "vp" claims');
  return signCompactJws(document, signer, { typ, cty });
}

/** Signs a VC 2.0 credential as `application/vc+jwt` (header {alg, kid, typ: 'vc+jwt', cty: 'vc'}). */
export function signVcJose(credential: object, signer: JoseSigner): Promise<string> {
  return signJose(credential, signer, 'vc+jwt', 'vc');
}

/** Signs a VC 2.0 presentation as `application/vp+jwt` (header {alg, kid, typ: 'vp+jwt', cty: 'vp'}). */
export function signVpJose(presentation: object, signer: JoseSigner): Promise<string> {
  return signJose(presentation, signer, 'vp+jwt', 'vp');
}
