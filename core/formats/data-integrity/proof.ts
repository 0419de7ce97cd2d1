import { base58 } from '@scure/base';
import type { VerificationKey } from '../../jose/verification-key.ts';
import { verifyJwsSignatureAsync } from '../../jose/verify-signature.ts';
import { isPlainObject, own } from '../../json-limits.ts';
import { fail, isUrl, parseDateTime, preview } from '../data-model.ts';
import type { KeyLookup, KeyPurpose, ProofOutcome } from '../proof.ts';
import { type Canonicalisation, type HashName, hashDataOf } from './canonical-form.ts';

/** The cryptosuites checked here, how each canonicalises, and the key algorithms (and so hashes) each allows. */
const CRYPTOSUITES: Record<string, { canonicalisation: Canonicalisation; algs: Partial<Record<string, HashName>> }> = {
  'eddsa-rdfc-2022': { canonicalisation: 'rdfc', algs: { EdDSA: 'sha256' } },
  'eddsa-jcs-2022': { canonicalisation: 'jcs', algs: { EdDSA: 'sha256' } },
  // P-256 keys hash with SHA-256, P-384 keys with SHA-384 (vc-di-ecdsa §3.3).
  'ecdsa-rdfc-2019': { canonicalisation: 'rdfc', algs: { ES256: 'sha256', ES384: 'sha384' } },
};
export const CRYPTOSUITE_NAMES = Object.keys(CRYPTOSUITES);

/** A proof as read: a Data Integrity proof of a cryptosuite checked here, or what it is instead. */
export type ReadProof =
  | {
      supported: true;
      proof: Record<string, unknown>;
      cryptosuite: string;
      verificationMethod: string;
      signature: Buffer;
      expires?: Date;
    }
  | { supported: false; name: string };

/** Reads a proof's structure (never its signature): a malformed Data Integrity proof is a malformed credential. */
export function readProof(value: unknown, purpose: KeyPurpose): ReadProof {
  if (!isPlainObject(value)) return fail('the "proof" is not an object');
  const type = own(value, 'type');
  if (type !== 'DataIntegrityProof')
    return { supported: false, name: typeof type === 'string' ? type.slice(0, 60) : '?' };
  const cryptosuite = own(value, 'cryptosuite');
  if (typeof cryptosuite !== 'string') return fail('the proof has no "cryptosuite"');
  if (!Object.hasOwn(CRYPTOSUITES, cryptosuite)) return { supported: false, name: cryptosuite.slice(0, 60) };
  const verificationMethod = own(value, 'verificationMethod');
  if (!isUrl(verificationMethod))
    fail(`the proof's "verificationMethod" is not a URL (${preview(verificationMethod)})`);
  if (own(value, 'proofPurpose') !== purpose)
    fail(`the proof's "proofPurpose" is ${preview(own(value, 'proofPurpose'))}, not ${purpose}`);
  const proofValue = own(value, 'proofValue');
  let signature: Buffer | undefined;
  if (typeof proofValue === 'string' && proofValue.startsWith('z') && proofValue.length <= 400) {
    try {
      signature = Buffer.from(base58.decode(proofValue.slice(1)));
    } catch {
      signature = undefined;
    }
  }
  if (!signature) return fail('the proof\'s "proofValue" is not a base58btc multibase value ("z…")');
  for (const name of ['created', 'expires']) {
    const date = own(value, name);
    if (date !== undefined && !parseDateTime(date, false))
      fail(`the proof's "${name}" is not an XML Schema dateTime (${preview(date)})`);
  }
  const expires = parseDateTime(own(value, 'expires'), false);
  return {
    supported: true,
    proof: value,
    cryptosuite,
    verificationMethod: verificationMethod as string,
    signature,
    ...(expires ? { expires } : {}),
  };
}

/** Checks a Data Integrity proof over `document` with a key already found (no DID resolution): the cryptosuite's own steps. */
export async function verifyProofWithKey(
  document: Record<string, unknown>,
  read: Extract<ReadProof, { supported: true }>,
  key: VerificationKey,
): Promise<ProofOutcome> {
  const hash = CRYPTOSUITES[read.cryptosuite]!.algs[key.alg];
  if (!hash) return { status: 'invalid', reason: 'alg_not_allowed', params: { alg: read.cryptosuite } };
  const hashed = await hashDataOf(document, read.proof, CRYPTOSUITES[read.cryptosuite]!.canonicalisation, hash);
  if (!hashed.ok) {
    if (hashed.reason === 'context_unknown')
      return { status: 'unverifiable', reason: 'context_unknown', params: { url: hashed.url.slice(0, 200) } };
    return { status: 'invalid', reason: hashed.reason, params: {}, detail: hashed.detail };
  }
  if (!(await verifyJwsSignatureAsync(key, hashed.hashData, read.signature, key.alg)))
    return { status: 'invalid', reason: 'signature_invalid', params: {} };
  return { status: 'valid', keyId: key.id, alg: read.cryptosuite };
}

/**
 * A Data Integrity proof by `signer`: its verification method must be one of the signer's own (the
 * signer's DID or URL, then `#…`), looked up for `purpose`, as a JWS's kid is. A proof by anyone
 * else's key proves nothing about the signer, so it is refused before any key is looked up.
 */
export async function checkDataIntegrityProof(
  document: Record<string, unknown>,
  read: ReadProof,
  signer: string,
  purpose: KeyPurpose,
  keys: KeyLookup,
): Promise<ProofOutcome> {
  if (!read.supported)
    return { status: 'unverifiable', reason: 'cryptosuite_unsupported', params: { cryptosuite: read.name } };
  const vm = read.verificationMethod;
  if (vm !== signer && !vm.startsWith(`${signer}#`))
    return {
      status: 'invalid',
      reason: 'key_not_found',
      params: { did: signer.slice(0, 200) },
      detail: `the proof's verification method ${vm.slice(0, 200)} is not one of the signer's`,
    };
  const found = await keys(signer, vm === signer ? undefined : vm, purpose);
  if (!found.ok) {
    const status = found.reason === 'did_resolution_failed' ? 'unverifiable' : 'invalid';
    return { status, reason: found.reason, params: { did: signer.slice(0, 200) }, detail: found.detail };
  }
  return verifyProofWithKey(document, read, found.key);
}
