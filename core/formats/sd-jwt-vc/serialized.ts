import { createHash } from 'node:crypto';
import { MAX_JWS_LENGTH, type ParsedJws, parseCompactJws } from '../../jose/compact-jws.ts';
import { describeShapeProblem, jsonShapeProblem, own } from '../../json-limits.ts';
import { fail, mediaTypeIs } from '../data-model.ts';

/** An SD-JWT in its compact form (RFC 9901 §4): `<issuer JWT>~<disclosure>~…~<key-binding JWT or nothing>`. */
export interface SplitSdJwt {
  /** The issuer-signed JWT, as sent. */
  issuerJwt: string;
  disclosures: string[];
  /** The key-binding JWT, when the token ends with one (a presentation). */
  keyBindingJwt?: string;
  /** Everything before the key-binding JWT (ending with `~`): what `sd_hash` covers. */
  withoutKeyBinding: string;
}

/** The typ an SD-JWT VC carries (dc+sd-jwt), and the older vc+sd-jwt (W3C VC-JOSE-COSE, earlier drafts). */
export const SD_JWT_TYPS = ['dc+sd-jwt', 'vc+sd-jwt'] as const;

const PART = /^[A-Za-z0-9_.-]*$/;

/** Splits a token at its tildes; undefined when it has none (it is no SD-JWT). */
export function splitSdJwt(text: string): SplitSdJwt | undefined {
  if (text.length > MAX_JWS_LENGTH || !text.includes('~')) return undefined;
  const parts = text.split('~');
  if (!parts.every((p) => PART.test(p))) return undefined;
  const issuerJwt = parts[0]!;
  const last = parts.at(-1)!;
  const disclosures = parts.slice(1, -1);
  if (disclosures.some((d) => d === '' || d.includes('.'))) return undefined;
  return {
    issuerJwt,
    disclosures,
    ...(last !== '' ? { keyBindingJwt: last } : {}),
    withoutKeyBinding: last === '' ? text : text.slice(0, text.length - last.length),
  };
}

/** The issuer-signed JWT of an SD-JWT whose typ is an SD-JWT VC's; undefined for anything else. */
export function issuerJwtOf(text: string): { split: SplitSdJwt; jws: ParsedJws } | undefined {
  const split = splitSdJwt(text);
  if (!split) return undefined;
  let jws: ParsedJws;
  try {
    jws = parseCompactJws(split.issuerJwt);
  } catch {
    return undefined;
  }
  const typ = own(jws.header, 'typ');
  return SD_JWT_TYPS.some((t) => mediaTypeIs(typ, t)) ? { split, jws } : undefined;
}

/** Parses the issuer JWT, saying what is wrong when it is not one. */
export function readIssuerJwt(text: string): { split: SplitSdJwt; jws: ParsedJws } {
  const found = issuerJwtOf(text);
  if (!found) return fail('the token is not an SD-JWT VC (typ dc+sd-jwt or vc+sd-jwt)');
  // The checks securedToken makes of a compact JWS, which an SD-JWT does not go through.
  const headerShape = jsonShapeProblem(found.jws.header, 8, 200);
  if (headerShape) fail(`the header is rejected: ${describeShapeProblem(headerShape)}`);
  if (Object.hasOwn(found.jws.header, 'crit'))
    fail('the header has critical extensions ("crit"), which are not supported');
  if (Object.hasOwn(found.jws.header, 'b64')) fail('unencoded payloads ("b64") are not supported');
  const payloadShape = jsonShapeProblem(found.jws.payload);
  if (payloadShape) fail(`the payload is rejected: ${describeShapeProblem(payloadShape)}`);
  const sdAlg = own(found.jws.payload, '_sd_alg');
  if (sdAlg !== undefined && sdAlg !== 'sha-256') fail('only the sha-256 disclosure digest ("_sd_alg") is supported');
  return found;
}

/** `sd_hash` (RFC 9901 §4.3.1): base64url(SHA-256) of the SD-JWT up to and including its last `~`. */
export const sdHashOf = (withoutKeyBinding: string): string =>
  createHash('sha256').update(withoutKeyBinding, 'ascii').digest('base64url');
