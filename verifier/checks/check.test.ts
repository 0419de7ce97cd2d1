import { describe, expect, it } from 'vitest';
import { type CheckFragment, fragment } from '../fragment.ts';
import { type Check, runChecks } from './check.ts';

/** Checks of a number, each answering after `delay` ms, recording when they start and end. */
function timeline() {
  const events: string[] = [];
  const after = (ms: number, f: CheckFragment) =>
    new Promise<CheckFragment>((resolve) => setTimeout(() => resolve(f), ms));
  const timed = (name: Check<number>['name'], delay: number): Check<number> => ({
    name,
    async verify(n) {
      events.push(`start ${name}`);
      const f = await after(delay, fragment(name, n > 0 ? 'valid' : 'invalid', 'well_formed', { format: 'x' }));
      events.push(`end ${name}`);
      return f;
    },
  });
  return { events, timed };
}

describe('runChecks', () => {
  it('starts every check at once and gives their fragments in list order, whichever ends first', async () => {
    const { events, timed } = timeline();
    const fragments = await runChecks([timed('schema', 30), timed('anchored', 1), timed('signature', 15)], 1);
    expect(fragments.map((f) => f.check)).toEqual(['schema', 'anchored', 'signature']);
    expect(events).toEqual([
      'start schema',
      'start anchored',
      'start signature',
      'end anchored',
      'end signature',
      'end schema',
    ]);
  });

  it('gives a check’s skipped fragment instead of verifying when the check does not apply', async () => {
    let verified = 0;
    const onlyPositive: Check<number> = {
      name: 'schema',
      skip: async (n) => (n > 0 ? undefined : fragment('schema', 'skipped', 'schema_not_declared')),
      verify: () => {
        verified += 1;
        return fragment('schema', 'valid', 'schema_valid');
      },
    };
    expect(await runChecks([onlyPositive], 0)).toMatchObject([{ status: 'skipped', reason: 'schema_not_declared' }]);
    expect(verified).toBe(0);
    expect(await runChecks([onlyPositive], 1)).toMatchObject([{ status: 'valid', reason: 'schema_valid' }]);
    expect(verified).toBe(1);
  });

  it('lets a check wait on the outcome of one listed before it, and refuses one listed after', async () => {
    const { events, timed } = timeline();
    const waiting: Check<number> = {
      name: 'challenge',
      async verify(_, earlier) {
        const signature = await earlier('presentation_signature');
        events.push(`challenge saw ${signature.status}`);
        return fragment('challenge', signature.status === 'valid' ? 'valid' : 'skipped', 'challenge_valid');
      },
    };
    const fragments = await runChecks([timed('presentation_signature', 10), waiting], -1);
    expect(fragments.map((f) => [f.check, f.status])).toEqual([
      ['presentation_signature', 'invalid'],
      ['challenge', 'skipped'],
    ]);
    expect(events).toEqual(['start presentation_signature', 'end presentation_signature', 'challenge saw invalid']);
    await expect(runChecks([waiting, timed('presentation_signature', 1)], 1)).rejects.toThrow(
      'the presentation_signature check must be listed before the checks that wait on it',
    );
  });
});
