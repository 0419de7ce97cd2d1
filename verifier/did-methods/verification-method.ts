import { getAddress } from 'ethers';
import { decodeBase58 } from './base58.ts';
import { jwkOfEcPoint } from './ec-point.ts';
import { keyFromJwk } from './key-from-jwk.ts';
import { jwkOfMulticodecKey } from './multicodec-key.ts';
import { type DidVerificationMethod, type KeyOutcome, unusable } from './types.ts';

const HEX = /^(0x)?[0-9a-fA-F]+$/;

/** A verification method (of any supported type and encoding) as a pinned key. */
export function keyOfVerificationMethod(method: DidVerificationMethod): KeyOutcome {
  const { id, type } = method;
  if (
    type === 'EcdsaSecp256k1RecoveryMethod2020' &&
    (method.blockchainAccountId !== undefined || method.ethereumAddress !== undefined) &&
    !method.publicKeyJwk &&
    !method.publicKeyHex
  ) {
    const address = ethereumAddressOf(method);
    if (!address) return unusable('the blockchainAccountId is not an Ethereum address');
    return { ok: true, key: { id, alg: 'ES256K-R', algs: ['ES256K-R', 'ES256K'], ethereumAddress: address } };
  }
  if (method.publicKeyJwk !== undefined) return keyFromJwk(id, method.publicKeyJwk);
  if (typeof method.publicKeyMultibase === 'string') {
    const value = method.publicKeyMultibase;
    if (!value.startsWith('z')) return unusable('publicKeyMultibase is not base58btc');
    const bytes = decodeBase58(value.slice(1));
    if (!bytes) return unusable('publicKeyMultibase is not valid base58btc');
    // Ed25519VerificationKey2020 and Multikey carry a multicodec prefix.
    const decoded = jwkOfMulticodecKey(bytes);
    return decoded.ok ? keyFromJwk(id, decoded.jwk) : unusable(decoded.why);
  }
  const encoded = rawKeyEncoding(method);
  if (encoded) {
    const raw = encoded.decode();
    if (!raw) return unusable(`${encoded.name} is not valid`);
    if (type === 'Ed25519VerificationKey2018' || type === 'Ed25519VerificationKey2020') {
      return raw.length === 32
        ? keyFromJwk(id, { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') })
        : unusable('an Ed25519 key must be 32 bytes');
    }
    if (
      type === 'EcdsaSecp256k1VerificationKey2019' ||
      type === 'Secp256k1VerificationKey2018' ||
      type === 'EcdsaSecp256k1RecoveryMethod2020'
    )
      return secp256k1Raw(id, raw);
    return unusable(`${encoded.name} keys of type "${type.slice(0, 60)}" are not supported`);
  }
  if (type === 'EcdsaSecp256k1RecoveryMethod2020') return unusable('the recovery method names no Ethereum account');
  return unusable(`verification method type "${String(type).slice(0, 60)}" has no supported public key`);
}

/** An Ethereum address (lower-case 0x…) from a CAIP-10 blockchainAccountId or a legacy ethereumAddress. */
function ethereumAddressOf(method: DidVerificationMethod): string | undefined {
  const raw =
    typeof method.blockchainAccountId === 'string'
      ? method.blockchainAccountId.split(':').pop()
      : method.ethereumAddress;
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  const address = raw.split('@')[0]!; // legacy "0x…@eip155:1" form
  try {
    return getAddress(address).toLowerCase();
  } catch {
    return undefined;
  }
}

/** A raw public key given as base58, hex or base64 (ethr-did-resolver writes all three). */
function rawKeyEncoding(method: DidVerificationMethod): { name: string; decode: () => Buffer | undefined } | undefined {
  const { publicKeyBase58, publicKeyHex, publicKeyBase64 } = method as DidVerificationMethod & {
    publicKeyBase64?: unknown;
  };
  if (typeof publicKeyBase58 === 'string')
    return { name: 'publicKeyBase58', decode: () => decodeBase58(publicKeyBase58) };
  if (typeof publicKeyHex === 'string') {
    return {
      name: 'publicKeyHex',
      decode: () =>
        HEX.test(publicKeyHex) && publicKeyHex.length <= 200
          ? Buffer.from(publicKeyHex.replace(/^0x/, ''), 'hex')
          : undefined,
    };
  }
  if (typeof publicKeyBase64 === 'string') {
    return {
      name: 'publicKeyBase64',
      decode: () =>
        /^[A-Za-z0-9+/]{1,200}={0,2}$/.test(publicKeyBase64) ? Buffer.from(publicKeyBase64, 'base64') : undefined,
    };
  }
  return undefined;
}

function secp256k1Raw(id: string, raw: Buffer): KeyOutcome {
  try {
    return keyFromJwk(id, jwkOfEcPoint('secp256k1', raw));
  } catch {
    return unusable('the secp256k1 key is not a point on the curve');
  }
}
