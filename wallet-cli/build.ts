/**
 * Compiles the wallet to JavaScript for the installable package (wallet-cli/package): one small
 * entry and a chunk per command, so `--help` loads almost nothing and each command only what it
 * uses. Every library is bundled in: installing needs no compiler, no native module and no ledger.
 * Run by the package's `prepack` (npm pack) or `npm run build:wallet`.
 */
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Written beside and renamed into place: a build running at the same time reads it whole, never half-written. */
function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
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
  writeWhole(join(dir, 'ours.js'), ours.code);
  const table = Object.entries(ours.names).map(([name, id]) => `${JSON.stringify(id)}: ${name}`);
  writeWhole(
    join(dir, 'precompiled-validators.js'),
    [
      `import { ${Object.keys(ours.names).join(', ')} } from './ours.js';`,
      `export const PRECOMPILED_VALIDATORS = { ${table.join(', ')} };`,
    ].join('\n'),
  );
  writeWhole(
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

// Built beside, then moved in (below): a wallet started meanwhile (the test suite runs hundreds, and
// another run may be building) never finds a half-written or half-deleted build.
const building = join(packageDir, `.dist-${process.pid}`);
rmSync(building, { recursive: true, force: true });
// One place for every build, not one per process: where the modules lie is part of what names the
// bundle's chunks, and a wallet already running finds its chunks under the same names after a
// rebuild (the test suite runs hundreds while one of its tests packs the package). Concurrent
// builds write the same bytes there.
const validators = join(packageDir, '.validators');
mkdirSync(validators, { recursive: true });
await build({
  entryPoints: { 'skillmark-wallet': join(here, 'cli.ts') },
  outdir: building,
  // Paths relative to the project, whoever runs the build from where (npm start's setup, prepack):
  // they are part of what names the chunks.
  absWorkingDir: join(here, '..'),
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
});
// File by file, each renamed over its namesake (a rename replaces a file at once): a wallet running
// meanwhile always finds each file whole, and the builds being alike, under the same names. Files
// an older build of other sources left go after.
mkdirSync(outdir, { recursive: true });
const built = new Set(readdirSync(building));
for (const name of built) renameSync(join(building, name), join(outdir, name));
for (const name of readdirSync(outdir)) if (!built.has(name)) rmSync(join(outdir, name), { force: true });
rmSync(building, { recursive: true, force: true });
// core/schemas.ts reads the qualification schema from ../schemas beside the compiled code.
const schemas = join(packageDir, 'schemas');
mkdirSync(schemas, { recursive: true });
cpSync(
  join(here, '..', 'schemas', 'qualification-credential.schema.json'),
  join(schemas, 'qualification-credential.schema.json'),
);
