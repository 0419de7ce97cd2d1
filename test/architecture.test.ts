import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from './support/system.ts';

/** Source files (not tests) of the given top-level folders. */
function sources(...folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
  return folders.flatMap((folder) => walk(join(PROJECT_ROOT, folder)));
}

it('the wallet and the issuer use the verifier only through its entry point, verifier/index.ts', () => {
  const reaching = sources('wallet-cli', 'issuer', 'core').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+verifier\/[^']+)'/g)]
      .filter((m) => !m[1]!.endsWith('/verifier/index.ts'))
      .map((m) => `${relative(PROJECT_ROOT, file)} imports ${m[1]}`),
  );
  expect(reaching).toEqual([]);
});
