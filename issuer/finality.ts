/**
 * When a ledger record of the issuer (an anchor, a revocation) is final: its block has enough
 * confirmations (itself included) and is old enough. Until then the issuer reads it back from the
 * chain and writes it again if the chain lost it (docs/ledger.md, "Lost blocks and reorganisations").
 */
export interface FinalityRule {
  confirmations: number;
  /** The embedded node saves its state once a second: a kill -9 loses its newest blocks, however confirmed. */
  delayMs: number;
}

export function isFinal(
  rule: FinalityRule,
  block: { number: number; timeMs: number },
  head: number,
  now: Date,
): boolean {
  return head - block.number + 1 >= rule.confirmations && now.getTime() - block.timeMs >= rule.delayMs;
}
