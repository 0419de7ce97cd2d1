import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JwsFormatError, MAX_JWS_LENGTH, parseCompactJws } from '../jose/compact-jws.ts';
import { type ReadResult, readCredentialToken, readPresentationToken } from './index.ts';

/**
 * Property-based fuzzing of the token readers: whatever the input, they return a result (never
 * throw), and a failure carries one of the three documented reasons. Fixed seeds and bounded runs
 * keep the suite deterministic and fast.
 */

const RUNS = { numRuns: 300, seed: 20260630 } as const;
const REASONS = new Set(['malformed_jws', 'malformed_credential', 'malformed_presentation']);

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const wrap = (header: unknown, payload: unknown, signature = 'c2ln') =>
  `${b64(JSON.stringify(header) ?? 'null')}.${b64(JSON.stringify(payload) ?? 'null')}.${signature}`;

/** Every invariant a result must satisfy, for either reader. */
function wellFormed(result: ReadResult<unknown>): void {
  expect(typeof result).toBe('object');
  if (result.ok) {
    const value = result.value as Record<string, unknown>;
    expect(typeof value.format).toBe('string');
    if ('issuer' in value) {
      expect(typeof value.issuer).toBe('string');
      expect(
        Array.isArray(value.subjectIds) && (value.subjectIds as unknown[]).every((s) => typeof s === 'string'),
      ).toBe(true);
    } else {
      expect(typeof value.holder).toBe('string');
      expect(Array.isArray(value.credentialTokens)).toBe(true);
      expect((value.credentialTokens as unknown[]).length).toBeLessThanOrEqual(20);
      expect(Array.isArray(value.audience) && Array.isArray(value.anchorReceipts)).toBe(true);
    }
    for (const date of [value.validFrom, value.validUntil])
      if (date !== undefined) expect(Number.isFinite((date as Date).getTime())).toBe(true);
  } else {
    expect(REASONS.has(result.reason), result.reason).toBe(true);
    expect(typeof result.detail).toBe('string');
    expect(result.detail.length).toBeLessThan(1000);
  }
}

function readersHold(input: string): void {
  wellFormed(readCredentialToken(input));
  wellFormed(readPresentationToken(input));
  try {
    parseCompactJws(input);
  } catch (error) {
    // parseCompactJws reports malformed input with JwsFormatError, and with nothing else.
    expect(error).toBeInstanceOf(JwsFormatError);
  }
}

const V2 = 'https://www.w3.org/ns/credentials/v2';
const V1 = 'https://www.w3.org/2018/credentials/v1';

/** Values of every JSON type, including the awkward ones. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    null,
    '',
    0,
    -1,
    1e308,
    true,
    [],
    {},
    '__proto__',
    'did:example:a',
    'https://a.example',
    '2025-01-01T00:00:00Z',
    '2025-13-45T99:99:99Z',
  ),
);

/** A header near the ones the readers accept, with fields swapped for odd values. */
const header = fc.record(
  {
    alg: fc.oneof(fc.constantFrom('EdDSA', 'ES256', 'none', 'HS256'), anyJson),
    typ: fc.oneof(fc.constantFrom('vc+jwt', 'vp+jwt', 'application/vc+jwt', 'JWT', 'bad+typ'), anyJson),
    cty: fc.oneof(fc.constantFrom('vc', 'vp', 'JWT'), anyJson),
    kid: anyJson,
    crit: anyJson,
  },
  { requiredKeys: [] },
);

const credentialLike = fc.record(
  {
    '@context': fc.oneof(fc.constant([V2]), fc.constant([V1]), fc.constant(V2), anyJson),
    type: fc.oneof(fc.constant(['VerifiableCredential']), fc.constant('VerifiablePresentation'), anyJson),
    issuer: fc.oneof(fc.constant('did:example:issuer'), fc.record({ id: anyJson }), anyJson),
    holder: fc.oneof(fc.constant('did:example:holder'), anyJson),
    credentialSubject: fc.oneof(
      fc.constant({ id: 'did:example:s', a: 1 }),
      fc.array(anyJson, { maxLength: 3 }),
      anyJson,
    ),
    validFrom: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), anyJson),
    validUntil: anyJson,
    verifiableCredential: fc.oneof(
      fc.array(
        fc.oneof(
          fc.constant({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,a.b.c' }),
          fc.record({ type: anyJson, id: anyJson }),
          anyJson,
        ),
        { maxLength: 25 },
      ),
      anyJson,
    ),
    credentialStatus: anyJson,
    iss: anyJson,
    sub: anyJson,
    jti: anyJson,
    nbf: anyJson,
    exp: anyJson,
    iat: anyJson,
    nonce: anyJson,
    aud: anyJson,
    anchorReceipts: anyJson,
  },
  { requiredKeys: [] },
);

const payload = fc.oneof(
  credentialLike,
  fc.record(
    { iss: anyJson, sub: anyJson, nbf: anyJson, exp: anyJson, vc: fc.oneof(credentialLike, anyJson) },
    { requiredKeys: [] },
  ),
  fc.record(
    { iss: anyJson, nonce: anyJson, aud: anyJson, vp: fc.oneof(credentialLike, anyJson) },
    { requiredKeys: [] },
  ),
  anyJson,
);

