import { describe, expect, it } from 'vitest';
import type { CheckFragment } from '../fragment.ts';
import { credentialValidity } from './credential-validity.ts';
import type { CredentialSubject } from './subjects.ts';

/** The validity window of a credential against the verifier's clock, with its skew allowance. */
const checkValidityPeriod = (window: { validFrom?: Date; validUntil?: Date }, now: Date, clockSkewSeconds: number) =>
  credentialValidity.verify({ credential: window, now, clockSkewSeconds } as CredentialSubject, () =>
    Promise.reject(new Error('waits on no other check')),
  ) as CheckFragment;

const NOW = new Date('2026-06-01T12:00:00.000Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);
const SKEW = 60;

describe('credential validity period check', () => {
  it('is valid inside the window and says which window it checked', () => {
    expect(checkValidityPeriod({ validFrom: at(-3600), validUntil: at(3600) }, NOW, SKEW)).toEqual({
      check: 'validity_period',
      status: 'valid',
      reason: 'within_validity_period',
      message: expect.any(String),
      details: { validFrom: '2026-06-01T11:00:00.000Z', validUntil: '2026-06-01T13:00:00.000Z' },
    });
  });

  it('is valid without any window, and lists only the bounds the credential has', () => {
    expect(checkValidityPeriod({}, NOW, SKEW)).toMatchObject({ status: 'valid', details: {} });
    expect(checkValidityPeriod({ validFrom: at(-1) }, NOW, SKEW).details).toEqual({
      validFrom: '2026-06-01T11:59:59.000Z',
    });
    expect(checkValidityPeriod({ validUntil: at(1) }, NOW, SKEW).details).toEqual({
      validUntil: '2026-06-01T12:00:01.000Z',
    });
  });

  it('is not yet valid when validFrom is beyond the skew ahead, naming validFrom', () => {
    const f = checkValidityPeriod({ validFrom: at(SKEW + 1), validUntil: at(3600) }, NOW, SKEW);
    expect(f).toMatchObject({
      check: 'validity_period',
      status: 'invalid',
      reason: 'not_yet_valid',
      params: { validFrom: '2026-06-01T12:01:01.000Z' },
    });
    expect(f.message).toContain('2026-06-01T12:01:01.000Z');
    expect(f.details).toEqual({ validFrom: '2026-06-01T12:01:01.000Z', validUntil: '2026-06-01T13:00:00.000Z' });
    expect(checkValidityPeriod({ validFrom: at(SKEW) }, NOW, SKEW).status).toBe('valid');
  });

  it('is expired once validUntil is past by more than the skew, naming validUntil', () => {
    const f = checkValidityPeriod({ validFrom: at(-3600), validUntil: at(-SKEW) }, NOW, SKEW);
    expect(f).toMatchObject({
      check: 'validity_period',
      status: 'invalid',
      reason: 'expired',
      params: { validUntil: '2026-06-01T11:59:00.000Z' },
    });
    expect(f.message).toContain('2026-06-01T11:59:00.000Z');
    expect(checkValidityPeriod({ validUntil: at(-SKEW + 1) }, NOW, SKEW).status).toBe('valid');
  });
});
