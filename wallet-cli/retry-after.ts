/** Polling never faster than this, whatever a server asks: a `Retry-After: 0` must not become a flood. */
export const MIN_POLL_SECONDS = 1;
/** Nor slower than this, so the user's --wait is spent polling, not asleep. */
export const MAX_POLL_SECONDS = 10;
const DEFAULT_POLL_SECONDS = 2;

/** Seconds to wait before asking again, from a Retry-After header (seconds or an HTTP date), within bounds. */
export function pollDelaySeconds(retryAfter: string | null, now = Date.now()): number {
  const value = retryAfter?.trim() ?? '';
  let seconds = DEFAULT_POLL_SECONDS;
  if (/^\d{1,10}$/.test(value)) seconds = Number(value);
  else if (/ GMT$/.test(value) && !Number.isNaN(Date.parse(value)))
    seconds = Math.ceil((Date.parse(value) - now) / 1000);
  return Math.min(Math.max(seconds, MIN_POLL_SECONDS), MAX_POLL_SECONDS);
}
