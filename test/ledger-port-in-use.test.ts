/**
 * A second `npm start` whose LEDGER_PORT is taken must refuse before it touches any chain that
 * is not provably its own: no deployment there, nothing written to its deployment.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentFile } from '../contracts/deployment.ts';
import { startLocalNode } from '../contracts/local-node.ts';
import { PortInUseError } from '../core/ports.ts';
import { freePort, startTestChain, type TestChain } from './support/local-chain.ts';
import { PROJECT_ROOT, tempDir } from './support/system.ts';

let other: TestChain;
let otherPort: number;
const dirs: string[] = [];

function dataDir(): string {
  const dir = tempDir('skillmark-port-in-use-');
  dirs.push(dir);
  return dir;
}

/** What another instance's chain looks like: a change here means someone wrote to it. */
async function chainState() {
  return {
    block: await other.provider.getBlockNumber(),
    nonce: await other.provider.getTransactionCount(await (await other.provider.getSigner(0)).getAddress()),
  };
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SKILLMARK_ADMIN_TOKEN: 'test-admin-token-0123456789',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  other = await startTestChain();
  otherPort = Number(new URL(other.rpcUrl).port);
});

afterAll(async () => {
  await other?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the ledger port is taken by another instance', () => {
  it('npm start refuses with a clear message, deploys nothing there and records nothing', async () => {
    const before = await chainState();
    const dir = dataDir();
    const result = await runStart({
      SKILLMARK_DATA_DIR: dir,
      LEDGER_PORT: String(otherPort),
      ISSUER_PORT: String(await freePort()),
      VERIFIER_PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`port ${otherPort} is in use by another process; set LEDGER_PORT`);
    expect(existsSync(deploymentFile(dir))).toBe(false);
    expect(await chainState()).toEqual(before);
  });

  it("a node.pid naming the other instance's node (e.g. a copied data dir) is not adopted", async () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'ledger'), { recursive: true });
    writeFileSync(join(dir, 'ledger', 'node.pid'), String(other.node.pid));
    await expect(startLocalNode({ dataDir: dir, port: otherPort })).rejects.toThrow(PortInUseError);
    // Not adopted, and not stopped either: the other instance's node keeps running.
    expect(await other.provider.getBlockNumber()).toBeGreaterThanOrEqual(0);
  });

  it('a port held by any other program is refused the same way', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(startLocalNode({ dataDir: dataDir(), port })).rejects.toThrow(
        `port ${port} is in use by another process`,
      );
    } finally {
      holder.close();
    }
  });
});
