/** A compact JWS split into its parts; nothing is trusted yet. */
export interface ParsedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

export class JwsFormatError extends Error {}

const SEGMENT = /^[A-Za-z0-9_-]*$/;
/** Larger than any credential or presentation we expect; bounds work on hostile input. */
export const MAX_JWS_LENGTH = 256 * 1024;

function decodeJsonSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(segment, 'base64url')));
  } catch {
    throw new JwsFormatError(`the ${what} is not base64url-encoded UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwsFormatError(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export function parseCompactJws(jws: string): ParsedJws {
  if (jws.length > MAX_JWS_LENGTH) throw new JwsFormatError(`the token is longer than ${MAX_JWS_LENGTH} characters`);
  const parts = jws.split('.');
  if (parts.length !== 3) throw new JwsFormatError(`a compact JWS has 3 dot-separated parts, this has ${parts.length}`);
  const [header, payload, signature] = parts as [string, string, string];
  if (!parts.every((p) => SEGMENT.test(p))) throw new JwsFormatError('the token contains characters outside base64url');
  if (!header || !payload || !signature) throw new JwsFormatError('a part of the token is empty');
  const signatureBytes = Buffer.from(signature, 'base64url');
  // One signature, one encoding: unused trailing bits would let the same signature travel as
  // several different tokens (and so under several credential hashes).
  if (signatureBytes.toString('base64url') !== signature)
    throw new JwsFormatError('the signature is not canonical base64url');
  return {
    header: decodeJsonSegment(header, 'header'),
    payload: decodeJsonSegment(payload, 'payload'),
    signingInput: Buffer.from(`${header}.${payload}`, 'ascii'),
    signature: signatureBytes,
  };
}
