import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

async function blockNumberOf(rpcUrl: string): Promise<number> {
  const reply = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }) });
  return Number((await reply.json()).result);
}

/** The block the embedded node's saved state file holds, or undefined while it is absent or mid-write. */
function savedBlock(dataDir: string): number | undefined {
  try {
    const saved = Number(JSON.parse(readFileSync(join(dataDir, 'ledger', 'state.json'), 'utf8')).best_block_number);
    return Number.isFinite(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the embedded ledger node's saved state (rewritten about every second) holds the chain
 * as it is now, so a node killed afterwards comes back with everything mined so far. Waits for that
 * event, not for a fixed time; the deadline only bounds a hang.
 */
export async function waitUntilLedgerStateSaved(dataDir: string, rpcUrl: string, timeoutMs = 60_000): Promise<void> {
  const head = await blockNumberOf(rpcUrl);
  const deadline = Date.now() + timeoutMs;
  while ((savedBlock(dataDir) ?? -1) < head) {
    if (Date.now() > deadline) throw new Error(`the ledger state in ${dataDir} did not reach block ${head} within ${timeoutMs} ms`);
    await sleep(100);
  }
}
