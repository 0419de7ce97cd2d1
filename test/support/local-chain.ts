import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonRpcProvider } from 'ethers';
import { type LocalNode, startLocalNode } from '../../contracts/local-node.ts';
import { connectProvider } from '../../contracts/provider.ts';

/**
 * A TCP port that was free a moment ago on 127.0.0.1 (the OS picks it). Another process could
 * take it before the caller binds it; in tests that race is rare enough to accept.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a listening socket'));
        return;
      }
      const { port } = address;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

export interface TestChain {
  rpcUrl: string;
  provider: JsonRpcProvider;
  node: LocalNode;
  /** The temporary data dir holding the node's state; removed by stop(). */
  dataDir: string;
  /** Stops the node and removes its data dir. Safe to call more than once. */
  stop(): Promise<void>;
}

/** A fresh local ledger (anvil; chain id 31337 unless given) in its own temp dir on a free port. */
export async function startTestChain(options: { chainId?: number } = {}): Promise<TestChain> {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-chain-'));
  let node: LocalNode;
  try {
    node = await startLocalNode({ dataDir, port: await freePort(), chainId: options.chainId });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const provider = connectProvider(node.rpcUrl, node.chainId);
  let stopped: Promise<void> | undefined;
  return {
    rpcUrl: node.rpcUrl,
    provider,
    node,
    dataDir,
    stop() {
      stopped ??= (async () => {
        provider.destroy();
        try {
          await node.stop();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      })();
      return stopped;
    },
  };
}
