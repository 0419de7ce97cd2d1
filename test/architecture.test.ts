import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The top-level folders that hold the project's source; `test/` and `*.test.ts` files are tests. */
const SOURCE_FOLDERS = ['bench', 'contracts', 'core', 'issuer', 'scripts', 'verifier', 'wallet-cli'];

/** Source files (not tests) of the given top-level folders, as paths relative to the project root. */
function sources(...folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
  return folders.flatMap((folder) => walk(join(PROJECT_ROOT, folder))).map((path) => relative(PROJECT_ROOT, path));
}

/** The project files a file imports by relative path (static, side-effect and dynamic imports, re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(file), m[1]!)),
  );
}

/** Every import by a source file outside `room/` of a file inside it other than those allowed. */
function reachingInto(room: string, allowed: readonly string[]): string[] {
  return sources(...SOURCE_FOLDERS.filter((folder) => folder !== room)).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(`${room}/`) && !allowed.includes(target))
      .map((target) => `${file} imports ${target}`),
  );
}

describe('each part is used through its entry point', () => {
  it('no other part uses the verifier past verifier/index.ts (the launcher starts its service as a child process)', () => {
    expect(reachingInto('verifier', ['verifier/index.ts', 'verifier/child-process.ts'])).toEqual([]);
  });

  it('no other part uses the issuer past issuer/index.ts', () => {
    expect(reachingInto('issuer', ['issuer/index.ts'])).toEqual([]);
  });
});

/*
 * core/ has no entry point of its own: every part imports it, and a barrel would load every core
 * module (kysely, better-sqlite3, pg, ajv, the HTTP server) at each import. Measured on the wallet,
 * which needs a few of them: `skillmark-wallet --help` took about 0.3 to 1 s longer (15 to 50 %)
 * with all of core loaded. So each part imports the core modules it uses by path, and what keeps
 * core a shared library is its layering: it sits below every other part and imports none of them.
 */
it('core imports nothing from the parts built on it', () => {
  const above = [...SOURCE_FOLDERS.filter((folder) => folder !== 'core'), 'test'];
  const upward = sources('core').flatMap((file) =>
    importsOf(file)
      .filter((target) => above.includes(target.split('/')[0]!))
      .map((target) => `${file} imports ${target}`),
  );
  expect(upward).toEqual([]);
});

it('the import graph of the source files has no cycle', () => {
  const graph = new Map(
    sources(...SOURCE_FOLDERS).map((file) => [file, importsOf(file).filter((target) => target.endsWith('.ts'))]),
  );
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const onPath = path.indexOf(file);
    if (onPath >= 0) {
      cycles.push([...path.slice(onPath), file].join(' -> '));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  expect(cycles).toEqual([]);
});
