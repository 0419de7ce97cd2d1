import { describe, expect, it } from 'vitest';
import { checkValidityPeriod } from './validity.ts';

/**
 * The validity window against the verifier's clock, with its skew allowance, for a credential and
 * for a presentation (each with its own reason codes).
 */
const NOW = new Date('2026-06-01T12:00:00.000Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);
const SKEW = 60;

describe('checkValidityPeriod', () => {
  it('is valid inside the window and says which window it checked', () => {
    expect(checkValidityPeriod('validity_period', { validFrom: at(-3600), validUntil: at(3600) }, NOW, SKEW)).toEqual({
      check: 'validity_period',
      status: 'valid',
      reason: 'within_validity_period',
      message: expect.any(String),
      details: { validFrom: '2026-06-01T11:00:00.000Z', validUntil: '2026-06-01T13:00:00.000Z' },
    });
  });

  it('is valid without any window, and lists only the bounds the credential has', () => {
    expect(checkValidityPeriod('validity_period', {}, NOW, SKEW)).toMatchObject({ status: 'valid', details: {} });
    expect(checkValidityPeriod('validity_period', { validFrom: at(-1) }, NOW, SKEW).details).toEqual({ validFrom: '2026-06-01T11:59:59.000Z' });
    expect(checkValidityPeriod('validity_period', { validUntil: at(1) }, NOW, SKEW).details).toEqual({ validUntil: '2026-06-01T12:00:01.000Z' });
  });

  it('is not yet valid when validFrom is beyond the skew ahead, naming validFrom', () => {
    const f = checkValidityPeriod('validity_period', { validFrom: at(SKEW + 1), validUntil: at(3600) }, NOW, SKEW);
    expect(f).toMatchObject({ check: 'validity_period', status: 'invalid', reason: 'not_yet_valid', params: { validFrom: '2026-06-01T12:01:01.000Z' } });
    expect(f.message).toContain('2026-06-01T12:01:01.000Z');
    expect(f.details).toEqual({ validFrom: '2026-06-01T12:01:01.000Z', validUntil: '2026-06-01T13:00:00.000Z' });
    expect(checkValidityPeriod('validity_period', { validFrom: at(SKEW) }, NOW, SKEW).status).toBe('valid');
  });

  it('is expired once validUntil is past by more than the skew, naming validUntil', () => {
    const f = checkValidityPeriod('validity_period', { validFrom: at(-3600), validUntil: at(-SKEW) }, NOW, SKEW);
    expect(f).toMatchObject({ check: 'validity_period', status: 'invalid', reason: 'expired', params: { validUntil: '2026-06-01T11:59:00.000Z' } });
    expect(f.message).toContain('2026-06-01T11:59:00.000Z');
    expect(checkValidityPeriod('validity_period', { validUntil: at(-SKEW + 1) }, NOW, SKEW).status).toBe('valid');
  });

  it('uses the presentation reason codes for a presentation', () => {
    expect(checkValidityPeriod('presentation_validity', { validFrom: at(-10), validUntil: at(10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'valid',
      reason: 'presentation_within_validity_period',
    });
    expect(checkValidityPeriod('presentation_validity', { validFrom: at(10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'invalid',
      reason: 'presentation_not_yet_valid',
      params: { validFrom: '2026-06-01T12:00:10.000Z' },
    });
    expect(checkValidityPeriod('presentation_validity', { validUntil: at(-10) }, NOW, 0)).toMatchObject({
      check: 'presentation_validity',
      status: 'invalid',
      reason: 'presentation_expired',
      params: { validUntil: '2026-06-01T11:59:50.000Z' },
    });
  });
});
