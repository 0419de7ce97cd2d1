import { createPrivateKey, ECDH, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { base58btc } from 'multiformats/bases/base58';
import { conformancePath } from './conformance.ts';

/** The did:key spec test vectors (w3c-ccg/did-key-spec) that hold signing keys, read as published. */

/**
 * The vectors' base58 decoded by another library than the code under test uses (multiformats
 * rather than @scure/base), so a decoding bug in one shows against the other.
 */
const base58 = (text: string): Buffer => Buffer.from(base58btc.baseDecode(text));

const CURVE_OF_TYPE: Record<string, [string, string]> = {
  EcdsaSecp256k1VerificationKey2019: ['secp256k1', 'secp256k1'],
  P256Key2021: ['P-256', 'prime256v1'],
};

export type DidKeyVectorEntry = Record<string, any>;

export const readDidKeyVectors = (file: string) => JSON.parse(readFileSync(conformancePath('did-key', file), 'utf8'));

/** The public JWK a vector says its did:key holds. */
export function expectedJwk(entry: DidKeyVectorEntry): Record<string, string> {
  const jwk = entry.publicKeyJwk ?? entry.verificationMethod?.publicKeyJwk ?? entry.verificationKeyPair?.publicKeyJwk;
  if (jwk)
    return jwk.kty === 'RSA'
      ? { kty: 'RSA', n: jwk.n, e: jwk.e }
      : jwk.kty === 'EC'
        ? { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
        : { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const pair = entry.verificationKeyPair ?? entry.verificationMethod;
  const raw = base58(pair.publicKeyBase58);
  if (pair.type === 'Ed25519VerificationKey2018') return { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') };
  const [crv, nodeCurve] = CURVE_OF_TYPE[pair.type]!;
  const point = ECDH.convertKey(raw, nodeCurve, undefined, undefined, 'uncompressed') as Buffer;
  const size = (point.length - 1) / 2;
  return {
    kty: 'EC',
    crv,
    x: point.subarray(1, 1 + size).toString('base64url'),
    y: point.subarray(1 + size).toString('base64url'),
  };
}

export function signingVectors(): { file: string; did: string; entry: DidKeyVectorEntry }[] {
  return ['ed25519-x25519.json', 'secp256k1.json', 'nist-curves.json', 'rsa.json'].flatMap((file) =>
    Object.entries(readDidKeyVectors(file) as Record<string, DidKeyVectorEntry>).map(([did, entry]) => ({
      file,
      did,
      entry,
    })),
  );
}

/** The vector's private key (a private JWK, or a seed), or undefined when it publishes none. */
export function vectorPrivateKey(entry: DidKeyVectorEntry): KeyObject | undefined {
  const privateJwk =
    entry.privateKeyJwk ?? entry.verificationMethod?.privateKeyJwk ?? entry.verificationKeyPair?.privateKeyJwk;
  if (privateJwk) return createPrivateKey({ key: privateJwk, format: 'jwk' });
  if (!entry.seed) return undefined;
  const expected = expectedJwk(entry);
  if (expected.crv === 'Ed25519')
    return createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(entry.seed, 'hex')]),
      format: 'der',
      type: 'pkcs8',
    });
  return createPrivateKey({
    key: { ...expected, d: Buffer.from(entry.seed, 'hex').toString('base64url') },
    format: 'jwk',
  });
}
