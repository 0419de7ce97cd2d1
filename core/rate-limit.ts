import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem, problemResponse } from './http-problem.ts';

export interface RateLimitOptions {
  /** Requests a client may make per minute, on average; bursts up to this many. 0 turns it off. */
  perMinute: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Clients remembered at once; the least recently seen are forgotten first. */
  maxClients?: number;
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
  /** Requests this returns true for are not counted (e.g. those carrying the admin token). */
  exempt?: (c: Context) => boolean;
}

/** The client address as the rate limiter sees it (other per-client limits use the same). */
export function clientOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A token bucket per client address: 429 with Retry-After once a client exceeds its rate. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = options.perMinute;
  const refillPerMs = capacity / 60_000;
  const maxClients = options.maxClients ?? 50_000;
  const clock = options.now ?? Date.now;
  return async (c, next) => {
    if (capacity <= 0 || options.exempt?.(c)) return next();
    const now = clock();
    const client = clientOf(c, options.trustProxy ?? false);
    const bucket = buckets.get(client) ?? { tokens: capacity, at: now };
    buckets.delete(client);
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.set(client, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      c.header('Retry-After', String(wait));
      return problemResponse(
        c,
        new HttpProblem(429, 'Too many requests', `This client sent too many requests; try again in ${wait} s.`),
      );
    }
    bucket.tokens -= 1;
    return next();
  };
}
