import { describe, expect, it } from 'vitest';
import { freshKeyPair } from '../../test/support/keys.ts';
import { hashOf, syntheticTrustBundle } from '../../test/support/trust-bundle.ts';
import { findHash } from './payload.ts';
import { didKeyOfEd25519Key, openTrustBundle, signTrustBundle } from './signed-bundle.ts';
import { TrustBundleError } from './validate-payload.ts';

const { privateKey } = freshKeyPair('ed25519');
const signer = didKeyOfEd25519Key(privateKey);
const payload = syntheticTrustBundle(
  { institutions: 3, credentials: 40, batchSize: 10, revocations: 5 },
  1_800_000_000,
);
const bundle = signTrustBundle(payload, privateKey);

const reencode = (part: string, change: (value: Record<string, any>) => void) => {
  const value = JSON.parse(Buffer.from(part, 'base64url').toString());
  change(value);
  return Buffer.from(JSON.stringify(value)).toString('base64url');
};

describe('signed trust bundle', () => {
  it('opens what it signs, every field kept', () => {
    expect(openTrustBundle(bundle, signer)).toEqual(payload);
  });

  it('opens a bundle made before status lists were exported: it holds none, and says nothing of them', () => {
    const older = structuredClone(payload);
    for (const institution of older.registries[0]!.institutions) delete institution.statusLists;
    expect(
      openTrustBundle(signTrustBundle(older, privateKey), signer).registries[0]!.institutions[0],
    ).not.toHaveProperty('statusLists');
  });

  it('packs hashes sorted, found by binary search', () => {
    const roots = Buffer.from(payload.registries[0]!.anchors.roots, 'base64url');
    expect(roots.length).toBe(4 * 32);
    expect(findHash(roots, Buffer.from(hashOf('root 2').slice(2), 'hex'))).toBeGreaterThanOrEqual(0);
    expect(findHash(roots, Buffer.from(hashOf('root 9').slice(2), 'hex'))).toBe(-1);
  });

  it('refuses a changed payload: the signature no longer matches', () => {
    const [header, body, signature] = bundle.split('.');
    const changed = reencode(body!, (p) => {
      p.registries[0].institutions[0].revocations = { hashes: '', revokedAt: [], reason: [] };
    });
    expect(() => openTrustBundle(`${header}.${changed}.${signature}`, signer)).toThrow(/signature does not match/);
  });

  it('refuses an unsigned bundle, plain JSON or a JWS without signature', () => {
    const [header, body] = bundle.split('.');
    expect(() => openTrustBundle(JSON.stringify(payload), signer)).toThrow(/not signed/);
    expect(() => openTrustBundle(`${header}.${body}.`, signer)).toThrow(/not signed/);
    const none = reencode(header!, (h) => {
      h.alg = 'none';
    });
    expect(() => openTrustBundle(`${none}.${body}.x`, signer)).toThrow(/alg "EdDSA"/);
  });

  it('refuses a bundle signed by another key than the configured one', () => {
    const other = freshKeyPair('ed25519').privateKey;
    expect(() => openTrustBundle(signTrustBundle(payload, other), signer)).toThrow(/not by the configured signer/);
    expect(() => openTrustBundle(bundle, 'did:web:example.org')).toThrow(TrustBundleError);
  });

  it('names the first wrong field of a signed but malformed payload', () => {
    const wrong = (change: (p: any) => void) => {
      const p = structuredClone(payload) as any;
      change(p);
      return () => openTrustBundle(signTrustBundle(p, privateKey), signer);
    };
    expect(wrong((p) => (p.version = 2))).toThrow(/payload.version/);
    expect(wrong((p) => (p.expiresAt = p.issuedAt))).toThrow(/payload.expiresAt/);
    expect(wrong((p) => (p.registries[0].anchors.batchSize = [1]))).toThrow(/anchors.batchSize must have 4 items/);
    expect(wrong((p) => (p.registries[0].anchors.roots += 'AA'))).toThrow(/whole 32-byte hashes/);
    expect(
      wrong((p) => {
        const roots = Buffer.from(p.registries[0].anchors.roots, 'base64url');
        p.registries[0].anchors.roots = Buffer.concat([
          roots.subarray(32, 64),
          roots.subarray(0, 32),
          roots.subarray(64),
        ]).toString('base64url');
      }),
    ).toThrow(/sorted without duplicates/);
    expect(wrong((p) => (p.registries[0].registry = 'nope'))).toThrow(/registry must be a lower-case 0x address/);
    expect(wrong((p) => (p.registries[0].institutions[0].statusHistory = [[7, 1]]))).toThrow(/statusHistory\[0\]\[0\]/);
    expect(wrong((p) => (p.registries[0].institutions[0].statusLists.bitsHashes = ''))).toThrow(
      /statusLists.bitsHashes must hold 1 32-byte hashes, one per list/,
    );
    expect(wrong((p) => (p.registries[0].institutions[0].statusLists.bitsOnly = [2]))).toThrow(
      /statusLists.bitsOnly\[0\] must be a whole number from 0 to 1/,
    );
  });
});
