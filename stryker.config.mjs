import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Mutation testing of the code that decides verdicts (`npm run mutate`, not part of CI: too slow).
 * bench/mutate.ts runs it and writes the score to bench/results/mutation.json.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'verifier/checks/**/*.ts',
    'verifier/challenges.ts',
    'core/jose/compact-jws.ts',
    'core/formats/proof.ts',
    'core/merkle.ts',
    'core/receipt.ts',
    'issuer/anchoring.ts',
    '!**/*.test.ts',
    '!verifier/checks/testing/**',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 5_000,
  ignoreStatic: true,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['.data', 'reports', 'bench/results', '.git'],
  // Outside the working tree: a test run there (vitest's **/*.test.ts) must not pick up the sandbox's copies.
  tempDirName: join(tmpdir(), 'skillmark-stryker'),
  cleanTempDir: 'always',
};
