import { describe, expect, it } from 'vitest';
import { freshKeyPair } from '../../test/support/keys.ts';
import { didKeyOfJwk } from '../did-key-encoding.ts';
import { nodeJoseSigner } from '../jose/signer.ts';
import type { VerificationKey } from '../jose/verification-key.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../vc-contexts.ts';
import { envelopedCredential } from './envelopes.ts';
import {
  CREDENTIAL_FORMATS,
  envelopedToken,
  FORMAT_NAMES,
  formatNamed,
  type KeyLookup,
  readCredentialToken,
  readPresentationToken,
} from './index.ts';

/** Every registered format is held to the same contract, so a new one is tested by being listed. */
describe.each(CREDENTIAL_FORMATS.map((format) => [format.name, format] as const))('the %s format', (_name, format) => {
  const pair = freshKeyPair('ed25519');
  const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  const signer = nodeJoseSigner(pair.privateKey, kid);
  // A did:key learner: a format may bind the credential to the learner's key (sd-jwt-vc's cnf).
  const learner = didKeyOfJwk(freshKeyPair('ed25519').publicKey.export({ format: 'jwk' }));
  const key: VerificationKey = { id: kid, key: pair.publicKey, alg: 'EdDSA' };
  const lookup: KeyLookup = async (asked, askedKid, purpose) =>
    asked === did && (askedKid === undefined || askedKid === kid) && purpose === 'assertionMethod'
      ? { ok: true, key }
      : { ok: false, reason: 'key_not_found', detail: `no ${purpose} key ${askedKid} for ${asked}` };
  const credential = {
    '@context': [format.dataModel === '2.0' ? VC_V2_CONTEXT : VC_V1_CONTEXT],
    id: 'urn:uuid:8a5b4c36-7f0e-4a5e-9d0c-1f2e3d4c5b6a',
    type: ['VerifiableCredential'],
    issuer: did,
    [format.dataModel === '2.0' ? 'validFrom' : 'issuanceDate']: '2026-06-30T10:00:00Z',
    credentialSubject: { id: learner, qualification: { title: 'Electrical Installation' } },
  };

  it('signs a credential that it recognises and reads back, and whose proof its own check accepts', async () => {
    const token = await format.sign(credential, did, signer);
    const read = readCredentialToken(token);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value).toMatchObject({ format: format.name, issuer: did, subjectIds: [learner] });
    expect(await read.value.checkProof(lookup)).toEqual({ status: 'valid', keyId: kid, alg: 'EdDSA' });
  });

  it('a proof by another key is invalid, and a DID that cannot be resolved now leaves it unverifiable', async () => {
    const token = await format.sign(credential, did, nodeJoseSigner(freshKeyPair('ed25519').privateKey, kid));
    const read = readCredentialToken(token);
    if (!read.ok) throw new Error(read.detail);
    expect(await read.value.checkProof(lookup)).toMatchObject({ status: 'invalid', reason: 'signature_invalid' });
    const offline: KeyLookup = async () => ({ ok: false, reason: 'did_resolution_failed', detail: 'timed out' });
    expect(await read.value.checkProof(offline)).toMatchObject({
      status: 'unverifiable',
      reason: 'did_resolution_failed',
    });
  });

  it('is read, not reported as unsupported, when enveloped under its media type', async () => {
    const token = await format.sign(credential, did, signer);
    const enveloped = envelopedCredential(token, format.mediaType);
    expect(envelopedToken(enveloped)).toBe(token);
    const vp = `${Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'vp+jwt' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        holder: learner,
        verifiableCredential: [enveloped],
      }),
    ).toString('base64url')}.c2ln`;
    expect(readPresentationToken(vp)).toMatchObject({
      ok: true,
      value: { credentialTokens: [token], unsupportedCredentials: [] },
    });
  });
});

describe('the list of formats', () => {
  it('names each format, media type and presentation format once, and finds each by its name', () => {
    for (const values of [
      CREDENTIAL_FORMATS.map((f) => f.name),
      CREDENTIAL_FORMATS.map((f) => f.mediaType),
      CREDENTIAL_FORMATS.map((f) => f.presentation.name),
    ]) {
      expect(new Set(values).size).toBe(values.length);
    }
    expect(FORMAT_NAMES.map((name) => formatNamed(name)?.name)).toEqual(FORMAT_NAMES);
    expect(formatNamed('vc-sd-jwt-0.1')).toBeUndefined();
  });
});
