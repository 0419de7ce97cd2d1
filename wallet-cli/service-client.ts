import { BoundedFetchError, type BoundedResponse, fetchBounded } from '../core/bounded-fetch.ts';
import { ConfigError, wholeNumber } from '../core/config.ts';
import { EXIT } from './command.ts';
import { WalletError } from './store.ts';
import { plural, spokenLanguage, t } from './words.ts';

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

/** A whole number from an environment variable, or a usage error in the wallet's words. */
function setting(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  try {
    return wholeNumber(env, name, min, max);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new WalletError(t('setting_out_of_range', { name, min, max, value: env[name] ?? '' }), EXIT.usage);
    throw error;
  }
}

export function httpLimits(env: Record<string, string | undefined> = process.env): HttpLimits {
  return {
    maxResponseBytes:
      setting(env, 'SKILLMARK_WALLET_MAX_RESPONSE_BYTES', 1024, 64 * 1024 * 1024) ?? DEFAULT_MAX_RESPONSE_BYTES,
    timeoutMs: (setting(env, 'SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS', 1, 600) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}

function tooLarge(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(
    t('http_too_large', { origin, size: plural('size_bytes', limits.maxResponseBytes) }),
    EXIT.badServer,
  );
}

function tooSlow(origin: string, limits: HttpLimits): WalletError {
  return new WalletError(
    t('http_too_slow', { origin, duration: plural('duration_seconds', limits.timeoutMs / 1000) }),
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
      // The verifier (and the issuer) answer in the wallet's language, from the catalogue they share with it.
      {
        redirect: 'follow',
        ...init,
        headers: { 'accept-language': spokenLanguage(), ...(init.headers as Record<string, string> | undefined) },
      },
      limits.timeoutMs,
      limits.maxResponseBytes,
    );
  } catch (error) {
    if (!(error instanceof BoundedFetchError)) throw error;
    if (error.kind === 'timeout') throw tooSlow(origin, limits);
    if (error.kind === 'too_large') throw tooLarge(origin, limits);
    if (error.kind === 'broke_off') throw new WalletError(t('http_broke_off', { origin }));
    const code =
      (error.cause as { cause?: { code?: string }; name?: string } | undefined)?.cause?.code ??
      (error.cause as Error | undefined)?.name;
    // The two a learner meets most, in words; any other stays a code, for whoever helps them.
    const cause =
      code === 'ECONNREFUSED'
        ? t('http_cause_refused')
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? t('http_cause_unknown_name')
          : String(code);
    throw new WalletError(t('http_unreachable', { origin, cause }));
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
    throw new WalletError(t('http_not_json', { origin, status: response.status }));
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
