import { describe, expect, it } from 'vitest';
import type { CheckFragment } from '../fragment.ts';
import { presentationValidity } from './presentation-validity.ts';
import type { PresentationSubject } from './subjects.ts';

/** The validity window of a presentation token (nbf/exp) against the verifier's clock, with its own reason codes. */
const checkValidityPeriod = (window: { validFrom?: Date; validUntil?: Date }, now: Date, clockSkewSeconds: number) =>
  presentationValidity.verify({ presentation: window, now, clockSkewSeconds } as PresentationSubject, () =>
    Promise.reject(new Error('waits on no other check')),
  ) as CheckFragment;

const NOW = new Date('2026-06-01T12:00:00.000Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

describe('presentation validity check', () => {
  it('uses the presentation reason codes for a presentation', () => {
    expect(checkValidityPeriod({ validFrom: at(-10), validUntil: at(10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'valid',
      reason: 'presentation_within_validity_period',
    });
    expect(checkValidityPeriod({ validFrom: at(10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'invalid',
      reason: 'presentation_not_yet_valid',
      params: { validFrom: '2026-06-01T12:00:10.000Z' },
    });
    expect(checkValidityPeriod({ validUntil: at(-10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'invalid',
      reason: 'presentation_expired',
      params: { validUntil: '2026-06-01T11:59:50.000Z' },
    });
  });

  it('allows the clock skew at both ends, listing only the bounds the presentation has', () => {
    expect(checkValidityPeriod({ validFrom: at(60), validUntil: at(-59) }, NOW, 60)).toEqual({
      check: 'presentation_validity',
      status: 'valid',
      reason: 'presentation_within_validity_period',
      message: expect.any(String),
      details: { validFrom: '2026-06-01T12:01:00.000Z', validUntil: '2026-06-01T11:59:01.000Z' },
    });
    expect(checkValidityPeriod({}, NOW, 0)).toMatchObject({ status: 'valid', details: {} });
  });
});

describe('key-binding freshness (SD-JWT presentations)', () => {
  const check = (keyBoundAt: Date, clockSkewSeconds = 60) =>
    presentationValidity.verify(
      { presentation: { validFrom: keyBoundAt, keyBoundAt }, now: NOW, clockSkewSeconds } as PresentationSubject,
      () => Promise.reject(new Error('waits on no other check')),
    ) as CheckFragment;

  it('accepts a key binding made within five minutes and the clock skew, and refuses an older one as stale', () => {
    expect(check(at(-360))).toMatchObject({ status: 'valid', reason: 'presentation_within_validity_period' });
    expect(check(at(-361))).toMatchObject({
      status: 'invalid',
      reason: 'key_binding_stale',
      params: { issuedAt: '2026-06-01T11:53:59.000Z' },
      details: { maxAgeSeconds: 300 },
    });
  });

  it('refuses a key binding made in the future as not yet valid', () => {
    expect(check(at(61))).toMatchObject({ status: 'invalid', reason: 'presentation_not_yet_valid' });
  });
});
