import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runPool } from './worker-pool.ts';

describe('runPool', () => {
  it('runs every item once, never more than the concurrency at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await sleep(n % 3);
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('throws the first failure after the other workers have finished', async () => {
    const done: number[] = [];
    await expect(
      runPool([1, 2, 3, 4], 2, async (n) => {
        if (n === 2) throw new Error('row 2 failed');
        await sleep(1);
        done.push(n);
      }),
    ).rejects.toThrow('row 2 failed');
    expect(done).toContain(1);
  });
});
