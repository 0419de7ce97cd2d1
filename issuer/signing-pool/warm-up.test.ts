import { describe, expect, it } from 'vitest';
import { DEFAULT_ISSUING } from '../credential-to-sign.ts';
import { warmUp } from './warm-up.ts';

describe('a signing thread’s warm-up', () => {
  it('signs every throwaway row, so the code a row goes through is the code it compiles', async () => {
    expect(await warmUp({ issuing: DEFAULT_ISSUING, maxBatchSize: 500 })).toBe(50);
  });
});
