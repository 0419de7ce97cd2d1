import buildSystem from '../test/support/build-system.ts';
import { dataIntegrityBench } from './data-integrity.ts';
import { issueBench } from './issue.ts';
import { ledgerGasBench } from './ledger-gas.ts';
import { merkleBench } from './merkle.ts';
import { openBadgeBench } from './open-badge.ts';
import { pageBench } from './page.ts';
import { qrBench } from './qr.ts';
import { revocationBench } from './revocation.ts';
import { sdJwtBench } from './sd-jwt.ts';
import { signBench } from './sign.ts';
import { signingPoolBench } from './signing-pool.ts';
import { trustBundleBench } from './trust-bundle.ts';
import { verifyBench } from './verify.ts';
import { walletBench } from './wallet.ts';

/** `npm run bench [name...]`: runs the benchmarks (all by default) and writes bench/results/*.json. */
const BENCHES: Record<string, () => Promise<void>> = {
  merkle: merkleBench,
  'ledger-gas': ledgerGasBench,
  revocation: revocationBench,
  verify: verifyBench,
  'data-integrity': dataIntegrityBench,
  qr: qrBench,
  'trust-bundle': trustBundleBench,
  page: pageBench,
  wallet: walletBench,
  issue: issueBench,
  sign: signBench,
  'open-badge': openBadgeBench,
  'sd-jwt': sdJwtBench,
  'signing-pool': signingPoolBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
// The benches that start the system run it as the test suite does, compiled (test/support/build-system.ts).
const removeBuild = await buildSystem();
try {
  for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]!();
} finally {
  await removeBuild();
}
