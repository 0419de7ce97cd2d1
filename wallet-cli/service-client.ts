import { BoundedFetchError, type BoundedResponse, fetchBounded } from '../core/bounded-fetch.ts';
import { ConfigError, wholeNumber } from '../core/config.ts';
import { EXIT } from './command.ts';
import { WalletError } from './store.ts';

/**
 * Every request the wallet makes goes through here. A server can be hostile (a claim link is just
 * a link), so each answer is read with a byte cap, whatever its Content-Length says, and within a
 * deadline that covers the whole exchange, body included (core/bounded-fetch.ts).
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
      maxResponseBytes:
        wholeNumber(env, 'SKILLMARK_WALLET_MAX_RESPONSE_BYTES', 1024, 64 * 1024 * 1024) ?? DEFAULT_MAX_RESPONSE_BYTES,
      timeoutMs: (wholeNumber(env, 'SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS', 1, 600) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    };
  } catch (error) {
    if (error instanceof ConfigError) throw new WalletError(error.message, EXIT.usage);
    throw error;
  }
}

function tooLarge(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(
    `${origin} sent an answer larger than ${limits.maxResponseBytes} bytes; the wallet stopped reading it. Check the address.`,
    EXIT.badServer,
  );
}

function tooSlow(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(
    `${origin} did not answer in full within ${limits.timeoutMs / 1000} seconds; the wallet gave up. Try again later.`,
    EXIT.badServer,
  );
}

/** Fetches within the wallet's limits; network failures become plain sentences. */
export async function fetchBytes(
  url: string,
  init: RequestInit = {},
  limits: HttpLimits = httpLimits(),
): Promise<BoundedResponse> {
  const origin = new URL(url).origin;
  let response: BoundedResponse;
  try {
    response = await fetchBounded(
      fetch,
      url,
      { redirect: 'follow', ...init },
      limits.timeoutMs,
      limits.maxResponseBytes,
    );
  } catch (error) {
    if (!(error instanceof BoundedFetchError)) throw error;
    if (error.kind === 'timeout') throw tooSlow(origin, limits);
    if (error.kind === 'too_large') throw tooLarge(origin, limits);
    if (error.kind === 'broke_off') throw new WalletError(`${origin} broke off its answer. Try again later.`);
    const cause =
      (error.cause as { cause?: { code?: string }; name?: string } | undefined)?.cause?.code ??
      (error.cause as Error | undefined)?.name;
    throw new WalletError(
      `Cannot reach ${origin} (${cause}). Check the address and your internet connection, then try again.`,
    );
  }
  return response;
}

/** Fetches JSON within the wallet's limits; network failures become plain sentences. */
export async function fetchJson(
  url: string,
  init: RequestInit = {},
  limits: HttpLimits = httpLimits(),
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const origin = new URL(url).origin;
  const response = await fetchBytes(url, init, limits);
  const text = response.body.toString('utf8');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new WalletError(`${origin} answered with something that is not JSON (HTTP ${response.status}).`);
  }
  return { status: response.status, body, headers: response.headers };
}

export function postJson(url: string, body: unknown) {
  return fetchJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
