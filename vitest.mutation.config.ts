import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`): the in-process ones beside the
 * mutated code. Tests that start the system as a child process (verifier/app.test.ts,
 * issuer/app.test.ts) cannot see a mutant (it is switched on inside the test process), so they
 * would only cost time here. SKILLMARK_MUTATION=1 makes the Merkle properties use small trees.
 */
export default defineConfig({
  test: {
    include: [
      'verifier/checks/**/*.test.ts',
      'verifier/*.test.ts',
      'core/jose/*.test.ts',
      'core/formats/**/*.test.ts',
      'core/merkle*.test.ts',
      'core/receipt*.test.ts',
      'issuer/anchoring*.test.ts',
    ],
    exclude: ['node_modules/**', '.data/**', '.stryker-tmp/**', 'verifier/app.test.ts'],
    env: { SKILLMARK_MUTATION: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
