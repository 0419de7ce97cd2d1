/** Exit codes, taught by `skillmark-issuer --help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rowErrors: 3, unreachable: 4 } as const;

/** A failure told to the registrar in one plain sentence, with the exit code that goes with it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    /** When the issuer said to ask again later (`Retry-After`), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
