/** Claim-code guessing slows down per client: a few free misses, then doubling lockouts. */
import { describe, expect, it } from 'vitest';
import { ClaimGuard } from './claim-guard.ts';

function guardAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, guard: new ClaimGuard({ now: () => clock.now }) };
}

describe('ClaimGuard', () => {
  it('lets five misses through, then locks the client out for 1 s, 2 s, 4 s ...', () => {
    const { clock, guard } = guardAt();
    for (let i = 0; i < 5; i++) {
      expect(guard.retryAfterSeconds('a')).toBe(0);
      guard.miss('a');
    }
    expect(guard.retryAfterSeconds('a')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      guard.miss('a');
      const wait = guard.retryAfterSeconds('a');
      waits.push(wait);
      clock.now += wait * 1000;
      expect(guard.retryAfterSeconds('a')).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('never locks out for more than an hour, and counts each client on its own', () => {
    const { clock, guard } = guardAt();
    for (let i = 0; i < 60; i++) {
      guard.miss('a');
      clock.now += guard.retryAfterSeconds('a') * 1000;
    }
    guard.miss('a');
    expect(guard.retryAfterSeconds('a')).toBe(3600);
    expect(guard.retryAfterSeconds('b')).toBe(0);
  });

  it('forgets a client a day after its last miss', () => {
    const { clock, guard } = guardAt();
    for (let i = 0; i < 8; i++) guard.miss('a');
    clock.now += 24 * 3_600_000 + 1;
    expect(guard.retryAfterSeconds('a')).toBe(0);
    guard.miss('a');
    expect(guard.retryAfterSeconds('a')).toBe(0);
  });

  it('remembers a bounded number of clients', () => {
    const guard = new ClaimGuard({ now: () => 0, maxClients: 2, freeMisses: 0 });
    guard.miss('a');
    guard.miss('b');
    guard.miss('c');
    expect(guard.retryAfterSeconds('a')).toBe(0);
    expect(guard.retryAfterSeconds('c')).toBe(1);
  });
});
