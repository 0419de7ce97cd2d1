import { constants, type KeyObject, sign } from 'node:crypto';

const HASH: Record<string, string> = {
  ES256: 'sha256',
  ES256K: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  RS256: 'sha256',
  PS256: 'sha256',
};

/** A compact-JWS signing input and its signature, made with node:crypto. */
export function signedJws(
  alg: string,
  privateKey: KeyObject,
  payload: object = { iss: 'x', n: Math.random() },
): { input: Buffer; signature: Buffer } {
  const input = Buffer.from(
    `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`,
    'ascii',
  );
  let signature: Buffer;
  if (alg === 'EdDSA') signature = sign(null, input, privateKey);
  else if (alg.startsWith('ES')) signature = sign(HASH[alg]!, input, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  else if (alg.startsWith('PS'))
    signature = sign(HASH[alg]!, input, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  else signature = sign(HASH[alg]!, input, privateKey);
  return { input, signature };
}
