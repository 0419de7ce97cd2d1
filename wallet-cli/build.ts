/**
 * Compiles the wallet to JavaScript for the installable package (wallet-cli/package): one small
 * entry and a chunk per command, so `--help` loads almost nothing and each command only what it
 * uses. Every library is bundled in: installing needs no compiler, no native module and no ledger.
 * Run by the package's `prepack` (npm pack) or `npm run build:wallet`.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
import { schemaCompiler } from '../core/schema-compilers.ts';
import { KNOWN_SCHEMAS, knownSchema } from '../core/schemas.ts';

// ajv's standalone module is CommonJS with a default export.
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

const here = dirname(fileURLToPath(import.meta.url));

const packageDir = join(here, 'package');
const outdir = join(packageDir, 'dist');

/** ajv's standalone code: a module exporting each schema's validator under the name given. */
function standaloneModule(
  ajv: ReturnType<typeof schemaCompiler>,
  ids: string[],
  prefix: string,
): { code: string; names: Record<string, string> } {
  const names: Record<string, string> = {};
  for (const [i, id] of ids.entries()) {
    ajv.addSchema(knownSchema(id), id);
    names[`${prefix}${i}`] = id;
  }
  return { code: standaloneCode(ajv, names), names };
}

/**
 * The validators the wallet uses, compiled ahead: in place of the empty
 * core/precompiled-validators.ts, ajv's standalone code for the project's own schemas; in place of
 * core/schema-compilers.ts, a module that refuses to compile, so that ajv's compiler is left out of
 * the wallet. Compiling the qualification schema at start was a sixth of `list`'s CPU time
 * (npm run bench wallet). The wallet checks no published schema (Open Badges: the verifier's
 * schema check, which it does not run), whose standalone code would be larger than the whole
 * compiler. The modules are written beside the package, where their `require`s of ajv's runtime
 * resolve, and bundled like the rest.
 */
function precompiledValidators(dir: string): Plugin {
  const ours = standaloneModule(schemaCompiler({ source: true }), Object.keys(KNOWN_SCHEMAS), 'ours');
  writeFileSync(join(dir, 'ours.js'), ours.code);
  const table = Object.entries(ours.names).map(([name, id]) => `${JSON.stringify(id)}: ${name}`);
  writeFileSync(
    join(dir, 'precompiled-validators.js'),
    [
      `import { ${Object.keys(ours.names).join(', ')} } from './ours.js';`,
      `export const PRECOMPILED_VALIDATORS = { ${table.join(', ')} };`,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'schema-compilers.js'),
    [
      "const precompiled = () => { throw new Error('the wallet validates only with the validators compiled into it (wallet-cli/build.ts)'); };",
      'export const schemaCompiler = precompiled;',
      'export const publishedSchemaCompiler = precompiled;',
    ].join('\n'),
  );
  return {
    name: 'precompiled-validators',
    setup(builder) {
      builder.onResolve({ filter: /\/precompiled-validators\.ts$/ }, () => ({
        path: join(dir, 'precompiled-validators.js'),
      }));
      builder.onResolve({ filter: /\/schema-compilers\.ts$/ }, () => ({ path: join(dir, 'schema-compilers.js') }));
    },
  };
}

// Built beside and swapped in whole: a wallet started meanwhile (the test suite runs hundreds, and
// another run may be building) finds the old build or the new one, never a half-deleted folder.
const building = join(packageDir, `.dist-${process.pid}`);
const previous = join(packageDir, `.dist-${process.pid}-previous`);
rmSync(building, { recursive: true, force: true });
const validators = join(packageDir, `.validators-${process.pid}`);
mkdirSync(validators, { recursive: true });
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
  plugins: [precompiledValidators(validators)],
}).finally(() => rmSync(validators, { recursive: true, force: true }));
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
