import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The tests run the system and the CLIs compiled once per run (test/support/build-system.ts,
    // test/support/build-wallet.ts) rather than through tsx at each start.
    globalSetup: ['test/support/build-wallet.ts', 'test/support/build-system.ts'],
    pool: 'forks',
    // Most tests wait on child processes and the local ledger node rather than compute, so a third
    // worker on these 2-core machines uses time the other two leave idle (measured: 806 s -> 601 s).
    maxWorkers: 3,
  },
});
