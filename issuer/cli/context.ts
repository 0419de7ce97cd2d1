import type { IssuerClient } from './issuer-client.ts';
import type { Output } from './output.ts';

/** What a command works with; the issuer client is made when first used (so `--help` needs no token). */
export interface CliSession {
  readonly client: IssuerClient;
  readonly env: Record<string, string | undefined>;
  out: Output;
  /** Ends the run with this exit code once the command has printed everything. */
  fail(exitCode: number): void;
}

export type CliContext = () => CliSession;
