import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustConfig } from './trust.ts';

/** What verifier/main.ts sends its parent over IPC once it listens. */
export interface VerifierReady {
  type: 'skillmark-verifier-ready';
  url: string;
}

export interface VerifierProcess {
  url: string;
  pid: number;
  /** Resolves when the process ends, for whatever reason: its exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  stop(): Promise<void>;
}

/**
 * Runs the verifier in its own process (verifier/main.ts): a flood of connections to the issuer
 * then cannot use up the file descriptors the verifier needs, and the reverse. The child stops
 * when its IPC channel closes, so it never outlives this process, even after a kill -9.
 */
export async function startVerifierProcess(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  trust?: TrustConfig;
}): Promise<VerifierProcess> {
  // The verifier needs neither the issuer's admin token nor its master key.
  const { SKILLMARK_ADMIN_TOKEN: _token, SKILLMARK_MASTER_KEY: _masterKey, ...env } = options.env;
  if (options.trust) {
    const trustFile = join(options.dataDir, 'verifier-trust.json');
    writeFileSync(trustFile, JSON.stringify(options.trust, null, 2), { mode: 0o600 });
    env.VERIFIER_TRUST_FILE = trustFile;
  }
  // A bundled build (test/support/build-system.ts) puts its compiled verifier's path here; from source, tsx runs main.ts.
  const bundledVerifier = process.env.SKILLMARK_VERIFIER_BUNDLE;
  const child = fork(bundledVerifier ?? join(import.meta.dirname, 'main.ts'), [], {
    env,
    execArgv: bundledVerifier ? [] : ['--import', import.meta.resolve('tsx/esm')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: Partial<VerifierReady>) => {
      if (message?.type === 'skillmark-verifier-ready' && typeof message.url === 'string') resolve(message.url);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the verifier exited (${signal ?? `code ${code}`}) before it was ready`)),
    );
  });
  return {
    url,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
