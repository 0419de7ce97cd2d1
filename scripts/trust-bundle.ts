import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportTrustBundle } from '../contracts/trust-bundle-export.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { didKeyOfEd25519Key, signTrustBundle } from '../core/trust-bundle/signed-bundle.ts';
import { trustFromEnvironment } from '../verifier/index.ts';

const HELP = `Export a signed trust bundle: what a verifier needs to check credentials while the ledger
cannot be reached (docs/trust-bundle.md).

Usage:
  npm run trust-bundle -- --out <file> --key <key.pem> [--new-key] [--valid-days <n>] [--from-block <n>]
  npm run trust-bundle -- --key <key.pem> --signer

Reads, from every trusted registry at its latest block, the institutions (accreditation history,
signing DIDs, compromise reports), the anchored roots (institution, time, batch size), the
revocations and the latest commitment to each status list, and writes them to <file> as a compact
JWS signed with the Ed25519 key in <key.pem>.

  --out <file>        where to write the bundle (replaced atomically)
  --key <key.pem>     the signing key: an Ed25519 private key, PKCS #8 PEM
                      (make one with --new-key, or: openssl genpkey -algorithm ed25519 -out key.pem)
  --new-key           create <key.pem> (mode 0600) if it does not exist
  --signer            print the key's did:key and exit: give it to verifiers as VERIFIER_TRUST_BUNDLE_SIGNER
  --valid-days <n>    the bundle's own expiry, days after now (default 14); verifiers may stop
                      using it earlier (VERIFIER_TRUST_BUNDLE_MAX_AGE_HOURS)
  --from-block <n>    start reading events at this block (the registry's deployment block; default 0)

The trusted registries are the verifier's: VERIFIER_TRUST_FILE, else the registry \`npm start\`
deployed in SKILLMARK_DATA_DIR (on LEDGER_RPC_URL or the embedded node, which must be running).
Run it again regularly (e.g. daily): verifiers warn when a bundle gets old and stop using it past
their maximum age.`;

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new ConfigError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function signingKey(path: string, create: boolean, log: (line: string) => void): KeyObject {
  if (!existsSync(path)) {
    if (!create) throw new ConfigError(`${path} does not exist (add --new-key to create it)`);
    const { privateKey } = generateKeyPairSync('ed25519', {
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    writeFileSync(path, privateKey, { mode: 0o600, flag: 'wx' });
    log(`Created the signing key ${path}.`);
  }
  try {
    const key = createPrivateKey(readFileSync(path));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it holds a ${key.asymmetricKeyType} key`);
    return key;
  } catch (error) {
    throw new ConfigError(`${path} is not an Ed25519 private key in PEM: ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        'new-key': { type: 'boolean' },
        signer: { type: 'boolean' },
        'valid-days': { type: 'string' },
        'from-block': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.key || (!values.out && !values.signer)) {
    console.error(`--key, and --out or --signer, are required.\n\n${HELP}`);
    return 2;
  }
  // Progress goes to stderr, so that stdout holds only what was asked for.
  const progress = (line: string) => console.error(line);
  const key = signingKey(values.key, values['new-key'] === true, progress);
  const signer = didKeyOfEd25519Key(key);
  if (values.signer) {
    console.log(signer);
    return 0;
  }
  const validDays = positive(values['valid-days'], 'valid-days', 14);
  if (validDays < 1) throw new ConfigError('--valid-days must be at least 1');
  const config = loadConfig(process.env);
  const trust = trustFromEnvironment(process.env, config.dataDir);
  const started = Date.now();
  const payload = await exportTrustBundle(trust.registries, {
    validForSeconds: validDays * 86_400,
    fromBlock: positive(values['from-block'], 'from-block', 0),
    progress,
  });
  const bundle = signTrustBundle(payload, key);
  const temporary = `${values.out}.${process.pid}.tmp`;
  writeFileSync(temporary, bundle, { mode: 0o644 });
  renameSync(temporary, values.out!);
  const iso = (s: number) => new Date(s * 1000).toISOString();
  console.log(
    `Wrote ${values.out} (${bundle.length} bytes, in ${Date.now() - started} ms): ${payload.registries.length} registr${payload.registries.length === 1 ? 'y' : 'ies'} as of block ${payload.registries.map((r) => r.asOf.block).join(', ')}, issued ${iso(payload.issuedAt)}, expires ${iso(payload.expiresAt)}, signed by ${signer}.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof ConfigError ? error.message : `Could not export the trust bundle: ${error.message}`);
    process.exit(1);
  },
);
