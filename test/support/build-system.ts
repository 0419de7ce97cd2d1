import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { COMPILED } from './compiled.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/**
 * Each source file keeps its own location: the code finds its assets (schemas, fonts, contract
 * artifacts, the page's files) beside its source, as it does when tsx runs it.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      // The project's own TypeScript only, not a library's.
      if (relative(PROJECT_ROOT, path).split(/[\\/]/).includes('node_modules')) return undefined;
      return {
        contents: (await readFile(path, 'utf8'))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
        loader: 'ts',
      };
    });
  },
};

/**
 * Vitest's global setup: compiles the system (npm start's entry, the verifier, the registrar CLI,
 * the trust bundle tool, the authority's tool, the signing thread) once per run with esbuild, libraries bundled in. The suite starts the
 * system about fifty times: measured, 2.3 s to healthy against 6.3 s through tsx, which loads and
 * transforms every module at each start. `npm start` itself, and test/start-stop.test.ts, keep
 * running the source through tsx.
 */
export default async function buildSystem(): Promise<() => Promise<void>> {
  // Inside the project, so that the bundle's external libraries resolve from its node_modules.
  const cache = join(PROJECT_ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outdir = await mkdtemp(join(cache, 'skillmark-test-build-'));
  process.env.SKILLMARK_COMPILED_DIR = outdir;
  await build({
    entryPoints: {
      start: join(PROJECT_ROOT, 'scripts', 'start.ts'),
      'verifier-main': join(PROJECT_ROOT, 'verifier', 'main.ts'),
      'skillmark-issuer': join(PROJECT_ROOT, 'issuer', 'cli', 'cli.ts'),
      'trust-bundle': join(PROJECT_ROOT, 'scripts', 'trust-bundle.ts'),
      authority: join(PROJECT_ROOT, 'scripts', 'authority.ts'),
      'signing-worker': join(PROJECT_ROOT, 'issuer', 'signing-pool', 'worker.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native modules; libraries only some paths load (the contract compiler, the browser driver);
    // pdfkit, which finds its fonts through its package's own import map.
    external: ['better-sqlite3', 'pg', 'pg-native', 'solc', 'tsx', 'playwright-core', 'pdfkit'],
    // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
    },
    // verifier/child-process.ts forks the compiled verifier rather than its source, and
    // issuer/signing-pool/pool.ts starts the compiled signing thread.
    define: {
      'process.env.SKILLMARK_VERIFIER_BUNDLE': JSON.stringify(COMPILED.verifier),
      'process.env.SKILLMARK_SIGNING_WORKER_BUNDLE': JSON.stringify(COMPILED.signingWorker),
    },
    plugins: [sourceLocations],
    logLevel: 'warning',
  });
  return () => rm(outdir, { recursive: true, force: true });
}
