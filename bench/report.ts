import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Prints a table and saves the benchmark's figures as bench/results/<name>.json. */
export function report(
  name: string,
  title: string,
  rows: Record<string, string | number>[],
  notes: string[] = [],
): void {
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(width(columns[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
  for (const note of notes) console.log(`  ${note}`);
  mkdirSync(resultsDir, { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };
  writeFileSync(
    join(resultsDir, `${name}.json`),
    `${JSON.stringify({ title, measuredAt: new Date().toISOString(), machine, rows, notes }, null, 2)}\n`,
  );
}

/** Runs `fn` repeatedly for at least `ms` and returns operations per second. */
export async function rate(fn: () => unknown | Promise<unknown>, ms = 1000): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}
