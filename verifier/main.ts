import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, wholeNumber } from '../core/config.ts';
import { readDeployment } from '../contracts/deployment.ts';
import { startVerifier } from './service.ts';
import { verifierSettingsFromEnv } from './settings.ts';
import type { VerifierReady } from './child-process.ts';
import { readTrustConfigFile, type TrustConfig } from './trust.ts';

/**
 * The verifier on its own (`npm run verifier`), for deployments that scale it out: it keeps no
 * state but single-use challenges (in the database), so any number of processes, here or on
 * other machines, can serve the same clients. VERIFIER_WORKERS forks that many processes sharing
 * the port (default 1; "auto" = one per core).
 */
function trustFromEnvironment(env: NodeJS.ProcessEnv, dataDir: string): TrustConfig {
  if (env.VERIFIER_TRUST_FILE) return readTrustConfigFile(env.VERIFIER_TRUST_FILE);
  const deployment = readDeployment(dataDir);
  if (!deployment) throw new ConfigError(`Set VERIFIER_TRUST_FILE, or SKILLMARK_DATA_DIR to a data dir where \`npm start\` deployed a registry (none in ${dataDir}).`);
  if (env.LEDGER_RPC_URL) {
    const rpcUrls = env.LEDGER_RPC_URL.split(',').map((u) => u.trim()).filter(Boolean);
    return { registries: [{ name: 'Local development registry', chainId: deployment.chainId, registry: deployment.registry.toLowerCase(), rpcUrls }] };
  }
  // The embedded node makes blocks only on demand: an old head does not mean it is behind.
  const rpcUrls = [`http://127.0.0.1:${loadConfig(env).ledgerPort}`];
  return { registries: [{ name: 'Local development registry', chainId: deployment.chainId, registry: deployment.registry.toLowerCase(), rpcUrls, maxHeadAgeSeconds: 0 }] };
}

/** VERIFIER_WORKERS: 1 to 64 processes, or "auto" for one per core. */
function workerCount(env: NodeJS.ProcessEnv): number {
  return env.VERIFIER_WORKERS === 'auto' ? availableParallelism() : (wholeNumber(env, 'VERIFIER_WORKERS', 1, 64) ?? 1);
}

async function main(): Promise<void> {
  const env = process.env;
  const config = loadConfig(env);
  const trust = trustFromEnvironment(env, config.dataDir);
  const workers = workerCount(env);
  if (workers > 1 && cluster.isPrimary) {
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (signal !== 'SIGTERM' && code !== 0) {
        console.error(`verifier worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
        cluster.fork();
      }
    });
    const stop = () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      process.exit(0);
    };
    stopOn(stop);
    announce(`http://${config.host}:${config.verifierPort}`, `Skillmark verifier: ${workers} processes on http://${config.host}:${config.verifierPort}`);
    return;
  }
  const verifier = await startVerifier({ config, trust, ...verifierSettingsFromEnv(env) });
  stopOn(() => void verifier.stop().then(() => process.exit(0)));
  if (cluster.isPrimary) announce(verifier.server.url, `Skillmark verifier on ${verifier.server.url}`);
}

/** Started by `npm start` (verifier/child-process.ts), with an IPC channel to it. */
const runByStart = cluster.isPrimary && typeof process.send === 'function';

/** Signals stop the verifier; so does the end of the IPC channel to `npm start` (even before we listen). */
function stopOn(stop: () => void): void {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!runByStart) return;
  process.once('disconnect', stop);
  if (!process.connected) stop();
}

/** Run by `npm start`: tell it where we listen; alone: tell the operator. */
function announce(url: string, line: string): void {
  if (!runByStart) console.log(line);
  else if (process.connected) process.send!({ type: 'skillmark-verifier-ready', url } satisfies VerifierReady);
}

main().catch((error: Error) => {
  console.error(`The verifier could not start: ${error.message}`);
  process.exit(1);
});
