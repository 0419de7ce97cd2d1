import { Command, CommanderError } from 'commander';
import { printableJson } from '../../core/printable.ts';
import { CliError, EXIT } from './cli-error.ts';
import { auditCommand } from './commands/audit.ts';
import { claimCodeCommand } from './commands/claim-code.ts';
import { cohortCommand } from './commands/cohort.ts';
import { reportCommand } from './commands/report.ts';
import { revokeCommand } from './commands/revoke.ts';
import { searchCommand } from './commands/search.ts';
import { showCommand } from './commands/show.ts';
import { tokensCommand } from './commands/tokens.ts';
import type { CliSession } from './context.ts';
import { DEFAULT_ISSUER_URL, type IssuerClient, issuerClient } from './issuer-client.ts';
import { createOutput } from './output.ts';

export interface CliIo {
  env: Record<string, string | undefined>;
  /** Text, or a file's bytes written as they are (`report --format csv` without --out). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

const COMMANDS = [
  cohortCommand,
  searchCommand,
  showCommand,
  claimCodeCommand,
  revokeCommand,
  reportCommand,
  tokensCommand,
  auditCommand,
];

const GUIDE = `
Environment:
  SKILLMARK_ISSUER_URL    the issuer's address (default ${DEFAULT_ISSUER_URL})
  SKILLMARK_ISSUER_TOKEN  your token (on a new installation, the admin token SKILLMARK_ADMIN_TOKEN)

Exit codes: ${EXIT.ok} done, ${EXIT.failed} the issuer refused or something failed, ${EXIT.usage} wrong usage or token,
            ${EXIT.rowErrors} some spreadsheet rows have errors, ${EXIT.unreachable} the issuer cannot be reached.

Help on one command:  skillmark-issuer <command> --help`;

/** Commander's own exits (help, wrong usage) become return values, in subcommands too. */
function overrideExits(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) overrideExits(sub);
}

/** The registrar's CLI: every command talks to the issuer API. Returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('skillmark-issuer')
    .description(
      "The institution's tools: issue a cohort from a spreadsheet, find, show and revoke credentials, print the quarter's occupation report.",
    )
    .option('--json', 'print one JSON document (for scripts) instead of sentences')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help to see how to use it)')
    .addHelpText('after', GUIDE)
    .exitOverride();
  let exitCode: number = EXIT.ok;
  let session: CliSession | undefined;
  let client: IssuerClient | undefined;
  const context = () => {
    session ??= {
      get client() {
        client ??= issuerClient(io.env);
        return client;
      },
      env: io.env,
      out: createOutput(program.opts().json === true, io.stdout, io.stderr),
      fail: (code) => {
        exitCode = code;
      },
    };
    return session;
  };
  for (const add of COMMANDS) add(program, context);
  for (const command of program.commands) overrideExits(command);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (!(error instanceof CliError)) throw error;
    io.stderr(`${error.message}\n`);
    if (program.opts().json === true)
      io.stdout(`${printableJson({ error: error.message, exitCode: error.exitCode })}\n`);
    return error.exitCode;
  }
}
