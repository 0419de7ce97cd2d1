import { type ParsedJws, parseCompactJws } from '../jose/compact-jws.ts';
import { describeShapeProblem, hasOwn, isPlainObject, jsonShapeProblem, own } from '../json-limits.ts';
import { fail, mediaTypeIs, preview } from './data-model.ts';
import type { SecuredToken } from './types.ts';

export type TokenKind = 'credential' | 'presentation';

/**
 * Parses a token once, as a compact JWS where it is one, refusing JOSE headers this project does
 * not support. A token that is not a JWS (a later SD-JWT, say) keeps the reason in `problem`.
 */
export function securedToken(text: string, kind: TokenKind): SecuredToken {
  if (text.startsWith('{')) return jsonToken(text, kind);
  let jws: ParsedJws;
  try {
    jws = parseCompactJws(text);
  } catch (error) {
    return {
      text,
      problem: {
        reason: 'malformed_jws',
        detail: error instanceof Error ? error.message : 'the token is not a compact JWS',
      },
    };
  }
  const refused = (detail: string): SecuredToken => ({ text, problem: { reason: 'malformed_jws', detail } });
  const headerShape = jsonShapeProblem(jws.header, 8, 200);
  if (headerShape) return refused(`the header is rejected: ${describeShapeProblem(headerShape)}`);
  if (hasOwn(jws.header, 'crit'))
    return refused('the header has critical extensions ("crit"), which this verifier does not support');
  if (hasOwn(jws.header, 'b64')) return refused('unencoded payloads ("b64") are not supported');
  if (typeof own(jws.header, 'alg') !== 'string') return refused('the header has no "alg"');
  const payloadShape = jsonShapeProblem(jws.payload);
  if (payloadShape)
    return {
      text,
      problem: {
        reason: kind === 'credential' ? 'malformed_credential' : 'malformed_presentation',
        detail: `the payload is rejected: ${describeShapeProblem(payloadShape)}`,
      },
    };
  return { text, jws };
}

/** A token that is a JSON object: a credential or presentation with an embedded proof. */
function jsonToken(text: string, kind: TokenKind): SecuredToken {
  const reason = kind === 'credential' ? 'malformed_credential' : 'malformed_presentation';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { text, problem: { reason, detail: 'the token starts like JSON but is not valid JSON' } };
  }
  const shape = jsonShapeProblem(json);
  if (shape) return { text, problem: { reason, detail: `it is rejected: ${describeShapeProblem(shape)}` } };
  if (!isPlainObject(json)) return { text, problem: { reason, detail: 'the JSON is not an object' } };
  // Unsecured JSON is no signed token at all, as the VC-JOSE-COSE suite's "unsecured" cases expect.
  if (!hasOwn(json, 'proof'))
    return { text, problem: { reason: 'malformed_jws', detail: `it is JSON without a "proof": an unsecured ${kind}` } };
  return { text, json };
}

/** The JOSE `typ` header as the JWT-secured formats tell themselves apart by it. */
export type JoseTyp = 'absent' | 'jwt' | 'vc+jwt' | 'vp+jwt' | 'other';

export function joseTyp(jws: ParsedJws): JoseTyp {
  const typ = own(jws.header, 'typ');
  if (typ === undefined) return 'absent';
  for (const known of ['jwt', 'vc+jwt', 'vp+jwt'] as const) if (mediaTypeIs(typ, known)) return known;
  return 'other';
}

/** Why no registered format recognised a JWS as a credential, in the words a sender can act on. */
export function explainUnrecognisedCredential(jws: ParsedJws): never {
  const typ = joseTyp(jws);
  if (typ === 'vp+jwt') fail('the token holds a presentation (typ vp+jwt), not a credential');
  if (typ === 'other') fail(`the media type (typ) ${preview(own(jws.header, 'typ'))} is not vc+jwt`);
  if (hasOwn(jws.payload, 'vp')) fail('the token holds a presentation ("vp" claim), not a credential');
  if (hasOwn(jws.payload, '@context'))
    fail('a VC 2.0 credential secured with JOSE must have the media type (typ) vc+jwt');
  return fail('there is no "vc" claim');
}

/** Why no registered format recognised a JWS as a presentation. */
export function explainUnrecognisedPresentation(jws: ParsedJws): never {
  const typ = joseTyp(jws);
  if (typ === 'vc+jwt') fail('the token holds a credential (typ vc+jwt), not a presentation');
  if (typ === 'other') fail(`the media type (typ) ${preview(own(jws.header, 'typ'))} is not vp+jwt`);
  if (hasOwn(jws.payload, 'vc')) fail('the token holds a credential ("vc" claim), not a presentation');
  if (hasOwn(jws.payload, '@context'))
    fail('a VC 2.0 presentation secured with JOSE must have the media type (typ) vp+jwt');
  return fail('there is no "vp" claim');
}
