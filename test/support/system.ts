import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { COMPILED } from './compiled.ts';
import { type Reply, readReply } from './http.ts';
import { freePort } from './local-chain.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningSystem {
  issuerUrl: string;
  verifierUrl: string;
  dataDir: string;
  /** The ports it listens on: give them to startSystem to start it again in the same place. */
  ports: { ledger: number; issuer: number; verifier: number };
  adminToken: string;
  env: Record<string, string>;
  output(): string;
  /** Graceful stop (SIGTERM), as Ctrl+C would. */
  stop(): Promise<void>;
  /** PID of the local ledger node the system started. */
  ledgerPid(): number;
  /** PID of the system's own process (launcher and issuer). */
  pid(): number | undefined;
  /** SIGKILL to every process of the system at once, as a power cut (needs `ownProcessGroup`). */
  powerCut(): Promise<void>;
  /** Resolves with the exit signal or code once the system process has ended (e.g. at a failpoint). */
  exited: Promise<string | number | null>;
  /** Stops and deletes the data dir. */
  destroy(): Promise<void>;
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the system exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not become healthy:\n${output()}`);
}

/**
 * Runs `npm start`'s entry point, compiled once per test run (test/support/build-system.ts), as a
 * real child process: local ledger, contracts, issuer and verifier on free ports in a fresh (or
 * given) data dir.
 */
export async function startSystem(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    ports?: { ledger: number; issuer: number; verifier: number };
    /** Run the system in a process group of its own, so that powerCut() can kill all of it at once. */
    ownProcessGroup?: boolean;
    /** A command that runs the system's (e.g. `prlimit --nofile=512 --`, for a lower open-file limit). */
    wrapper?: string[];
    /**
     * Serve the issuer and the verifier over HTTPS with this certificate (TLS_CERT_FILE,
     * TLS_KEY_FILE); the caller's fetch must trust it (test/support/tls-certificate.ts).
     */
    tls?: { certFile: string; keyFile: string };
  } = {},
): Promise<RunningSystem> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'skillmark-system-'));
  if (options.ports) return launchSystem(options, dataDir, options.ports);
  // A port found free can be taken before the system binds it (by a client socket of another test
  // running alongside): the system then says so before it starts anything, and is started again.
  for (let attempt = 1; ; attempt++) {
    const ports = { ledger: await freePort(), issuer: await freePort(), verifier: await freePort() };
    try {
      return await launchSystem(options, dataDir, ports);
    } catch (error) {
      if (attempt === 3 || !/could not start: port \d+ is in use/.test((error as Error).message)) throw error;
    }
  }
}

async function launchSystem(
  options: Parameters<typeof startSystem>[0] & {},
  dataDir: string,
  ports: { ledger: number; issuer: number; verifier: number },
): Promise<RunningSystem> {
  const adminToken = 'test-admin-token-0123456789';
  const env: Record<string, string> = {
    SKILLMARK_DATA_DIR: dataDir,
    LEDGER_PORT: String(ports.ledger),
    ISSUER_PORT: String(ports.issuer),
    VERIFIER_PORT: String(ports.verifier),
    SKILLMARK_ADMIN_TOKEN: adminToken,
    ANCHOR_BATCH_WAIT_MS: '200',
    // Tests that stop the ledger expect every verdict to read it afresh.
    VERIFIER_CACHE_TTL_MS: '0',
    ...(options.tls ? { TLS_CERT_FILE: options.tls.certFile, TLS_KEY_FILE: options.tls.keyFile } : {}),
    ...options.env,
  };
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, COMPILED.start];
  const child = spawn(command!, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<string | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  const scheme = options.tls ? 'https' : 'http';
  const issuerUrl = `${scheme}://127.0.0.1:${ports.issuer}`;
  const verifierUrl = `${scheme}://127.0.0.1:${ports.verifier}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitForHealth(issuerUrl, child, () => log);
    await waitForHealth(verifierUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    issuerUrl,
    verifierUrl,
    dataDir,
    ports,
    adminToken,
    env,
    output: () => log,
    stop,
    async powerCut() {
      if (!options.ownProcessGroup) throw new Error('powerCut() needs startSystem({ ownProcessGroup: true })');
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    exited,
    ledgerPid: () => Number(readFileSync(join(dataDir, 'ledger', 'node.pid'), 'utf8')),
    pid: () => child.pid,
    async destroy() {
      await stop();
      // A system that died at a failpoint leaves its ledger node running: stop it too.
      try {
        process.kill(Number(readFileSync(join(dataDir, 'ledger', 'node.pid'), 'utf8')), 'SIGKILL');
      } catch {
        // no pid file, or the node is gone already
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An issue request for a qualification, as a training centre would send it. */
export function qualificationRequest(
  subject: { id?: string; learnerReference?: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    credential: {
      type: ['VerifiableCredential', 'QualificationCredential'],
      credentialSubject: {
        ...subject,
        name: 'Amina Yusuf',
        qualification: {
          title: 'National Certificate in Electrical Installation',
          level: { framework: 'EQF', value: '4' },
          occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
          competencies: [{ title: 'Install low-voltage wiring' }, { title: 'Test and inspect circuits' }],
          awardedOn: '2026-06-30',
        },
      },
      ...overrides,
    },
  };
}

export async function issue(system: RunningSystem, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${system.issuerUrl}/credentials/issue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Revokes a credential as the institution's administrator would; `body` carries the reason, if any. */
export async function revokeCredential(
  system: RunningSystem,
  credentialId: string,
  body: Record<string, unknown>,
): Promise<Reply> {
  return readReply(
    await fetch(`${system.issuerUrl}/credentials/${credentialId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** Polls the claim URL until the credential is anchored; returns the bundle. */
export async function claimWhenAnchored(
  url: string,
  timeoutMs = 30_000,
): Promise<{ type: string; credential: string; anchorReceipt: any }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url);
    if (response.status === 200) return (await response.json()) as never;
    // Polling fast from one address may meet the issuer's rate limit (ISSUER_RATE_LIMIT): wait as told.
    if (response.status === 429) {
      await response.body?.cancel();
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    if (response.status !== 202) throw new Error(`claim failed with ${response.status}: ${await response.text()}`);
    await sleep(100);
  }
  throw new Error(`credential at ${url} was not anchored in time`);
}

export async function postJson(url: string, body: unknown): Promise<Reply> {
  return readReply(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The wallet as its package ships it, compiled once per test run by test/support/build-wallet.ts. */
export const COMPILED_WALLET = join(PROJECT_ROOT, 'wallet-cli', 'package', 'dist', 'skillmark-wallet.js');

/** Runs the real wallet CLI, compiled as installed, as a child process. */
export function runWallet(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [COMPILED_WALLET, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input ?? '');
    child.once('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the real registrar CLI (skillmark-issuer, compiled) as a child process, as a registrar's terminal would. */
export function runIssuerCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [COMPILED.issuerCli, ...args], {
      cwd: tempDir('skillmark-issuer-cli-'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