describe('token readers under fuzzing', () => {
  it('never throw on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), readersHold), RUNS);
  });

  it('never throw on strings shaped like a compact JWS', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => readersHold(parts.join('.'))),
      RUNS,
    );
  });

  it('never throw on arbitrary JSON headers and payloads wrapped in a JWS', () => {
    fc.assert(
      fc.property(fc.oneof(header, anyJson), payload, (h, p) => readersHold(wrap(h, p))),
      RUNS,
    );
  });

  it('never throw on arbitrary JSON text (any Unicode) in the payload segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) =>
        readersHold(`${b64('{"alg":"EdDSA","typ":"vc+jwt"}')}.${b64(text)}.c2ln`),
      ),
      RUNS,
    );
  });

  it('never throw on deeply nested JSON, and refuse it as malformed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 49, max: 20_000 }),
        fc.constantFrom('[', '{"a":'),
        fc.constantFrom('vc+jwt', 'vp+jwt', 'JWT'),
        (depth, open, typ) => {
          const close = open === '[' ? ']' : '}';
          const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
          const input = `${b64(JSON.stringify({ alg: 'EdDSA', typ }))}.${b64(`{"@context":["${V2}"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:a","x":${nested}},"vc":{"x":${nested}},"vp":{"x":${nested}}}`)}.c2ln`;
          if (input.length > MAX_JWS_LENGTH) return; // too long: refused before parsing, covered below
          readersHold(input);
          const credential = readCredentialToken(input);
          const presentation = readPresentationToken(input);
          expect(credential.ok || presentation.ok).toBe(false);
          if (!credential.ok) expect(credential.detail).toMatch(/nested|vp\+jwt|vc\+jwt|"vc" or "vp"|presentation/);
        },
      ),
      { numRuns: 60, seed: RUNS.seed },
    );
  });

  it('never throw on huge strings, and refuse those past the limit by their length alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_JWS_LENGTH - 10, max: 2 * MAX_JWS_LENGTH }),
        fc.constantFrom('a', '.', 'eyJ', '\u{1F600}'),
        (length, unit) => {
          const input = unit.repeat(Math.ceil(length / unit.length));
          readersHold(input);
          // Past the limit the refusal comes from the length check, before any decoding work.
          if (input.length > MAX_JWS_LENGTH) {
            for (const read of [readCredentialToken(input), readPresentationToken(input)]) {
              expect(read.ok).toBe(false);
              if (!read.ok) expect(read.detail).toContain(`longer than ${MAX_JWS_LENGTH} characters`);
            }
          }
        },
      ),
      { numRuns: 40, seed: RUNS.seed },
    );
  });

  it('never throw on mutations of a valid 2.0 credential and presentation', () => {
    const vc = wrap(
      { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc' },
      {
        '@context': [V2],
        type: ['VerifiableCredential'],
        issuer: 'did:example:i',
        credentialSubject: { id: 'did:example:s', n: 1 },
        validFrom: '2025-01-01T00:00:00Z',
      },
    );
    const vp = wrap(
      { alg: 'EdDSA', typ: 'vp+jwt' },
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder: 'did:example:h',
        verifiableCredential: [
          { '@context': V2, type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${vc}` },
        ],
      },
    );
    expect(readCredentialToken(vc).ok && readPresentationToken(vp).ok).toBe(true);
    const mutation = fc.record({
      source: fc.constantFrom(vc, vp),
      at: fc.nat(),
      length: fc.integer({ min: 0, max: 8 }),
      insert: fc.string({ maxLength: 8 }),
    });
    fc.assert(
      fc.property(mutation, ({ source, at, length, insert }) => {
        const i = at % source.length;
        readersHold(`${source.slice(0, i)}${insert}${source.slice(i + length)}`);
      }),
      RUNS,
    );
  });

  it('accepted results always satisfy the data-model invariants', () => {
    /** Mostly the good value, sometimes anything: so that both acceptance and every rejection are reached. */
    const mostly = <T>(good: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: anyJson, weight: 1 });
    const nearlyValid = fc.record(
      {
        '@context': mostly(fc.constant([V2])),
        type: mostly(
          fc.constantFrom(['VerifiableCredential'], 'VerifiablePresentation', ['VerifiablePresentation', 'X']),
        ),
        issuer: mostly(fc.constantFrom('did:example:issuer', { id: 'https://issuer.example' })),
        holder: mostly(fc.constant('did:example:holder')),
        credentialSubject: mostly(fc.constantFrom({ id: 'did:example:s', a: 1 }, [{ a: 1 }, { id: 'urn:x:1' }])),
        validFrom: mostly(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        ),
        verifiableCredential: mostly(
          fc.array(
            fc.constant({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,a.b.c' }),
            { minLength: 1, maxLength: 22 },
          ),
        ),
        iss: fc.constantFrom('did:example:issuer', 'did:example:holder'),
        nbf: mostly(fc.integer({ min: 0, max: 4_000_000_000 })),
        exp: mostly(fc.integer({ min: 0, max: 4_000_000_000 })),
        nonce: mostly(fc.string({ maxLength: 20 })),
        aud: mostly(fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }))),
      },
      { requiredKeys: ['@context', 'type', 'issuer', 'holder', 'credentialSubject', 'verifiableCredential'] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom('vc+jwt', 'vp+jwt'), fc.oneof(credentialLike, nearlyValid), (typ, body) => {
        const input = wrap({ alg: 'EdDSA', typ }, body);
        const result = typ === 'vc+jwt' ? readCredentialToken(input) : readPresentationToken(input);
        wellFormed(result);
        if (result.ok) accepted += 1;
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(0); // the generator does reach valid inputs
  });
});
