/**
 * `npm start` stops as a whole: a signal to any process of its launch chain (npm, tsx, node), as
 * systemd, container runtimes and `kill PID` send them, stops the issuer, the verifier and the
 * ledger node within 10 s, says so, frees every port and leaves no process behind. Real processes
 * on free ports of 127.0.0.1, each run in its own temporary data dir.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortFree } from '../core/ports.ts';
import { freePort } from './support/local-chain.ts';
import { PROJECT_ROOT, tempDir } from './support/system.ts';

/** Only bounds a hang: the system keeps its 10 s by its own clock (see expectStoppedInTime). */
const GONE_WITHIN_MS = 30_000;

interface Launch {
  child: ChildProcess;
  dataDir: string;
  ports: number[];
  output(): string;
}

const launches: Launch[] = [];

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Every live process whose environment or command line names the data dir (ours alone use it). */
function processesOf(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      // A zombie has exited; only its parent has not collected it yet.
      if (/^\d+ \(.*\) Z/.test(readProc(pid, 'stat'))) return false;
      return readProc(pid, 'environ').includes(dataDir) || readProc(pid, 'cmdline').includes(dataDir);
    })
    .map(Number);
}

function parentOf(pid: number): number {
  const stat = readProc(String(pid), 'stat');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The `node` process running scripts/start.ts (under tsx's loader) in the launch's tree. */
function startScriptPid(launch: Launch): number {
  const pid = processesOf(launch.dataDir).find((p) => {
    const cmdline = readProc(String(p), 'cmdline');
    return cmdline.includes('scripts/start.ts') && cmdline.includes('loader.mjs');
  });
  if (!pid) throw new Error(`no start.ts process found:\n${launch.output()}`);
  return pid;
}

async function launch(
  via: 'npm' | 'tsx',
  until: (launch: Launch) => boolean = (l) => l.output().includes('Skillmark is running'),
): Promise<Launch> {
  const dataDir = tempDir('skillmark-start-stop-');
  const ports = [await freePort(), await freePort(), await freePort()];
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SKILLMARK_DATA_DIR: dataDir,
    LEDGER_PORT: String(ports[0]),
    ISSUER_PORT: String(ports[1]),
    VERIFIER_PORT: String(ports[2]),
    SKILLMARK_ADMIN_TOKEN: 'test-admin-token-0123456789',
  };
  const child =
    via === 'npm'
      ? spawn('npm', ['start', '--silent'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
          cwd: PROJECT_ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const started: Launch = { child, dataDir, ports, output: () => log };
  launches.push(started);
  const deadline = Date.now() + 90_000;
  while (!until(started)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the system did not start:\n${log}`);
    await sleep(100);
  }
  return started;
}

/** Waits until no process of the launch is left; returns those left at the deadline. */
async function leftAfterStop(launch: Launch): Promise<number[]> {
  const deadline = Date.now() + GONE_WITHIN_MS;
  let left = processesOf(launch.dataDir);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = processesOf(launch.dataDir);
  }
  return left;
}

/**
 * The launcher stops everything within 10 s by its own clock (it exits at 8 s whatever hangs, and
 * the ledger node and verifier die with it): a stop that finished says so, one cut short says that.
 * Judging the launcher's account instead of our stopwatch, a loaded machine cannot fail the test.
 */
function expectStoppedInTime(launch: Launch): void {
  expect(launch.output()).toContain('Skillmark stopped.');
  expect(launch.output()).not.toContain('did not stop within');
}

async function expectPortsFree(ports: number[]): Promise<void> {
  for (const port of ports)
    await expect(assertPortFree('127.0.0.1', port, ''), `port ${port}`).resolves.toBeUndefined();
}

afterEach(() => {
  for (const { dataDir } of launches.splice(0)) {
    for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe.sequential('npm start stops as a whole', () => {
  // Each process of the chain and each signal, each launcher, once: a full system start costs about
  // 20 s of the suite's time, and the signal handling is the same code whichever process relays it.
  const cases = [
    { via: 'npm', target: 'npm', signal: 'SIGINT' },
    { via: 'npm', target: 'tsx', signal: 'SIGTERM' },
    { via: 'tsx', target: 'tsx', signal: 'SIGINT' },
    { via: 'tsx', target: 'node', signal: 'SIGTERM' },
  ] as const;

  for (const { via, target, signal } of cases) {
    it(`${signal} to the ${target} process (started by ${via}) stops everything within 10 s and says so`, async () => {
      const system = await launch(via);
      const node = startScriptPid(system);
      const pids = { node, tsx: via === 'tsx' ? system.child.pid! : parentOf(node), npm: system.child.pid! };
      expect(processesOf(system.dataDir).length, 'ledger node, verifier and the launch chain').toBeGreaterThanOrEqual(
        4,
      );
      process.kill(pids[target], signal);
      expect(await leftAfterStop(system)).toEqual([]);
      expectStoppedInTime(system);
      await expectPortsFree(system.ports);
    });
  }

  it('SIGTERM while it is still starting (the ledger node up, the verifier not yet) leaves nothing behind', async () => {
    const system = await launch('tsx', (l) => existsSync(join(l.dataDir, 'ledger', 'node.pid')));
    expect(system.output()).not.toContain('Skillmark is running');
    process.kill(startScriptPid(system), 'SIGTERM');
    expect(await leftAfterStop(system)).toEqual([]);
    expectStoppedInTime(system);
    await expectPortsFree(system.ports);
  });

  it('a verifier that dies stops the whole system, saying why', async () => {
    const system = await launch('tsx');
    const verifier = processesOf(system.dataDir).find((p) =>
      readProc(String(p), 'cmdline').includes('verifier/main.ts'),
    );
    process.kill(verifier!, 'SIGKILL');
    expect(await leftAfterStop(system)).toEqual([]);
    expect(system.output()).toContain('The verifier stopped (SIGKILL): stopping Skillmark');
    expectStoppedInTime(system);
    await expectPortsFree(system.ports);
  });

  it('kill -9 of the node process leaves no ledger node or verifier behind', async () => {
    const system = await launch('tsx');
    process.kill(startScriptPid(system), 'SIGKILL');
    expect(await leftAfterStop(system)).toEqual([]);
    await expectPortsFree(system.ports);
  });
});
