import { parseArgs } from 'node:util';
import { printableJson, printableLines } from '../core/printable.ts';
import { type Command, EXIT, joinDashValues, type OptionSpec } from './command.ts';
import { COMMANDS, type CommandEntry } from './commands/index.ts';
import { createOutput } from './output.ts';
import { walletDir } from './wallet-dir.ts';
import { WalletError } from './wallet-error.ts';

const COMMON: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print one JSON document (for scripts) instead of sentences' },
  plain: {
    type: 'boolean',
    description: 'no colour, no drawing, no symbols, for screen readers and old terminals (NO_COLOR=1: no colour)',
  },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(
    ([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}`.padEnd(26) + o.description,
  );
}

function mainHelp(): string {
  return [
    'skillmark-wallet: keep your qualification credentials and show them to employers.',
    '',
    'Usage: skillmark-wallet <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
    '',
    'Options for every command:',
    ...optionLines(COMMON),
    '',
    'Environment:',
    '  SKILLMARK_WALLET_DIR        where the wallet lives (default ~/.skillmark-wallet)',
    '  SKILLMARK_WALLET_PASSPHRASE the passphrase, for scripts (else you are asked for it)',
    '  SKILLMARK_ISSUER_URL        issuer used for claim codes',
    '  SKILLMARK_VERIFIER_URL      verifier used by present and verify',
    '  SKILLMARK_WALLET_MAX_RESPONSE_BYTES  largest answer read from a server (default 2 MiB)',
    '  SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS  time allowed for each whole answer (default 20)',
    '',
    'Exit codes: 0 done / valid, 1 error, 2 wrong usage, 3 credential not ready yet,',
    '            4 verified as NOT valid, 5 verifier could not decide right now,',
    '            6 a server answered too much or too slowly (nothing was stored).',
    '',
    'Start with:  skillmark-wallet init',
    'Help on one command:  skillmark-wallet <command> --help',
  ].join('\n');
}

function commandHelp(entry: CommandEntry, command: Command): string {
  return [
    `${entry.summary}.`,
    '',
    `Usage: ${command.usage}`,
    '',
    ...command.details,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...COMMON }),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${mainHelp()}\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  let parsed;
  try {
    const options = { ...command.options, ...COMMON };
    parsed = parseArgs({ args: joinDashValues(rest, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${commandHelp(entry, command)}\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    process.stdout.write(`${commandHelp(entry, command)}\n`);
    return EXIT.ok;
  }
  const json = parsed.values.json === true;
  const out = createOutput(json, parsed.values.plain === true);
  try {
    return await command.run(parsed, { out, walletDir: walletDir(), env: process.env });
  } catch (error) {
    if (!(error instanceof WalletError)) throw error;
    // Messages may quote a server or a credential: nothing in them may act on the terminal.
    if (json) process.stdout.write(`${printableJson({ error: error.message }, 2)}\n`);
    else process.stderr.write(`${printableLines(error.message)}\n`);
    return error.exitCode;
  }
}
