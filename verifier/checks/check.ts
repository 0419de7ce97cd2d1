import type { CheckFragment } from '../fragment.ts';
import type { CheckName } from './check-names.ts';

type Awaitable<T> = T | Promise<T>;

/** The fragment of a check listed earlier in the same run, for a check that waits on another's outcome. */
export type EarlierOutcome = (name: CheckName) => Promise<CheckFragment>;

/**
 * One independent check of a subject (a credential, a presentation), in the spirit of
 * OpenAttestation's verifiers: it says whether it applies and, when it does, what it found.
 */
export interface Check<Subject> {
  readonly name: CheckName;
  /** The skipped fragment saying why the check does not apply to this subject; undefined when it does. Absent: it always applies. */
  skip?(subject: Subject): Awaitable<CheckFragment | undefined>;
  verify(subject: Subject, earlier: EarlierOutcome): Awaitable<CheckFragment>;
}

/**
 * Runs the checks concurrently and gives their fragments in list order. A check may wait on the
 * outcome of one listed before it (the challenge is used only once the signature holds).
 */
export function runChecks<Subject>(checks: readonly Check<Subject>[], subject: Subject): Promise<CheckFragment[]> {
  const outcomes = new Map<CheckName, Promise<CheckFragment>>();
  const earlier: EarlierOutcome = (name) => {
    const outcome = outcomes.get(name);
    if (!outcome) throw new Error(`the ${name} check must be listed before the checks that wait on it`);
    return outcome;
  };
  // Without a skip, verify starts at once: a check's first steps (taking from the fetch budget) keep list order.
  const run = async (check: Check<Subject>) =>
    (check.skip && (await check.skip(subject))) || check.verify(subject, earlier);
  return Promise.all(
    checks.map((check) => {
      const outcome = run(check);
      outcomes.set(check.name, outcome);
      return outcome;
    }),
  );
}
