import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/**
 * Vitest's global setup: compiles the wallet once per run (wallet-cli/build.ts, esbuild, about a
 * second), so the tests run the CLI that the installable package ships. Each of the suite's
 * hundreds of wallet runs then starts plain JavaScript instead of compiling TypeScript through
 * tsx: measured, 0.17 s of CPU a start against 0.59 s.
 */
export default function buildWallet(): void {
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'wallet-cli', 'build.ts')], {
    stdio: 'inherit',
  });
}
