import { type KeyObject, sign } from 'node:crypto';

export type JoseSigningAlg = 'EdDSA' | 'ES256' | 'ES256K' | 'ES384' | 'ES512';

/** Who signs a JWS: the key's id, its algorithm, and the signing operation (the key stays inside). */
export interface JoseSigner {
  /** The verification method the verifier resolves, e.g. `did:key:z6Mk…#z6Mk…`. */
  kid: string;
  alg: JoseSigningAlg;
  /** The JWS signature of the signing input: Ed25519, or ECDSA as raw r||s (IEEE P1363), not DER. */
  sign: (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;
}

const SIGNATURE_BYTES: Record<JoseSigningAlg, number> = { EdDSA: 64, ES256: 64, ES256K: 64, ES384: 96, ES512: 132 };
const HASH: Record<JoseSigningAlg, string | null> = {
  EdDSA: null,
  ES256: 'sha256',
  ES256K: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
};

const b64url = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');

/** Signs `payload` as a compact JWS with the header {alg, kid, ...header}. */
export async function signCompactJws(
  payload: object,
  signer: JoseSigner,
  header: Record<string, string> = {},
): Promise<string> {
  if (!(signer.alg in SIGNATURE_BYTES)) throw new TypeError(`unsupported alg ${String(signer.alg)}`);
  if (typeof signer.kid !== 'string' || signer.kid.length === 0) throw new TypeError('the signer needs a kid');
  const signingInput = `${b64url(JSON.stringify({ alg: signer.alg, kid: signer.kid, ...header }))}.${b64url(JSON.stringify(payload))}`;
  const signature = await signer.sign(Buffer.from(signingInput, 'ascii'));
  if (signature.length !== SIGNATURE_BYTES[signer.alg]) {
    throw new Error(
      `a ${signer.alg} JWS signature is ${SIGNATURE_BYTES[signer.alg]} bytes (ECDSA as raw r||s), got ${signature.length}`,
    );
  }
  return `${signingInput}.${b64url(signature)}`;
}

const ALG_OF_CURVE: Record<string, JoseSigningAlg> = {
  prime256v1: 'ES256',
  secp256k1: 'ES256K',
  secp384r1: 'ES384',
  secp521r1: 'ES512',
};

/** A JoseSigner over a node:crypto private key (Ed25519 or EC P-256 / secp256k1 / P-384 / P-521). */
export function nodeJoseSigner(privateKey: KeyObject, kid: string): JoseSigner {
  let alg: JoseSigningAlg | undefined;
  if (privateKey.asymmetricKeyType === 'ed25519') alg = 'EdDSA';
  else if (privateKey.asymmetricKeyType === 'ec') alg = ALG_OF_CURVE[privateKey.asymmetricKeyDetails?.namedCurve ?? ''];
  if (!alg || privateKey.type !== 'private')
    throw new TypeError('nodeJoseSigner needs an Ed25519 or EC (P-256, secp256k1, P-384, P-521) private key');
  const hash = HASH[alg];
  return {
    kid,
    alg,
    sign: (data) =>
      hash === null ? sign(null, data, privateKey) : sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  };
}
