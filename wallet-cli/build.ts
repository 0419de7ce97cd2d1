/**
 * Compiles the wallet to JavaScript for the installable package (wallet-cli/package): one small
 * entry and a chunk per command, so `--help` loads almost nothing and each command only what it
 * uses. Every library is bundled in: installing needs no compiler, no native module and no ledger.
 * Run by the package's `prepack` (npm pack) or `npm run build:wallet`.
 */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, 'package');
const outdir = join(packageDir, 'dist');

// Built beside and swapped in whole: a wallet started meanwhile (the test suite runs hundreds, and
// another run may be building) finds the old build or the new one, never a half-deleted folder.
const building = join(packageDir, `.dist-${process.pid}`);
const previous = join(packageDir, `.dist-${process.pid}-previous`);
rmSync(building, { recursive: true, force: true });
await build({
  entryPoints: { 'skillmark-wallet': join(here, 'cli.ts') },
  outdir: building,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Libraries' ES module builds, where they have one, so unused parts can be left out.
  mainFields: ['module', 'main'],
  // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  minify: true,
  // The message catalogue's languages as they are written, not as \u escapes (a third of the size to read at each start).
  charset: 'utf8',
  legalComments: 'linked',
  logLevel: 'warning',
});
const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
try {
  renameSync(outdir, previous);
} catch (error) {
  if (code(error) !== 'ENOENT') throw error;
}
try {
  renameSync(building, outdir);
} catch (error) {
  // Another build of the same sources put its own in place just now: keep that one.
  if (code(error) !== 'ENOTEMPTY' && code(error) !== 'EEXIST') throw error;
  rmSync(building, { recursive: true, force: true });
}
rmSync(previous, { recursive: true, force: true });
// core/schemas.ts reads the qualification schema from ../schemas beside the compiled code.
const schemas = join(packageDir, 'schemas');
mkdirSync(schemas, { recursive: true });
cpSync(
  join(here, '..', 'schemas', 'qualification-credential.schema.json'),
  join(schemas, 'qualification-credential.schema.json'),
);
