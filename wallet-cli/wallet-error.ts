/** A failure the learner can act on: printed as one plain sentence, with the exit code it means. */
export class WalletError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
