import type { IssuerClient } from './issuer-client.ts';
import type { Output } from './output.ts';

/** What a command works with, made when it first asks (so `--help` needs no token). */
export interface CliSession {
  client: IssuerClient;
  out: Output;
  /** Ends the run with this exit code once the command has printed everything. */
  fail(exitCode: number): void;
}

export type CliContext = () => CliSession;
