import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { assertPortFree, listensOn, PortInUseError } from '../core/ports.ts';
import { fetchChainId } from './provider.ts';

export const LOCAL_CHAIN_ID = 31337;

export interface LocalNode {
  rpcUrl: string;
  chainId: number;
  pid: number;
  stop(): Promise<void>;
}

function anvilBinary(): string {
  if (process.env.ANVIL_BIN) return process.env.ANVIL_BIN;
  try {
    return createRequire(import.meta.url).resolve('@foundry-rs/anvil-linux-amd64/bin/anvil');
  } catch {
    throw new Error(
      'No local ledger binary for this platform (the npm package ships one for linux-x64). ' +
        'Set ANVIL_BIN to an anvil binary, or LEDGER_RPC_URL to use an existing chain.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A node of this data dir left running: alive, an anvil, and saving its state into this dir. */
function leftoverPid(pidFile: string, stateFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : [];
  return cmdline.some((arg) => arg.includes('anvil')) && cmdline.includes(stateFile) ? pid : undefined;
}

/**
 * util-linux `setpriv --pdeathsig TERM` when present: the kernel then sends the node SIGTERM (it
 * saves its state and exits) as soon as this process dies, even by kill -9, so none is orphaned.
 */
function dieWithParent(): string[] {
  const setpriv = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'setpriv'))
    .find((file) => existsSync(file));
  return setpriv ? [setpriv, '--pdeathsig', 'TERM', '--'] : [];
}

const portHint =
  'set LEDGER_PORT to a free port (or LEDGER_RPC_URL and REGISTRY_ADDRESS to use an existing chain on purpose).';

/** Stops a node we do not hold a child handle for (one adopted after a crash of its parent). */
async function stopByPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function waitUntilReady(rpcUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`local ledger exited with code ${child.exitCode}: ${log()}`);
    try {
      await fetchChainId(rpcUrl, 1000);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`local ledger did not answer on ${rpcUrl} within 20 s: ${log()}`);
}

/**
 * Starts the embedded ledger: an anvil node on 127.0.0.1 whose chain state is saved in the data
 * dir every second and on exit, so deployed contracts and anchors survive a restart.
 */
export async function startLocalNode(options: { dataDir: string; port: number; chainId?: number }): Promise<LocalNode> {
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const dir = join(options.dataDir, 'ledger');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pidFile = join(dir, 'node.pid');
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  // A node left running by a crashed parent still holds the latest chain state: adopt it rather
  // than restart it from the last state snapshot (which may be up to a second older).
  const stateFile = join(dir, 'state.json');
  const leftover = leftoverPid(pidFile, stateFile);
  if (leftover !== undefined) {
    const answers =
      listensOn(leftover, options.port) !== false &&
      (await fetchChainId(rpcUrl, 1000).then(
        (id) => id === chainId,
        () => false,
      ));
    if (answers) {
      return {
        rpcUrl,
        chainId,
        pid: leftover,
        async stop() {
          await stopByPid(leftover);
          rmSync(pidFile, { force: true });
        },
      };
    }
    await stopByPid(leftover);
  }
  rmSync(pidFile, { force: true });
  // Whatever answers on a port we could not bind is not ours: never deploy onto it.
  await assertPortFree('127.0.0.1', options.port, portHint);
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--chain-id',
    String(chainId),
    '--state',
    stateFile,
    '--state-interval',
    '1',
    '--preserve-historical-states',
    '--silent',
  ];
  // Output goes to a file, not a pipe: a node outliving a crash must not die of a broken pipe.
  const logFile = join(dir, 'node.log');
  const log = openSync(logFile, 'a');
  const [command, ...prefix] = [...dieWithParent(), anvilBinary()];
  const child = spawn(command!, [...prefix, ...args], { stdio: ['ignore', log, log] });
  closeSync(log);
  let spawnError = '';
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', (e) => {
      spawnError = e.message;
      resolve(false);
    });
  });
  const output = () => spawnError || readFileSync(logFile, 'utf8').slice(-2000);
  if (!spawned || !child.pid) throw new Error(`cannot start the local ledger: ${output()}`);
  writeFileSync(pidFile, String(child.pid));
  await waitUntilReady(rpcUrl, child, () => output().trim().split('\n').slice(-5).join(' | '));
  // Another process may have bound the port between our probe and the node's start.
  if (child.exitCode !== null || listensOn(child.pid, options.port) === false) {
    child.kill('SIGKILL');
    rmSync(pidFile, { force: true });
    throw new PortInUseError(`port ${options.port} is in use by another process; ${portHint}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    rpcUrl,
    chainId,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(pidFile, { force: true });
    },
  };
}
