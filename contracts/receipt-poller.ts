import type { Provider, Subscriber } from 'ethers';

/** How often a transaction being waited for is looked up. */
const RECEIPT_POLL_MS = 250;

/**
 * Waits for one transaction by asking for its receipt on a timer. ethers' own waiter asks once,
 * then on each new block; a node that mines on demand (the embedded one) makes no block after
 * ours, so a transaction mined between that first look and the block poller's start was waited
 * for until the test or the caller gave up (seen as 60 s hangs under load).
 */
export class ReceiptPoller implements Subscriber {
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly provider: Provider & { emit(event: string, ...args: unknown[]): Promise<boolean> },
    private readonly hash: string,
  ) {}

  start(): void {
    if (this.#timer) return;
    const poll = async () => {
      try {
        const receipt = await this.provider.getTransactionReceipt(this.hash);
        if (receipt) await this.provider.emit(this.hash, receipt);
      } catch {
        // A failed look is retried on the next tick; the caller's own timeout bounds the wait.
      }
    };
    void poll();
    this.#timer = setInterval(poll, RECEIPT_POLL_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  pause(): void {
    this.stop();
  }

  resume(): void {
    this.start();
  }
}
