import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The embedded ledger node's saved state, rewritten in place about every second. */
const stateFile = (dataDir: string) => join(dataDir, 'ledger', 'state.json');

async function blockNumberOf(rpcUrl: string): Promise<number> {
  const reply = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  });
  return Number((await reply.json()).result);
}

/** The saved state's text and the block it holds, or undefined while it is absent or mid-write. */
function readSavedState(dataDir: string): { text: string; block: number } | undefined {
  try {
    const text = readFileSync(stateFile(dataDir), 'utf8');
    const block = Number(JSON.parse(text).best_block_number);
    return Number.isFinite(block) ? { text, block } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the node's saved state holds the chain as it is now (everything mined so far), and
 * returns that state. Waits for that event, not for a fixed time; the deadline only bounds a hang.
 */
async function savedStateAtHead(dataDir: string, rpcUrl: string, timeoutMs: number): Promise<string> {
  const head = await blockNumberOf(rpcUrl);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const saved = readSavedState(dataDir);
    if (saved && saved.block >= head) return saved.text;
    if (Date.now() > deadline)
      throw new Error(`the ledger state in ${dataDir} did not reach block ${head} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Waits until the node's saved state holds the chain as it is now, so a node killed afterwards comes back with it. */
export async function waitUntilLedgerStateSaved(dataDir: string, rpcUrl: string, timeoutMs = 60_000): Promise<void> {
  await savedStateAtHead(dataDir, rpcUrl, timeoutMs);
}

/**
 * Keeps a copy of the node's saved state once it holds the chain as it is now; the function returned
 * puts the copy back. Put back before the node restarts, it makes the node come back without
 * everything mined since: what a kill -9 before the next save loses, minus the race.
 */
export async function saveLedgerState(dataDir: string, rpcUrl: string, timeoutMs = 60_000): Promise<() => void> {
  const saved = await savedStateAtHead(dataDir, rpcUrl, timeoutMs);
  return () => writeFileSync(stateFile(dataDir), saved);
}
