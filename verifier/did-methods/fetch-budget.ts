/**
 * How many DID documents one verification request may still fetch over the network, so a single
 * request (a presentation holding many credentials, say) cannot make the verifier open an unbounded
 * number of outgoing connections. Documents already cached cost nothing.
 */
export class FetchBudget {
  #left: number;

  constructor(readonly limit: number) {
    this.#left = limit;
  }

  /** Takes one fetch from the budget; false once it is spent. */
  take(): boolean {
    if (this.#left <= 0) return false;
    this.#left -= 1;
    return true;
  }
}
