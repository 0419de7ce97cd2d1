/**
 * A learner's DID is checked at issue time without the network: did:key and did:jwk must hold a
 * key that can sign, did:web a host name, did:ethr a checksummed address or a secp256k1 key.
 * Keys are real ones, made here with node:crypto.
 */

import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { didKeyOfJwk } from '../core/did-key-encoding.ts';
import { didKeyOfEd25519 } from '../core/ed25519.ts';
import { freshKeyPair } from '../test/support/keys.ts';
import { didJwkOfJwk } from '../verifier/did-methods/did-jwk.ts';
import { subjectDidProblem } from './subject-did.ts';

type Jwk = Record<string, string>;
const publicJwk = (type: 'ed25519' | 'ec' | 'rsa', options: object = {}) =>
  freshKeyPair(type, options).publicKey.export({ format: 'jwk' }) as Jwk;
/** A compressed secp256k1 point of a real key, as a did:ethr public key. */
function secp256k1Compressed(): string {
  const jwk = publicJwk('ec', { namedCurve: 'secp256k1' });
  const y = Buffer.from(jwk.y!, 'base64url');
  return `0x${y[31]! & 1 ? '03' : '02'}${Buffer.from(jwk.x!, 'base64url').toString('hex')}`;
}

describe('DIDs a learner may have', () => {
  const accepted: [string, () => string][] = [
    ['an Ed25519 did:key', () => didKeyOfJwk(publicJwk('ed25519'))],
    ['a P-256 did:key', () => didKeyOfJwk(publicJwk('ec', { namedCurve: 'P-256' }))],
    ['a P-384 did:key', () => didKeyOfJwk(publicJwk('ec', { namedCurve: 'P-384' }))],
    ['a secp256k1 did:key', () => didKeyOfJwk(publicJwk('ec', { namedCurve: 'secp256k1' }))],
    ['an RSA-2048 did:key', () => didKeyOfJwk(publicJwk('rsa', { modulusLength: 2048 }))],
    ['an Ed25519 did:jwk', () => didJwkOfJwk(publicJwk('ed25519'))],
    ['a P-256 did:jwk for signatures', () => didJwkOfJwk({ ...publicJwk('ec', { namedCurve: 'P-256' }), use: 'sig' })],
    ['a did:web with a port and a path', () => 'did:web:college.example%3A8443:learners:amina'],
    ['a did:ethr with a checksummed address', () => 'did:ethr:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ['a did:ethr on a named network', () => 'did:ethr:sepolia:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    [
      'a did:ethr on a network this verifier does not know',
      () => 'did:ethr:someotherchain:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    ],
    ['a did:ethr public key', () => `did:ethr:${secp256k1Compressed()}`],
    ['a DID of another method', () => 'did:example:123456789abcdefghi'],
  ];
  for (const [name, did] of accepted) {
    it(`accepts ${name}`, async () => {
      expect(await subjectDidProblem(did())).toBeUndefined();
    });
  }
});

/** The 32 bytes of a did:key with one character mistyped in its key: no Ed25519 point. */
const MISTYPED_ED25519 = Buffer.from(base58.decode('6MkhaXgBZDvotDkL52572aiztiGiC2QtKLGpbnnEGta2doK')).subarray(2);

describe('DIDs that cannot be a learner’s', () => {
  const offCurve = () => {
    const jwk = publicJwk('ec', { namedCurve: 'P-256' });
    const x = Buffer.from(jwk.x!, 'base64url');
    x.writeUInt8(x[0]! ^ 0x40, 0);
    return { ...jwk, x: x.toString('base64url') };
  };
  const refused: [string, () => string, RegExp][] = [
    [
      'a did:key one character off, decoding to no key type (a varint not minimally encoded)',
      () => 'did:key:z6MkaaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      /no multicodec prefix|not a supported public key type|must be/,
    ],
    [
      'a did:key one character off, decoding to 32 bytes that are no Ed25519 point',
      () => 'did:key:z6MkhaXgBZDvotDkL52572aiztiGiC2QtKLGpbnnEGta2doK',
      /not a point on the curve/,
    ],
    [
      'a did:key whose Ed25519 y is the field prime (not canonical)',
      () => didKeyOfEd25519(Buffer.from(`ed${'ff'.repeat(30)}7f`, 'hex')),
      /not a point on the curve/,
    ],
    [
      'a did:key of the Ed25519 identity point (small order)',
      () => didKeyOfEd25519(Buffer.from(`01${'00'.repeat(31)}`, 'hex')),
      /small-order/,
    ],
    ['a truncated did:key', () => 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2do', /multicodec|must be/],
    ['did:key:abc', () => 'did:key:abc', /expected did:key:z<base58btc>/],
    [
      'a did:key of an X25519 key',
      () => 'did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc',
      /key agreement only/,
    ],
    ['a did:key of an RSA-1024 key', () => didKeyOfJwk(publicJwk('rsa', { modulusLength: 1024 })), /2048/],
    ['a did:jwk off the curve', () => didJwkOfJwk(offCurve()), /cannot be imported|point/],
    [
      'a did:jwk whose Ed25519 key is no point of the curve',
      () => didJwkOfJwk({ kty: 'OKP', crv: 'Ed25519', x: MISTYPED_ED25519.toString('base64url') }),
      /not a point on the curve/,
    ],
    ['a did:jwk for encryption', () => didJwkOfJwk({ ...publicJwk('ed25519'), use: 'enc' }), /not signatures/],
    [
      'a did:jwk with a private key',
      () => `did:jwk:${Buffer.from(JSON.stringify({ ...publicJwk('ed25519'), d: 'AAAA' })).toString('base64url')}`,
      /private/,
    ],
    [
      'a did:jwk of a symmetric key',
      () => `did:jwk:${Buffer.from(JSON.stringify({ kty: 'oct', k: 'AAAA' })).toString('base64url')}`,
      /private or symmetric/,
    ],
    ['a did:web with an underscore in its host', () => 'did:web:bad_host.example', /host name/],
    ['a did:web with a path segment ".."', () => 'did:web:college.example:..:admin', /path segment/],
    ['a did:ethr with a wrong checksum', () => 'did:ethr:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', /checksum/],
    ['a did:ethr public key off the curve', () => `did:ethr:0x02${'00'.repeat(31)}05`, /not a secp256k1 key/],
  ];
  for (const [name, did, why] of refused) {
    it(`refuses ${name}`, async () => {
      expect(await subjectDidProblem(did())).toMatch(why);
    });
  }
});
