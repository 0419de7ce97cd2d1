import { dataIntegrity } from './data-integrity/index.ts';
import { FormatError } from './data-model.ts';
import { envelopedTokenOf } from './envelopes.ts';
import { sdJwtVc } from './sd-jwt-vc/index.ts';
import { explainUnrecognisedCredential, explainUnrecognisedPresentation, securedToken } from './secured-token.ts';
import type {
  CredentialFormat,
  ReadCredential,
  ReadFailureReason,
  ReadOnlyCredentialFormat,
  ReadPresentation,
  ReadResult,
} from './types.ts';
import { vcJose20 } from './vc-jose-2.0/index.ts';
import { vcJwt11 } from './vc-jwt-1.1/index.ts';

/**
 * The credential formats this project reads and signs, one line each. A new format is a folder
 * beside these exporting a CredentialFormat, and a line here; the first that recognises a token
 * reads it.
 */
export const CREDENTIAL_FORMATS = [vcJwt11, vcJose20, sdJwtVc] as const satisfies readonly CredentialFormat[];

/** Formats read and verified but never signed here, one line each, tried after the signing ones. */
export const READ_ONLY_FORMATS = [dataIntegrity] as const satisfies readonly ReadOnlyCredentialFormat[];
const READABLE_FORMATS: readonly ReadOnlyCredentialFormat[] = [...CREDENTIAL_FORMATS, ...READ_ONLY_FORMATS];

export type RegisteredFormat = (typeof CREDENTIAL_FORMATS)[number];
export type CredentialFormatName = RegisteredFormat['name'];
export const FORMAT_NAMES: readonly CredentialFormatName[] = CREDENTIAL_FORMATS.map((f) => f.name);

/** The format of this name; undefined for a name that is not registered. */
export function formatNamed(name: string): RegisteredFormat | undefined {
  return CREDENTIAL_FORMATS.find((f) => f.name === name);
}

/** The credential media types a registered format reads (enveloped credentials of any other are reported, not read). */
const READABLE_MEDIA_TYPES: ReadonlySet<string> = new Set(READABLE_FORMATS.map((f) => f.mediaType));
/** What a VC API request may envelope: a credential or a presentation of a signing format (an embedded proof needs no envelope). */
const ENVELOPE_MEDIA_TYPES: ReadonlySet<string> = new Set(
  CREDENTIAL_FORMATS.flatMap((f) => [f.mediaType, f.presentation.mediaType]),
);

/** The secured token in a VC API request's enveloped credential or presentation; undefined for anything else. */
export const envelopedToken = (value: unknown): string | undefined => envelopedTokenOf(value, ENVELOPE_MEDIA_TYPES);

/** Why a token was refused, attributed to the part that failed (the JWS, or the credential or presentation in it). */
class ReadError extends FormatError {
  constructor(
    readonly reason: ReadFailureReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** Runs a reader, turning every failure (and, defensively, any unexpected exception) into a result. */
function attempt<T>(reason: ReadFailureReason, read: () => T): ReadResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, reason: error.reason, detail: error.message };
    if (error instanceof FormatError) return { ok: false, reason, detail: error.message };
    return {
      ok: false,
      reason,
      detail: `the token could not be read (${error instanceof Error ? error.name : 'error'})`,
    };
  }
}

/** Reads a credential in any registered format. Checks structure only, never the proof or the clock. Never throws. */
export function readCredentialToken(text: unknown): ReadResult<ReadCredential> {
  return attempt('malformed_credential', () => {
    if (typeof text !== 'string') throw new ReadError('malformed_jws', 'the token is not a string');
    const token = securedToken(text, 'credential');
    const format = READABLE_FORMATS.find((f) => f.recognises(token));
    if (format) return format.read(token);
    if (token.problem) throw new ReadError(token.problem.reason, token.problem.detail);
    return explainUnrecognisedCredential(token.jws!);
  });
}

/**
 * Reads a presentation in any registered format. Checks structure only; the credentials inside
 * are listed, each to be read and verified on its own. Never throws.
 */
export function readPresentationToken(text: unknown): ReadResult<ReadPresentation> {
  return attempt('malformed_presentation', () => {
    if (typeof text !== 'string') throw new ReadError('malformed_jws', 'the token is not a string');
    const token = securedToken(text, 'presentation');
    const format = READABLE_FORMATS.find((f) => f.presentation.recognises(token));
    if (!format) {
      if (token.problem) throw new ReadError(token.problem.reason, token.problem.detail);
      return explainUnrecognisedPresentation(token.jws!);
    }
    const { credentials, ...presentation } = format.presentation.read(token);
    const readable = credentials.filter((c) => READABLE_MEDIA_TYPES.has(c.mediaType));
    return {
      ...presentation,
      credentialTokens: readable.map((c) => c.token),
      unsupportedCredentials: credentials
        .filter((c) => !READABLE_MEDIA_TYPES.has(c.mediaType))
        .map(({ index, mediaType }) => ({ index, mediaType })),
    };
  });
}

export {
  FormatError,
  isUrl,
  MAX_CREDENTIALS_PER_PRESENTATION,
  parseDateTime,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from './data-model.ts';
export { envelopedCredential } from './envelopes.ts';
export { securedObjectToken } from './object-token.ts';
export type { KeyLookup, KeyPurpose, ProofOutcome } from './proof.ts';
export type { CredentialFormat, ReadCredential, ReadPresentation, ReadResult } from './types.ts';
export { type Validity, validityAt } from './validity.ts';
