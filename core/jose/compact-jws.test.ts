import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519JwtSigner } from '../ed25519.ts';
import { JwsFormatError, MAX_JWS_LENGTH, parseCompactJws } from './compact-jws.ts';

/**
 * The compact JWS reader: what it accepts it splits exactly; anything else is a JwsFormatError
 * that says which rule the token broke (the message reaches the caller as the reason's detail).
 */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }));
const PAYLOAD = b64(JSON.stringify({ iss: 'did:example:issuer', n: 1 }));
const sign = ed25519JwtSigner(randomBytes(32));

function refusal(token: string): string {
  try {
    parseCompactJws(token);
  } catch (error) {
    expect(error).toBeInstanceOf(JwsFormatError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${token.slice(0, 80)}`);
}

describe('parseCompactJws', () => {
  it('splits a signed token into its decoded header, payload, signing input and signature bytes', async () => {
    const signature = await sign(`${HEADER}.${PAYLOAD}`);
    const parsed = parseCompactJws(`${HEADER}.${PAYLOAD}.${signature}`);
    expect(parsed.header).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    expect(parsed.payload).toEqual({ iss: 'did:example:issuer', n: 1 });
    expect(parsed.signingInput.equals(Buffer.from(`${HEADER}.${PAYLOAD}`))).toBe(true);
    expect(parsed.signature.equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(parsed.signature).toHaveLength(64);
  });

  it(`accepts a token of exactly ${MAX_JWS_LENGTH} characters and refuses one longer`, () => {
    /** A well-formed token of exactly `length` characters: {"p":"xxx…"} as its payload. */
    const tokenOfLength = (length: number) => {
      // n bytes encode to 4n/3 characters rounded up: a payload of 4m+1 characters cannot be made.
      const signature = (length - HEADER.length - 6) % 4 === 1 ? 'c2lnAA' : 'c2ln';
      const payloadLength = length - HEADER.length - 2 - signature.length;
      const payload = b64(JSON.stringify({ p: 'x'.repeat(Math.floor((payloadLength * 3) / 4) - 8) }));
      return `${HEADER}.${payload}.${signature}`;
    };
    const largest = tokenOfLength(MAX_JWS_LENGTH);
    expect(largest).toHaveLength(MAX_JWS_LENGTH);
    expect(parseCompactJws(largest).payload.p).toMatch(/^x+$/);
    const tooLong = tokenOfLength(MAX_JWS_LENGTH + 1);
    expect(tooLong).toHaveLength(MAX_JWS_LENGTH + 1);
    expect(refusal(tooLong)).toBe(`the token is longer than ${MAX_JWS_LENGTH} characters`);
  });

  it.each([
    ['one part', HEADER, 1],
    ['two parts', `${HEADER}.${PAYLOAD}`, 2],
    ['four parts', `${HEADER}.${PAYLOAD}.c2ln.c2ln`, 4],
  ])('refuses %s: a compact JWS has three', (_, token, count) => {
    expect(refusal(token)).toBe(`a compact JWS has 3 dot-separated parts, this has ${count}`);
  });

  it.each([
    ['the header', (c: string) => `${c}${HEADER}.${PAYLOAD}.c2ln`],
    ['the payload', (c: string) => `${HEADER}.${PAYLOAD}${c}.c2ln`],
    ['the signature', (c: string) => `${HEADER}.${PAYLOAD}.c2ln${c}`],
    ['the signature, first', (c: string) => `${HEADER}.${PAYLOAD}.${c}c2ln`],
  ])('refuses characters outside base64url anywhere in %s', (_, token) => {
    for (const c of ['+', '/', '=', ' ', '\n', 'é'])
      expect(refusal(token(c)), JSON.stringify(c)).toBe('the token contains characters outside base64url');
  });

  it.each([
    ['header', `.${PAYLOAD}.c2ln`],
    ['payload', `${HEADER}..c2ln`],
    ['signature', `${HEADER}.${PAYLOAD}.`],
  ])('refuses an empty %s', (_, token) => {
    expect(refusal(token)).toBe('a part of the token is empty');
  });

  it('refuses a signature with unused trailing bits set: one signature travels under one encoding only', async () => {
    const signature = await sign(`${HEADER}.${PAYLOAD}`);
    // 64 bytes are 86 characters; the last one carries 2 unused bits.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(refusal(`${HEADER}.${PAYLOAD}.${twin}`)).toBe('the signature is not canonical base64url');
  });

  it.each([
    ['not JSON', b64('{"alg":')],
    ['not UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('base64url')],
  ])('refuses a header or payload that is %s, naming which', (_, segment) => {
    expect(refusal(`${segment}.${PAYLOAD}.c2ln`)).toBe('the header is not base64url-encoded UTF-8 JSON');
    expect(refusal(`${HEADER}.${segment}.c2ln`)).toBe('the payload is not base64url-encoded UTF-8 JSON');
  });

  it.each([['null'], ['[]'], ['[{"alg":"EdDSA"}]'], ['"EdDSA"'], ['7'], ['true']])(
    'refuses %s as a header or payload: each must be a JSON object',
    (json) => {
      expect(refusal(`${b64(json)}.${PAYLOAD}.c2ln`)).toBe('the header is not a JSON object');
      expect(refusal(`${HEADER}.${b64(json)}.c2ln`)).toBe('the payload is not a JSON object');
    },
  );
});
