import type { Output } from './output.ts';

export interface CommandContext {
  out: Output;
  walletDir: string;
  env: Record<string, string | undefined>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
}

/** One CLI command: what it does, how to call it, and the code. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  details: string[];
  options: Record<string, OptionSpec>;
  run(args: { positionals: string[]; values: Record<string, string | boolean | undefined> }, ctx: CommandContext): Promise<number>;
}

/** Exit codes, documented in `--help`. */
export const EXIT = { ok: 0, error: 1, usage: 2, pending: 3, invalid: 4, unverifiable: 5 } as const;

export const DEFAULT_ISSUER_URL = 'http://127.0.0.1:4100';
export const DEFAULT_VERIFIER_URL = 'http://127.0.0.1:4200';
