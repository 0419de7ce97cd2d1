import { type Command, InvalidArgumentError } from 'commander';
import type { AuditEntry } from '../../audit/audit-log.ts';
import type { CliContext } from '../context.ts';
import { table } from '../output.ts';
import { writeOutputFile } from '../output-file.ts';

function moment(value: string): string {
  if (Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('use a date (2026-11-30) or a time (2026-11-30T14:00:00Z).');
  return value;
}

function limit(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('use a whole number from 1 to 1000.');
  return value;
}

export function auditCommand(program: Command, context: CliContext): void {
  program
    .command('audit')
    .description('the audit log: each write, by which token, to what, with what outcome (needs an admin token)')
    .option('--from <date>', 'from this date or time', moment)
    .option('--to <date>', 'until the end of this date, or this time', moment)
    .option('--limit <n>', 'how many of the newest to show (1 to 1000)', limit, '100')
    .option('--csv <file>', 'write the whole range to a CSV file instead')
    .addHelpText(
      'after',
      '\nExamples:\n  skillmark-issuer audit --from 2026-11-01\n  skillmark-issuer audit --from 2026-10-01 --to 2026-12-31 --csv audit-q4.csv',
    )
    .action(async (options: { from?: string; to?: string; limit: string; csv?: string }) => {
      const { client, out } = context();
      const range = { ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) };
      if (options.csv) {
        const csv = await client.download(`/audit.csv?${new URLSearchParams(range)}`);
        writeOutputFile(options.csv, csv);
        const lines = Math.max(0, csv.toString('utf8').split('\r\n').filter(Boolean).length - 1);
        out.result({ file: options.csv, entries: lines });
        out.line(`${lines} entries written to ${options.csv}.`);
        return;
      }
      const query = new URLSearchParams({ ...range, limit: options.limit });
      const { items } = await client.json<{ items: AuditEntry[] }>('GET', `/audit?${query}`);
      out.result({ items });
      if (items.length === 0) {
        out.line('No writes recorded in this range.');
        return;
      }
      const rows = items.map((e) => [
        e.at.replace('T', ' ').slice(0, 19),
        e.tokenName ?? '(no token)',
        `${e.method} ${e.route}`,
        String(e.status),
        e.targets.join(' '),
        e.client,
      ]);
      for (const line of table([['when (UTC)', 'token', 'what', 'answer', 'ids', 'from'], ...rows])) out.line(line);
    });
}
