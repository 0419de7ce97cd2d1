import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { base58 } from '@scure/base';
import { didKeyOfEd25519, ed25519PublicKey } from '../ed25519.ts';
import { MULTICODEC, splitMulticodec } from '../multicodec.ts';
import type { TrustBundlePayload } from './payload.ts';
import { TrustBundleError, validateTrustBundlePayload } from './validate-payload.ts';

/** The JWS `typ` of a trust bundle, so that no other token signed by the same key passes for one. */
export const TRUST_BUNDLE_JWS_TYPE = 'skillmark-trust-bundle+jws';
/** Far above the bench's 100 institutions, a million credentials and 10,000 revocations (under 1 MiB). */
export const MAX_TRUST_BUNDLE_BYTES = 64 * 1024 * 1024;

/** The Ed25519 public key a did:key names; throws when it names none. */
export function ed25519KeyOfDidKey(did: string): KeyObject {
  const tagged = did.startsWith('did:key:z')
    ? splitMulticodec(base58.decode(did.slice('did:key:z'.length)))
    : undefined;
  if (tagged?.code !== MULTICODEC.ed25519 || tagged.key.length !== 32)
    throw new TrustBundleError(`"${did}" is not the did:key of an Ed25519 key (did:key:z6Mk…)`);
  return ed25519PublicKey(tagged.key);
}

/** The did:key of an Ed25519 private or public key. */
export function didKeyOfEd25519Key(key: KeyObject): string {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519') throw new TrustBundleError('the trust bundle signing key must be an Ed25519 key');
  return didKeyOfEd25519(Buffer.from(jwk.x!, 'base64url'));
}

/** The bundle as a compact JWS signed with EdDSA (Ed25519); `kid` names the signer's did:key. */
export function signTrustBundle(payload: TrustBundlePayload, privateKey: KeyObject): string {
  const header = { alg: 'EdDSA', typ: TRUST_BUNDLE_JWS_TYPE, kid: didKeyOfEd25519Key(privateKey) };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

const decodeJson = (part: string, what: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TrustBundleError(`trust bundle: its ${what} is not base64url JSON`);
  }
};

/**
 * The payload of a bundle signed by `signerDid` (an Ed25519 did:key), every field checked. Throws a
 * TrustBundleError saying what is wrong: not a signed bundle, another signer, a changed content.
 */
export function openTrustBundle(text: string, signerDid: string): TrustBundlePayload {
  const key = ed25519KeyOfDidKey(signerDid);
  if (text.length > MAX_TRUST_BUNDLE_BYTES) throw new TrustBundleError('trust bundle: larger than the size limit');
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[2] === '')
    throw new TrustBundleError(
      'trust bundle: it is not signed (a signed bundle is a compact JWS: header.payload.signature)',
    );
  const [header, payload, signature] = parts as [string, string, string];
  const h = decodeJson(header, 'header') as Record<string, unknown>;
  if (h?.alg !== 'EdDSA' || h.typ !== TRUST_BUNDLE_JWS_TYPE)
    throw new TrustBundleError(`trust bundle: the header must say alg "EdDSA" and typ "${TRUST_BUNDLE_JWS_TYPE}"`);
  if (h.kid !== signerDid)
    throw new TrustBundleError(`trust bundle: signed by ${String(h.kid)}, not by the configured signer ${signerDid}`);
  if (!verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')))
    throw new TrustBundleError(
      'trust bundle: the signature does not match: the bundle was changed after it was signed',
    );
  return validateTrustBundlePayload(decodeJson(payload, 'payload'));
}

/** Reads and opens a bundle file, refusing one above the size limit before reading it. */
export function readTrustBundleFile(path: string, signerDid: string): TrustBundlePayload {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new TrustBundleError(`trust bundle ${path}: cannot be read (${(error as Error).message})`);
  }
  if (size > MAX_TRUST_BUNDLE_BYTES)
    throw new TrustBundleError(`trust bundle ${path}: ${size} bytes, above the limit of ${MAX_TRUST_BUNDLE_BYTES}`);
  return openTrustBundle(readFileSync(path, 'utf8'), signerDid);
}
