import { createHash } from 'node:crypto';
import { describeShapeProblem, isPlainObject, jsonShapeProblem, MAX_JSON_DEPTH } from '../../json-limits.ts';
import { fail, preview } from '../data-model.ts';

/**
 * Disclosures of an SD-JWT (RFC 9901 §4.2, §7.1), checked against the digests the issuer signed.
 * Written here rather than taken from @sd-jwt/decode: that library's unpacking silently drops a
 * disclosure that no digest names and accepts a digest named twice, which RFC 9901 §7.1 requires a
 * verifier to refuse (they are how a tampered or duplicated disclosure shows).
 */

/** What went wrong with the disclosures, reported by the signature check once the signature holds. */
export type DisclosureProblem = 'disclosure_digest_mismatch' | 'disclosure_duplicated';

export interface Disclosed {
  /** The claims with every disclosed value in place and the digests (`_sd`, `...`) removed. */
  claims: Record<string, unknown>;
  /** Where each disclosed value went, e.g. `credentialSubject.name`, `credentialSubject.qualification.competencies[1]`. */
  paths: string[];
  problem?: { reason: DisclosureProblem; detail: string };
}

export const MAX_DISCLOSURES = 500;
const SALT_AND_VALUE = 2;
const SALT_NAME_AND_VALUE = 3;

/** The digest of a disclosure as RFC 9901 §4.2.3 makes it: base64url(SHA-256(ASCII of the disclosure)). */
export const disclosureDigest = (disclosure: string): string =>
  createHash('sha256').update(disclosure, 'ascii').digest('base64url');

interface Decoded {
  text: string;
  name?: string;
  value: unknown;
}

function decodeDisclosure(text: string, index: number): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64url')));
  } catch {
    return fail(`disclosure ${index + 1} is not base64url-encoded JSON`);
  }
  if (!Array.isArray(value) || (value.length !== SALT_AND_VALUE && value.length !== SALT_NAME_AND_VALUE))
    return fail(`disclosure ${index + 1} is not an array of a salt, perhaps a claim name, and a value`);
  if (typeof value[0] !== 'string') return fail(`disclosure ${index + 1} has no salt`);
  const shape = jsonShapeProblem(value);
  if (shape) return fail(`disclosure ${index + 1} is rejected: ${describeShapeProblem(shape)}`);
  if (value.length === SALT_AND_VALUE) return { text, value: value[1] };
  const name = value[1];
  if (typeof name !== 'string' || name === '_sd' || name === '...' || name === '__proto__')
    return fail(`disclosure ${index + 1} has an unusable claim name (${preview(name)})`);
  return { text, name, value: value[2] };
}

/**
 * The claims of `payload` with `disclosures` in place. Structural faults (a disclosure that is not
 * one, a `_sd` that is not an array of digests, a claim disclosed over a signed one) throw a
 * FormatError; a disclosure no digest names or a digest used twice is returned as `problem`, and
 * such a disclosure is left out of the claims.
 */
export function applyDisclosures(payload: Record<string, unknown>, disclosures: readonly string[]): Disclosed {
  if (disclosures.length > MAX_DISCLOSURES) fail(`it has more than ${MAX_DISCLOSURES} disclosures`);
  const byDigest = new Map<string, Decoded>();
  let problem: Disclosed['problem'];
  disclosures.forEach((text, index) => {
    const decoded = decodeDisclosure(text, index);
    const digest = disclosureDigest(text);
    if (byDigest.has(digest)) {
      problem ??= { reason: 'disclosure_duplicated', detail: `disclosure ${index + 1} is given twice` };
      return;
    }
    byDigest.set(digest, decoded);
  });
  const used = new Set<string>();
  const seen = new Set<string>();
  const paths: string[] = [];

  const take = (digest: unknown): Decoded | undefined => {
    if (typeof digest !== 'string') return fail(`a digest is not a string (${preview(digest)})`);
    if (seen.has(digest)) {
      problem ??= { reason: 'disclosure_duplicated', detail: 'a digest appears twice in the credential' };
      return undefined;
    }
    seen.add(digest);
    const found = byDigest.get(digest);
    if (found) used.add(digest);
    return found;
  };

  // Disclosures nest in one another: the depth is bounded over the whole, not per disclosure.
  const walk = (value: unknown, path: string, depth = 0): unknown => {
    if (depth > MAX_JSON_DEPTH) fail(`the disclosed claims are nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        if (isPlainObject(item) && Object.keys(item).length === 1 && Object.hasOwn(item, '...')) {
          const found = take(item['...']);
          if (!found) continue; // a decoy, or an element the holder did not disclose
          if (found.name !== undefined) fail('a claim disclosure stands where an array element belongs');
          paths.push(`${path}[${out.length}]`);
          out.push(walk(found.value, `${path}[${out.length}]`, depth + 1));
        } else {
          out.push(walk(item, `${path}[${out.length}]`, depth + 1));
        }
      }
      return out;
    }
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '_sd') continue;
      out[key] = walk(item, path ? `${path}.${key}` : key, depth + 1);
    }
    const digests = Object.hasOwn(value, '_sd') ? value._sd : [];
    if (!Array.isArray(digests)) fail('"_sd" is not an array of digests');
    for (const digest of digests as unknown[]) {
      const found = take(digest);
      if (!found) continue;
      if (found.name === undefined) fail('an array element disclosure stands where a claim belongs');
      const name = found.name as string;
      if (Object.hasOwn(out, name)) fail(`the claim ${preview(name)} is both signed and disclosed`);
      const at = path ? `${path}.${name}` : name;
      paths.push(at);
      out[name] = walk(found.value, at, depth + 1);
    }
    return out;
  };

  const claims = walk(payload, '') as Record<string, unknown>;
  delete claims._sd_alg;
  if (!problem && used.size !== byDigest.size)
    problem = {
      reason: 'disclosure_digest_mismatch',
      detail: 'a disclosure matches no digest the issuer signed',
    };
  return { claims, paths, ...(problem ? { problem } : {}) };
}
