import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { checkJwsProof, type KeyPurpose } from '../../core/formats/proof.ts';
import { type ParsedJws, parseCompactJws } from '../../core/jose/compact-jws.ts';
import { DidKeyResolver } from '../did-key-resolver.ts';
import type { DidDocument } from '../did-methods/types.ts';
import { checkSignature as checkSignatureOf, type SignatureRole } from './signature.ts';

/**
 * The signature check with real Ed25519 signatures. DID documents come from did:key, or from an
 * "example" method resolver handing back fixed documents (the resolver option meant for tests):
 * one DID lists its key for assertions only, another for authentication only.
 */
const seed = randomBytes(32);
const x = ed25519PublicKeyOfSeed(seed).toString('base64url');
const didKey = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
const ASSERTS = 'did:example:asserts';
/** The two roles the signature checks give the helper (an issuer's and a holder's), with the key purpose their formats check the proof for. */
const ASSERTION = {
  check: 'signature',
  validReason: 'signature_valid',
  signerParam: 'issuer',
  purpose: 'assertionMethod',
} satisfies SignatureRole & { purpose: KeyPurpose };
const AUTHENTICATION = {
  check: 'presentation_signature',
  validReason: 'presentation_signature_valid',
  signerParam: 'holder',
  purpose: 'authentication',
} satisfies SignatureRole & { purpose: KeyPurpose };

/** The helper on a JWS-secured token whose proof its format checks as the JOSE formats do. */
const checkSignature = (
  role: typeof ASSERTION | typeof AUTHENTICATION,
  jws: ParsedJws,
  signer: string,
  keys: DidKeyResolver,
) => checkSignatureOf(role, { checkProof: (lookup) => checkJwsProof(jws, signer, role.purpose, lookup) }, signer, keys);
const AUTHENTICATES = 'did:example:authenticates';

function documentOf(did: string, relationship: 'assertionMethod' | 'authentication'): DidDocument {
  return {
    id: did,
    verificationMethod: [
      { id: `${did}#k`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x } },
    ],
    [relationship]: ['#k'],
  };
}

/** A resolver counting the documents it resolved; `fail` makes the example method's lookups fail. */
function resolver(fail?: Error) {
  const resolved: string[] = [];
  const keys = new DidKeyResolver({
    methods: {
      example: async (did) => {
        resolved.push(did);
        if (fail) throw fail;
        return { document: documentOf(did, did === ASSERTS ? 'assertionMethod' : 'authentication') };
      },
    },
  });
  return { keys, resolved };
}

async function signed(header: Record<string, unknown>, signWith = seed) {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify({ iss: 'whoever' })).toString('base64url');
  return parseCompactJws(`${h}.${p}.${await ed25519JwtSigner(signWith)(`${h}.${p}`)}`);
}

