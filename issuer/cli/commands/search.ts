import { type Command, InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../../../core/calendar-date.ts';
import type { CliContext } from '../context.ts';
import { type CredentialSummary, learnerOf, stateOf } from '../credential-record.ts';
import { table } from '../output.ts';

const STATUSES = ['pending', 'anchored', 'revoked'];

function status(value: string): string {
  if (!STATUSES.includes(value)) throw new InvalidArgumentError(`use one of ${STATUSES.join(', ')}.`);
  return value;
}

function limit(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('use a whole number from 1 to 500.');
  return value;
}

function day(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('write the date YYYY-MM-DD, such as 2026-06-30.');
  return value;
}

/** The command's options and the query parameters of GET /credentials they become. */
const FILTERS: [option: string, parameter: string, help: string, parse?: (value: string) => string][] = [
  ['--name <words>', 'name', "the learner's name (any case, accents optional; each word or its beginning)"],
  ['--reference <ref>', 'learnerReference', "the learner's reference, exactly"],
  ['--did <did>', 'did', "the learner's DID, exactly"],
  ['--qualification <words>', 'qualification', "words of the qualification's title or code"],
  ['--occupation <words>', 'occupation', "words of the occupation's title or code"],
  ['--awarded-from <date>', 'awardedFrom', 'awarded on this day or later (YYYY-MM-DD)', day],
  ['--awarded-to <date>', 'awardedTo', 'awarded on this day or earlier', day],
  ['--issued-from <date>', 'issuedFrom', 'issued on this day (UTC) or later', day],
  ['--issued-to <date>', 'issuedTo', 'issued on this day (UTC) or earlier', day],
  ['--status <status>', 'status', `only ${STATUSES.join(', ')} credentials`, status],
];

const camel = (option: string) =>
  option
    .slice(2)
    .split(' ')[0]!
    .replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export function searchCommand(program: Command, context: CliContext): void {
  const command = program
    .command('search')
    .alias('list')
    .description(
      "find credentials by learner, qualification, occupation, dates and state (a clerk's question); with no filter, the latest issued",
    );
  for (const [option, , help, parse] of FILTERS) {
    if (parse) command.option(option, help, parse);
    else command.option(option, help);
  }
  command
    .option('--limit <n>', 'how many at most (1 to 500)', limit, '50')
    .addHelpText(
      'after',
      [
        '',
        'Every filter given must hold; with none, the newest credentials (`skillmark-issuer list` is the same). Examples:',
        '  skillmark-issuer search --name "amina yusuf"',
        '  skillmark-issuer search --qualification NC-ELEC-4 --awarded-from 2026-04-01 --awarded-to 2026-06-30',
        '  skillmark-issuer --json search --occupation 7411 --status revoked',
      ].join('\n'),
    )
    .action(async (options: Record<string, string | undefined>) => {
      const { client, out } = context();
      const query = new URLSearchParams({ limit: options.limit ?? '50' });
      for (const [option, parameter] of FILTERS) {
        const value = options[camel(option)];
        if (value !== undefined) query.set(parameter, value);
      }
      const page = await client.json<{ items: CredentialSummary[]; next?: unknown }>('GET', `/credentials?${query}`);
      out.result(page);
      if (page.items.length === 0) {
        out.line(query.size > 1 ? 'No credential matches.' : 'No credentials issued yet.');
        return;
      }
      // The short id, as the certificate prints it: show and revoke take it (--json gives the full ids).
      const rows = page.items.map((c) => [
        c.issuedAt.slice(0, 10),
        learnerOf(c),
        c.qualification,
        stateOf(c),
        c.shortId,
      ]);
      for (const line of table([['issued', 'learner', 'qualification', 'state', 'short id'], ...rows])) out.line(line);
      if (page.next) out.line(`\nShowing the newest ${page.items.length} that match; use --limit for more.`);
    });
}
