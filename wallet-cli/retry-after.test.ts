import { describe, expect, it } from 'vitest';
import { MAX_POLL_SECONDS, MIN_POLL_SECONDS, pollDelaySeconds } from './retry-after.ts';

describe('pollDelaySeconds', () => {
  const now = Date.parse('2026-07-01T10:00:00Z');

  it('honours Retry-After in seconds within the bounds', () => {
    expect(pollDelaySeconds('3', now)).toBe(3);
    expect(pollDelaySeconds('0', now)).toBe(MIN_POLL_SECONDS);
    expect(pollDelaySeconds('86400', now)).toBe(MAX_POLL_SECONDS);
    expect(pollDelaySeconds('99999999999999999999', now)).toBe(2);
  });

  it('honours Retry-After as an HTTP date, a past date meaning the floor', () => {
    expect(pollDelaySeconds('Wed, 01 Jul 2026 10:00:04 GMT', now)).toBe(4);
    expect(pollDelaySeconds('Wed, 01 Jul 2026 09:00:00 GMT', now)).toBe(MIN_POLL_SECONDS);
  });

  it('without a usable header: 2 seconds', () => {
    for (const header of [null, '', '-1', '1.5', 'soon']) expect(pollDelaySeconds(header, now), String(header)).toBe(2);
  });
});
