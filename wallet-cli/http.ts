import { ConfigError, wholeNumber } from '../core/config.ts';
import { EXIT } from './command.ts';
import { WalletError } from './store.ts';

/**
 * Every request the wallet makes goes through here. A server can be hostile (a claim link is just
 * a link), so each answer is read with a byte cap, whatever its Content-Length says, and within a
 * deadline that covers the whole exchange, body included.
 */
export interface HttpLimits {
  maxResponseBytes: number;
  timeoutMs: number;
}

/** Far above a credential bundle or a verifier's report on 20 credentials. */
const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 20;

export function httpLimits(env: Record<string, string | undefined> = process.env): HttpLimits {
  try {
    return {
      maxResponseBytes: wholeNumber(env, 'SKILLMARK_WALLET_MAX_RESPONSE_BYTES', 1024, 64 * 1024 * 1024) ?? DEFAULT_MAX_RESPONSE_BYTES,
      timeoutMs: (wholeNumber(env, 'SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS', 1, 600) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    };
  } catch (error) {
    if (error instanceof ConfigError) throw new WalletError(error.message, EXIT.usage);
    throw error;
  }
}

const isTimeout = (error: unknown) => (error as Error)?.name === 'TimeoutError';

function tooLarge(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(`${origin} sent an answer larger than ${limits.maxResponseBytes} bytes; the wallet stopped reading it. Check the address.`, EXIT.badServer);
}

function tooSlow(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(`${origin} did not answer in full within ${limits.timeoutMs / 1000} seconds; the wallet gave up. Try again later.`, EXIT.badServer);
}

async function readCapped(response: Response, origin: string, limits: HttpLimits): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxResponseBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(origin, limits);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limits.maxResponseBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(origin, limits);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Fetches JSON within the wallet's limits; network failures become plain sentences. */
export async function fetchJson(url: string, init: RequestInit = {}, limits: HttpLimits = httpLimits()): Promise<{ status: number; body: unknown; headers: Headers }> {
  const origin = new URL(url).origin;
  // One signal for the whole exchange: it also aborts a body that trickles in forever.
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (isTimeout(error)) throw tooSlow(origin, limits);
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new WalletError(`Cannot reach ${origin} (${cause}). Check the address and your internet connection, then try again.`);
  }
  try {
    text = await readCapped(response, origin, limits);
  } catch (error) {
    if (error instanceof WalletError) throw error;
    if (isTimeout(error) || signal.aborted) throw tooSlow(origin, limits);
    throw new WalletError(`${origin} broke off its answer (HTTP ${response.status}). Try again later.`);
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new WalletError(`${origin} answered with something that is not JSON (HTTP ${response.status}).`);
  }
  return { status: response.status, body, headers: response.headers };
}

export function postJson(url: string, body: unknown) {
  return fetchJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
