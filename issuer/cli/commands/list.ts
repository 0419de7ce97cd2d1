import { type Command, InvalidArgumentError } from 'commander';
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

export function listCommand(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('list the latest credentials issued, newest first')
    .option('--status <status>', `only ${STATUSES.join(', ')} credentials`, status)
    .option('--limit <n>', 'how many (1 to 500)', limit, '50')
    .addHelpText('after', '\nExamples:\n  skillmark-issuer list\n  skillmark-issuer list --status revoked --limit 200')
    .action(async (options: { status?: string; limit: string }) => {
      const { client, out } = context();
      const query = new URLSearchParams({ limit: options.limit, ...(options.status && { status: options.status }) });
      const page = await client.json<{ items: CredentialSummary[]; next?: unknown }>('GET', `/credentials?${query}`);
      out.result(page);
      if (page.items.length === 0) {
        out.line('No credentials found.');
        return;
      }
      const rows = page.items.map((c) => [c.issuedAt.slice(0, 10), learnerOf(c), c.qualification, stateOf(c), c.id]);
      for (const line of table([['issued', 'learner', 'qualification', 'state', 'id'], ...rows])) out.line(line);
      if (page.next) out.line(`\nShowing the newest ${page.items.length}; use --limit for more.`);
    });
}
