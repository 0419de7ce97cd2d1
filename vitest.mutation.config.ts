import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`): the in-process ones beside the
 * mutated code. Tests that start the system as a child process cannot see a mutant (it is switched
 * on inside the test process), so they would only cost time here.
 */
export default defineConfig({
  test: {
    include: ['verifier/checks/**/*.test.ts', 'verifier/*.test.ts', 'core/merkle.test.ts', 'core/receipt*.test.ts', 'issuer/anchoring*.test.ts'],
    exclude: ['node_modules/**', '.data/**', '.stryker-tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
