export interface ClaimGuardOptions {
  /** Unknown codes a client may try before it is slowed down (typing mistakes happen). */
  freeMisses?: number;
  /** The first lockout; each further miss doubles it ... */
  firstLockoutMs?: number;
  /** ... up to this. */
  maxLockoutMs?: number;
  /** A client's misses are forgotten after this long without one. */
  forgetAfterMs?: number;
  /** Clients remembered at once; the least recently missing are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

interface Misses {
  count: number;
  last: number;
  lockedUntil: number;
}

/**
 * Slows down claim-code guessing per client: a few misses are free, then every further miss
 * locks the client out for twice as long as the last (1 s, 2 s, 4 s ... up to an hour), so a
 * client gets a few dozen guesses a day against a 100-bit code space.
 */
export class ClaimGuard {
  readonly #clients = new Map<string, Misses>();
  readonly #freeMisses: number;
  readonly #firstLockoutMs: number;
  readonly #maxLockoutMs: number;
  readonly #forgetAfterMs: number;
  readonly #maxClients: number;
  readonly #now: () => number;

  constructor(options: ClaimGuardOptions = {}) {
    this.#freeMisses = options.freeMisses ?? 5;
    this.#firstLockoutMs = options.firstLockoutMs ?? 1000;
    this.#maxLockoutMs = options.maxLockoutMs ?? 3_600_000;
    this.#forgetAfterMs = options.forgetAfterMs ?? 24 * 3_600_000;
    this.#maxClients = options.maxClients ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds the client must wait before its next claim; 0 when it may claim now. */
  retryAfterSeconds(client: string): number {
    const misses = this.#current(client);
    return misses ? Math.max(0, Math.ceil((misses.lockedUntil - this.#now()) / 1000)) : 0;
  }

  /** Records a claim with an unknown code. */
  miss(client: string): void {
    const now = this.#now();
    const misses = this.#current(client) ?? { count: 0, last: now, lockedUntil: 0 };
    misses.count += 1;
    misses.last = now;
    const beyondFree = misses.count - this.#freeMisses;
    if (beyondFree > 0)
      misses.lockedUntil = now + Math.min(this.#maxLockoutMs, this.#firstLockoutMs * 2 ** Math.min(beyondFree - 1, 40));
    this.#clients.delete(client);
    this.#clients.set(client, misses);
    if (this.#clients.size > this.#maxClients) this.#clients.delete(this.#clients.keys().next().value!);
  }

  #current(client: string): Misses | undefined {
    const misses = this.#clients.get(client);
    if (misses && this.#now() - misses.last > this.#forgetAfterMs) {
      this.#clients.delete(client);
      return undefined;
    }
    return misses;
  }
}