describe('checkSignature', () => {
  it('is valid for a credential signed with the key its issuer lists, naming the issuer, key and alg', async () => {
    const { keys } = resolver();
    expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA' }), didKey, keys)).toEqual({
      check: 'signature',
      status: 'valid',
      reason: 'signature_valid',
      message: `The credential was signed by ${didKey} and has not been changed since.`,
      params: { issuer: didKey },
      details: { keyId: `${didKey}#${didKey.slice('did:key:'.length)}`, alg: 'EdDSA' },
    });
  });

  it('is valid for a presentation signed with its holder’s key, under the role’s name, reason and signer parameter', async () => {
    const { keys } = resolver();
    expect(await checkSignature(AUTHENTICATION, await signed({ alg: 'EdDSA' }), didKey, keys)).toMatchObject({
      check: 'presentation_signature',
      status: 'valid',
      reason: 'presentation_signature_valid',
      params: { holder: didKey },
      details: { alg: 'EdDSA' },
    });
  });

  it('takes a credential’s key from assertionMethod and a presentation’s from authentication', async () => {
    const { keys } = resolver();
    const jws = await signed({ alg: 'EdDSA', kid: '#k' });
    expect(await checkSignature(ASSERTION, jws, ASSERTS, keys)).toMatchObject({
      status: 'valid',
      details: { keyId: `${ASSERTS}#k` },
    });
    expect(await checkSignature(AUTHENTICATION, jws, ASSERTS, keys)).toMatchObject({
      status: 'invalid',
      reason: 'key_not_found',
    });
    expect(await checkSignature(AUTHENTICATION, jws, AUTHENTICATES, keys)).toMatchObject({
      status: 'valid',
      details: { keyId: `${AUTHENTICATES}#k` },
    });
    expect(await checkSignature(ASSERTION, jws, AUTHENTICATES, keys)).toMatchObject({
      status: 'invalid',
      reason: 'key_not_found',
    });
  });

  it('finds the key by a DID URL of the signer, a #fragment or a bare fragment', async () => {
    const { keys } = resolver();
    for (const kid of [`${ASSERTS}#k`, '#k', 'k']) {
      expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA', kid }), ASSERTS, keys), kid).toMatchObject({
        status: 'valid',
      });
    }
  });

  it('refuses a kid naming another DID’s key without looking up any document', async () => {
    const { keys, resolved } = resolver();
    for (const kid of ['did:example:other#k', `${ASSERTS}x#k`, 'did:example:asserts:sub#k']) {
      expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA', kid }), ASSERTS, keys), kid).toEqual(
        expect.objectContaining({ status: 'invalid', reason: 'key_not_found', params: { did: ASSERTS } }),
      );
    }
    expect(resolved).toEqual([]);
  });

  it('refuses a kid that is not a string, and a header alg that is not a string, before any lookup', async () => {
    const { keys, resolved } = resolver();
    expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA', kid: 7 }), ASSERTS, keys)).toMatchObject({
      status: 'invalid',
      reason: 'key_not_found',
      params: { did: ASSERTS },
    });
    expect(await checkSignature(ASSERTION, await signed({}), ASSERTS, keys)).toMatchObject({
      status: 'invalid',
      reason: 'alg_not_allowed',
      params: { alg: 'undefined' },
    });
    expect(
      await checkSignature(ASSERTION, await signed({ alg: ['EdDSA', 'x'.repeat(60)] }), ASSERTS, keys),
    ).toMatchObject({
      status: 'invalid',
      reason: 'alg_not_allowed',
      params: { alg: `EdDSA,${'x'.repeat(34)}` },
    });
    expect(resolved).toEqual([]);
  });

  it('refuses a header alg the key does not allow ("none", HS256, another key type’s)', async () => {
    const { keys } = resolver();
    for (const alg of ['none', 'HS256', 'ES256', `ES256${'K'.repeat(50)}`]) {
      expect(await checkSignature(ASSERTION, await signed({ alg }), didKey, keys), alg).toMatchObject({
        status: 'invalid',
        reason: 'alg_not_allowed',
        params: { alg: alg.slice(0, 40) },
      });
    }
  });

  it('is invalid for a signature by another key, or over other content', async () => {
    const { keys } = resolver();
    expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA' }, randomBytes(32)), didKey, keys)).toEqual(
      expect.objectContaining({ status: 'invalid', reason: 'signature_invalid' }),
    );
    const jws = await signed({ alg: 'EdDSA' });
    expect(
      await checkSignature(
        ASSERTION,
        { ...jws, signingInput: Buffer.concat([jws.signingInput, Buffer.from('x')]) },
        didKey,
        keys,
      ),
    ).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
  });

  it('is unverifiable when the DID could not be resolved right now, invalid when the DID says no', async () => {
    const down = resolver(new Error('connect ECONNREFUSED'));
    expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA' }), ASSERTS, down.keys)).toMatchObject({
      status: 'unverifiable',
      reason: 'did_resolution_failed',
      params: { did: ASSERTS },
      details: { detail: expect.stringContaining('ECONNREFUSED') },
    });
    const { keys } = resolver();
    const unsupported = `did:nope:${'a'.repeat(300)}`;
    expect(await checkSignature(ASSERTION, await signed({ alg: 'EdDSA' }), unsupported, keys)).toMatchObject({
      status: 'invalid',
      reason: 'unsupported_did_method',
      params: { did: unsupported.slice(0, 200) },
    });
  });
});
