import { describe, expect, it } from 'vitest';
import { ACCEPTED_ENVELOPE_CONTEXTS, REFUSED_ENVELOPE_CONTEXTS } from '../../test/support/envelope-contexts.ts';
import { envelopedToken, FormatError, readPresentationToken, VC_V2_CONTEXT } from './index.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const token = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.c2ln`;
const vcToken = token(
  { alg: 'EdDSA', typ: 'vc+jwt' },
  {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiableCredential'],
    issuer: 'did:example:i',
    credentialSubject: { id: 'did:example:h' },
  },
);

const envelope = (type: string, mediaType: string, jwt: string, context: unknown) => ({
  ...(context === undefined ? {} : { '@context': context }),
  type,
  id: `data:application/${mediaType},${jwt}`,
});

describe('a top-level envelope (a VC API request input)', () => {
  for (const [type, mediaType] of [
    ['EnvelopedVerifiableCredential', 'vc+jwt'],
    ['EnvelopedVerifiablePresentation', 'vp+jwt'],
  ] as const) {
    it.each(REFUSED_ENVELOPE_CONTEXTS)(`${type} whose @context is %s is refused, saying why`, (_, context) => {
      expect(() => envelopedToken(envelope(type, mediaType, vcToken, context))).toThrow(FormatError);
      expect(() => envelopedToken(envelope(type, mediaType, vcToken, context))).toThrow(/"@context"/);
    });

    it.each(ACCEPTED_ENVELOPE_CONTEXTS)(`${type} whose @context is %s gives its token`, (_, context) => {
      expect(envelopedToken(envelope(type, mediaType, vcToken, context))).toBe(vcToken);
    });
  }

  it('anything that is not an envelope of a JWT is still "not an envelope" (undefined), whatever its @context', () => {
    expect(envelopedToken({ type: 'EnvelopedVerifiableCredential', id: 'https://college.example/1' })).toBeUndefined();
    expect(
      envelopedToken({
        '@context': [VC_V2_CONTEXT],
        type: 'VerifiableCredential',
        id: `data:application/vc+jwt,${vcToken}`,
      }),
    ).toBeUndefined();
  });
});

describe('an envelope inside a presentation', () => {
  const presentation = (context: unknown, mediaType = 'vc+jwt') =>
    token(
      { alg: 'EdDSA', typ: 'vp+jwt' },
      {
        '@context': [VC_V2_CONTEXT],
        type: 'VerifiablePresentation',
        holder: 'did:example:h',
        verifiableCredential: [envelope('EnvelopedVerifiableCredential', mediaType, vcToken, context)],
      },
    );

  it.each(REFUSED_ENVELOPE_CONTEXTS)(
    'whose @context is %s makes the presentation malformed, naming the credential',
    (_, context) => {
      for (const mediaType of ['vc+jwt', 'vc+sd-jwt']) {
        expect(readPresentationToken(presentation(context, mediaType))).toMatchObject({
          ok: false,
          reason: 'malformed_presentation',
          detail: expect.stringMatching(/envelope of credential 1.*"@context"/),
        });
      }
    },
  );

  it.each(ACCEPTED_ENVELOPE_CONTEXTS)('whose @context is %s is read', (_, context) => {
    expect(readPresentationToken(presentation(context))).toMatchObject({
      ok: true,
      value: { credentialTokens: [vcToken] },
    });
  });
});
