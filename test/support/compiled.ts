import { join } from 'node:path';

/**
 * Where test/support/build-system.ts put the compiled system for this test run: a directory of its
 * own per run (named in the environment the test workers inherit), so runs side by side never see
 * each other's half-written builds.
 */
const compiledDir = () => {
  const dir = process.env.SKILLMARK_COMPILED_DIR;
  if (!dir) throw new Error('the system is not compiled: run the tests through vitest (test/support/build-system.ts)');
  return dir;
};

/** The compiled entry points: `npm start`, the verifier alone, the registrar CLI, the trust bundle tool, the authority's tool, the signing thread. */
export const COMPILED = {
  get start() {
    return join(compiledDir(), 'start.js');
  },
  get verifier() {
    return join(compiledDir(), 'verifier-main.js');
  },
  get issuerCli() {
    return join(compiledDir(), 'skillmark-issuer.js');
  },
  get trustBundle() {
    return join(compiledDir(), 'trust-bundle.js');
  },
  get authority() {
    return join(compiledDir(), 'authority.js');
  },
  get signingWorker() {
    return join(compiledDir(), 'signing-worker.js');
  },
};
