import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig, wholeNumber } from '../core/config.ts';
import type { VerifierReady } from './child-process.ts';
import { startVerifier } from './service.ts';
import { verifierSettingsFromEnv } from './settings.ts';
import { trustBundleFromEnv } from './trust-bundle/settings.ts';
import { describeTrustBundle } from './trust-bundle/standing.ts';
import { trustFromEnvironment } from './trust-from-environment.ts';

/** VERIFIER_WORKERS: 1 to 64 processes, or "auto" for one per core. */
function workerCount(env: NodeJS.ProcessEnv): number {
  return env.VERIFIER_WORKERS === 'auto' ? availableParallelism() : (wholeNumber(env, 'VERIFIER_WORKERS', 1, 64) ?? 1);
}

/**
 * The verifier on its own (`npm run verifier`), for deployments that scale it out: it keeps no
 * state but single-use challenges (in the database), so any number of processes, here or on
 * other machines, can serve the same clients. VERIFIER_WORKERS forks that many processes sharing
 * the port (default 1; "auto" = one per core).
 */
async function main(): Promise<void> {
  const env = process.env;
  const config = loadConfig(env);
  const trust = trustFromEnvironment(env, config.dataDir);
  const trustBundle = trustBundleFromEnv(env);
  if (trustBundle && cluster.isPrimary) {
    const { line, warn } = describeTrustBundle(trustBundle.index.payload, trustBundle.policy, new Date());
    (warn ? console.error : console.log)(line);
  }
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
    announce(
      `${config.tls ? 'https' : 'http'}://${config.host}:${config.verifierPort}`,
      `Skillmark verifier: ${workers} processes on ${config.tls ? 'https' : 'http'}://${config.host}:${config.verifierPort}`,
    );
    return;
  }
  const verifier = await startVerifier({
    config,
    trust,
    ...verifierSettingsFromEnv(env),
    ...(trustBundle ? { trustBundle } : {}),
  });
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
