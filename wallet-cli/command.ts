import type { WalletSentenceKey } from '../core/messages/index.ts';
import type { Output } from './output.ts';

export interface CommandContext {
  out: Output;
  walletDir: string;
  env: Record<string, string | undefined>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The catalogue's words for it (core/messages, `wallet`); {issuer}, {verifier} and {languages} are filled in. */
  description: WalletSentenceKey;
  short?: string;
}

/**
 * One CLI command: how to call it and what it does (the catalogue's words, in every language), and the
 * code (its name and summary: commands/index.ts).
 */
export interface Command {
  usage: WalletSentenceKey;
  details: WalletSentenceKey;
  options: Record<string, OptionSpec>;
  run(
    args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
    ctx: CommandContext,
  ): Promise<number>;
}

/** Exit codes, documented in `--help`. */
export const EXIT = { ok: 0, error: 1, usage: 2, pending: 3, invalid: 4, unverifiable: 5, badServer: 6 } as const;

export const DEFAULT_ISSUER_URL = 'http://127.0.0.1:4100';
export const DEFAULT_VERIFIER_URL = 'http://127.0.0.1:4200';

/** The verifier to ask: --verifier, else SKILLMARK_VERIFIER_URL, else the local one. */
export function verifierUrl(given: unknown, env: Record<string, string | undefined>): string {
  return (
    (typeof given === 'string' ? given : undefined) ??
    env.SKILLMARK_VERIFIER_URL ??
    DEFAULT_VERIFIER_URL
  ).replace(/\/+$/, '');
}

/**
 * The arguments with `--name value` joined into `--name=value` where the value starts with "-"
 * (a challenge may): node's parseArgs refuses that spelling as ambiguous. A value that is one of
 * the options (`--out --json`, `--challenge -h`) is left alone, to be refused as before.
 */
export function joinDashValues(args: readonly string[], options: Record<string, OptionSpec>): string[] {
  const isOption = (arg: string) =>
    arg.startsWith('--')
      ? Object.hasOwn(options, arg.slice(2).split('=')[0]!)
      : Object.values(options).some((o) => o.short !== undefined && arg === `-${o.short}`);
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...joined, ...args.slice(i)];
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      Object.hasOwn(options, name) &&
      options[name]!.type === 'string' &&
      next?.startsWith('-') &&
      next !== '--' &&
      !isOption(next)
    ) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
