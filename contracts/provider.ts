import {
  FallbackProvider,
  FetchRequest,
  JsonRpcProvider,
  Network,
  type Provider,
  type Subscriber,
  type Subscription,
} from 'ethers';
import { ReceiptPoller } from './receipt-poller.ts';

export interface ProviderOptions {
  /** Per-request timeout: a dead node must turn into an error quickly, never a hang. */
  timeoutMs?: number;
}

/**
 * A JSON-RPC provider for a known chain: no network auto-detection (which retries forever when the
 * node is down), no request batching (it adds latency), no response cache (it hands out stale nonces).
 */
export function connectProvider(rpcUrl: string, chainId: number, options: ProviderOptions = {}): JsonRpcProvider {
  const request = new FetchRequest(rpcUrl);
  request.timeout = options.timeoutMs ?? 5000;
  const network = Network.from(chainId);
  return new ReceiptPollingProvider(request, network, { staticNetwork: network, batchMaxCount: 1, cacheTimeout: -1 });
}

/** A JSON-RPC provider whose transaction waits (`tx.wait()`) ask for the receipt on a timer, not per block. */
class ReceiptPollingProvider extends JsonRpcProvider {
  override _getSubscriber(sub: Subscription): Subscriber {
    return sub.type === 'transaction' ? new ReceiptPoller(this, sub.hash) : super._getSubscriber(sub);
  }
}

/** The same for several endpoints: a FallbackProvider subscribes on its own, not through its members. */
class ReceiptPollingFallbackProvider extends FallbackProvider {
  override _getSubscriber(sub: Subscription): Subscriber {
    return sub.type === 'transaction' ? new ReceiptPoller(this, sub.hash) : super._getSubscriber(sub);
  }
}

/** Error codes (Node's and ethers') of a ledger that could not be reached or did not answer in time. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'NETWORK_ERROR',
  'TIMEOUT',
  'SERVER_ERROR',
]);

/** True when the ledger could not be reached or did not answer, as opposed to answering with an error. */
export function isLedgerUnreachable(error: unknown): boolean {
  for (
    let cause = error, depth = 0;
    typeof cause === 'object' && cause !== null && depth < 5;
    cause = (cause as { cause?: unknown }).cause, depth++
  ) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  }
  return false;
}

/** Asks a node for its chain id with a single, time-limited request. */
export async function fetchChainId(rpcUrl: string, timeoutMs = 5000): Promise<number> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { result?: string; error?: { message: string } };
  if (!body.result) throw new Error(`eth_chainId failed at ${rpcUrl}: ${body.error?.message ?? response.status}`);
  return Number(BigInt(body.result));
}

/**
 * A provider over one or several RPC endpoints of the same chain. With several, requests fail over
 * between them and transactions are broadcast to all (ethers' FallbackProvider, quorum 1).
 */
export function connectLedger(rpcUrls: readonly string[], chainId: number, options: ProviderOptions = {}): Provider {
  if (rpcUrls.length === 0) throw new Error('no RPC URL configured');
  if (rpcUrls.length === 1) return connectProvider(rpcUrls[0]!, chainId, options);
  const network = Network.from(chainId);
  return new ReceiptPollingFallbackProvider(
    rpcUrls.map((url, i) => ({
      provider: connectProvider(url, chainId, options),
      priority: i + 1,
      stallTimeout: 2000,
      weight: 1,
    })),
    network,
    { quorum: 1 },
  );
}
