import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { report } from './report.ts';

/**
 * `npm run mutate [-- stryker options]`: StrykerJS on the code that decides verdicts (the files in
 * stryker.config.mjs), then the score per file into bench/results/mutation.json, with every
 * surviving mutant listed so that each can be judged (killed by a new test, or argued harmless in
 * docs/mutation.md). Not part of CI: it runs the unit tests once per mutant.
 */
const root = resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  SKILLMARK_CONFORMANCE_DIR: process.env.SKILLMARK_CONFORMANCE_DIR ?? resolve(root, '..', 'shared', 'conformance'),
};
const run = spawnSync(join(root, 'node_modules', '.bin', 'stryker'), ['run', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const reportFile = join(root, 'reports', 'mutation', 'mutation.json');
if (run.status !== 0 || !existsSync(reportFile)) {
  console.error(`stryker did not finish (exit ${run.status ?? run.signal}); no score written`);
  process.exit(1);
}

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}
const { files } = JSON.parse(readFileSync(reportFile, 'utf8')) as { files: Record<string, { mutants: Mutant[] }> };

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const rows = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, { mutants }]) => {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    return {
      file,
      mutants: mutants.length,
      killed: detected,
      survived: undetected,
      score: `${((100 * detected) / Math.max(1, detected + undetected)).toFixed(1)}%`,
    };
  });
const total = rows.reduce((sum, r) => ({ killed: sum.killed + r.killed, survived: sum.survived + r.survived }), {
  killed: 0,
  survived: 0,
});
rows.push({
  file: 'all',
  mutants: rows.reduce((n, r) => n + r.mutants, 0),
  killed: total.killed,
  survived: total.survived,
  score: `${((100 * total.killed) / Math.max(1, total.killed + total.survived)).toFixed(1)}%`,
});

const survivors = Object.entries(files).flatMap(([file, { mutants }]) =>
  mutants
    .filter((m) => UNDETECTED.has(m.status))
    .map(
      (m) =>
        `${m.status === 'NoCoverage' ? 'no test reaches' : 'survived'}: ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} -> ${JSON.stringify((m.replacement ?? '').slice(0, 80))}`,
    ),
);
report('mutation', 'Mutation score (killed or timed out / all that compiled); target 85%', rows, survivors);
