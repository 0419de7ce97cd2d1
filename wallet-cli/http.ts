import { WalletError } from './store.ts';

/** Fetches JSON with a timeout; network failures become plain sentences. */
export async function fetchJson(url: string, init: RequestInit = {}, timeoutMs = 20_000): Promise<{ status: number; body: unknown; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new WalletError(`Cannot reach ${new URL(url).origin} (${cause}). Check the address and your internet connection, then try again.`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new WalletError(`${new URL(url).origin} answered with something that is not JSON (HTTP ${response.status}).`);
  }
  return { status: response.status, body, headers: response.headers };
}

export function postJson(url: string, body: unknown) {
  return fetchJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
