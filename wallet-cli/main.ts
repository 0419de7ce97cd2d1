import { parseArgs } from 'node:util';
import { printableJson, printableLines } from '../core/printable.ts';
import {
  type Command,
  DEFAULT_ISSUER_URL,
  DEFAULT_VERIFIER_URL,
  EXIT,
  joinDashValues,
  type OptionSpec,
} from './command.ts';
import { COMMANDS, type CommandEntry } from './commands/index.ts';
import { createOutput } from './output.ts';
import { walletDir } from './wallet-dir.ts';
import { WalletError } from './wallet-error.ts';
import { startDerivingWalletKey } from './wallet-key.ts';
import { languageChoice, languageList, padTo, speak, t, wrapped } from './words.ts';

const COMMON: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'opt_json' },
  plain: { type: 'boolean', description: 'opt_plain' },
  help: { type: 'boolean', short: 'h', description: 'opt_help' },
};
/** Every command's options in the help: --lang is read before the command is (takeLanguageOption). */
const SHOWN: Record<string, OptionSpec> = { ...COMMON, lang: { type: 'string', description: 'opt_lang' } };

const ENVIRONMENT = [
  ['SKILLMARK_WALLET_DIR', 'env_wallet_dir'],
  ['SKILLMARK_WALLET_PASSPHRASE', 'env_passphrase'],
  ['SKILLMARK_ISSUER_URL', 'env_issuer'],
  ['SKILLMARK_VERIFIER_URL', 'env_verifier'],
  ['SKILLMARK_WALLET_MAX_RESPONSE_BYTES', 'env_max_bytes'],
  ['SKILLMARK_WALLET_HTTP_TIMEOUT_SECONDS', 'env_timeout'],
  ['SKILLMARK_LANG', 'env_lang'],
] as const;

/** Help lines are kept within this many columns: an option's description wraps under itself. */
const HELP_COLUMNS = 100;
const OPTION_COLUMN = 26;

function optionLines(options: Record<string, OptionSpec>): string[] {
  const params = { issuer: DEFAULT_ISSUER_URL, verifier: DEFAULT_VERIFIER_URL, languages: languageList() };
  return Object.entries(options).flatMap(([name, o]) => {
    const option = padTo(`  --${name}${o.type === 'string' ? ` <${t('help_value')}>` : ''}`, OPTION_COLUMN);
    const [first = '', ...rest] = wrapped(t(o.description, params), HELP_COLUMNS - OPTION_COLUMN);
    return [option + first, ...rest.map((line) => ' '.repeat(OPTION_COLUMN) + line)];
  });
}

function mainHelp(): string {
  return [
    t('help_intro'),
    '',
    t('help_usage', { usage: t('help_main_usage') }),
    '',
    t('help_commands'),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(12)}${t(c.summary)}`),
    '',
    t('help_common_options'),
    ...optionLines(SHOWN),
    '',
    t('help_environment'),
    ...ENVIRONMENT.map(([name, key]) => `  ${name.padEnd(38)}${t(key)}`),
    '',
    t('help_exit_codes'),
    '',
    t('help_start'),
    t('help_one_command'),
  ].join('\n');
}

function commandHelp(entry: CommandEntry, command: Command): string {
  return [
    t(entry.summary),
    '',
    t('help_usage', { usage: t(command.usage) }),
    '',
    t(command.details),
    '',
    t('help_options'),
    ...optionLines({ ...command.options, ...SHOWN }),
  ].join('\n');
}

/**
 * The arguments without --lang and its value, and the value: the language is chosen before anything
 * is said, the main help included. A --lang without a value is `missing`.
 */
function takeLanguageOption(argv: readonly string[]): { rest: string[]; lang?: string; missing?: true } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--lang') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return { rest, missing: true };
      lang = value;
      i += 1;
    } else rest.push(arg);
  }
  return lang === undefined ? { rest } : { rest, lang };
}

/**
 * The arguments with the command first: --json and --plain (options of every command, like --lang)
 * may come before it (`skillmark-wallet --plain list`); they are then read as the command's options.
 */
function commandFirst(args: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < args.length && /^--(json|plain)(=|$)/.test(args[i]!)) leading.push(args[i++]!);
  if (i === 0) return [...args];
  // Options and no command: as if nothing were given (the main help).
  if (i === args.length) return [];
  return [args[i]!, ...leading, ...args.slice(i + 1)];
}

/** node's parseArgs explains in English; the options it names are the same in every language. */
function argumentProblem(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('unknown_option', { option });
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return t(/does not take an argument/.test(error.message) ? 'option_takes_no_value' : 'option_needs_value', {
      option,
    });
  return error.message;
}

/** The command a mistyped name most likely meant: at most two letters off (Levenshtein), else none. */
function closestName(typed: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++)
        row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = row;
    }
    return previous[b.length]!;
  };
  const lower = typed.toLowerCase();
  const [best] = names.map((name) => ({ name, off: distance(lower, name) })).sort((x, y) => x.off - y.off);
  return best && best.off <= 2 ? best.name : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const { rest: args, lang, missing } = takeLanguageOption(argv);
  const choice = languageChoice(lang, process.env);
  // Said in English, the language the wallet falls back to.
  if (choice.unknown !== undefined)
    process.stderr.write(
      `${printableLines(`The language "${choice.unknown}" is not available; answering in English. Available: ${languageList()}.`)}\n`,
    );
  speak(choice);
  if (missing) {
    process.stderr.write(`${t('option_needs_value', { option: '--lang' })}\n\n${mainHelp()}\n`);
    return EXIT.usage;
  }
  const [name, ...rest] = commandFirst(args);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    // A few short lines, not the whole help: on a phone's screen the error would scroll away.
    const names = COMMANDS.map((c) => c.name);
    const meant = closestName(name, names);
    const lines = [
      t('unknown_command', { name }),
      ...(meant ? [t('unknown_command_meant', { suggestion: meant })] : []),
      t('unknown_command_commands', { commands: names.join(', ') }),
    ];
    process.stderr.write(`${printableLines(lines.join('\n'))}\n`);
    return EXIT.usage;
  }
  if (!rest.includes('--help') && !rest.includes('-h')) startDerivingWalletKey(walletDir(), process.env);
  const command = await entry.load();
  let parsed;
  try {
    const options = { ...command.options, ...COMMON };
    parsed = parseArgs({ args: joinDashValues(rest, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${argumentProblem(error as NodeJS.ErrnoException)}\n\n${commandHelp(entry, command)}\n`);
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
