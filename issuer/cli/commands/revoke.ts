import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { RevocationReason } from '../../../contracts/revocation-reason.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { CliContext } from '../context.ts';

const REASONS = Object.keys(RevocationReason);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function reason(value: string): string {
  if (!REASONS.includes(value)) throw new InvalidArgumentError(`use one of ${REASONS.join(', ')}.`);
  return value;
}

/**
 * The credential ids in a file: one per line, or anywhere in a CSV such as a cohort's results.csv
 * (each id is a UUID, so they are found by their shape whatever the columns are).
 */
function idsInFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read ${file}: check the file name.`, EXIT.usage);
  }
  return [...text.matchAll(UUID)].map((m) => m[0].toLowerCase());
}

interface Outcome {
  id: string;
  revoked: boolean;
  revokedAt?: string;
  transactionHash?: string;
  error?: string;
}

export function revokeCommand(program: Command, context: CliContext): void {
  program
    .command('revoke')
    .description('revoke credentials on the ledger (a verifier then shows them as revoked)')
    .argument('[ids...]', 'credential ids')
    .option('--from <file>', 'revoke every credential id in a file (one per line, or a CSV such as results.csv)')
    .option('--reason <reason>', `why: ${REASONS.join(', ')}`, reason, 'unspecified')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  skillmark-issuer revoke 0b9f3c1e-6f1d-4c3e-9a51-2f6a7d1c8e42 --reason issuedInError',
        '  skillmark-issuer revoke --from mistaken-batch.csv --reason issuedInError',
        '',
        'Each credential is reported on its own line; the exit code is 1 if any could not be revoked.',
      ].join('\n'),
    )
    .action(async (ids: string[], options: { from?: string; reason: string }) => {
      const all = [
        ...new Set([...ids.map((id) => id.toLowerCase()), ...(options.from ? idsInFile(options.from) : [])]),
      ];
      if (all.length === 0) throw new CliError('Say which credentials: give their ids, or --from FILE.', EXIT.usage);
      const { client, out, fail } = context();
      const outcomes: Outcome[] = [];
      for (const id of all) {
        try {
          const done = await client.json<{ revokedAt: string; transactionHash?: string }>(
            'POST',
            `/credentials/${encodeURIComponent(id)}/revoke`,
            { reason: options.reason },
          );
          outcomes.push({ id, revoked: true, revokedAt: done.revokedAt, transactionHash: done.transactionHash });
          out.line(`revoked  ${id}`);
        } catch (error) {
          if (!(error instanceof CliError) || error.exitCode !== EXIT.failed) throw error;
          outcomes.push({ id, revoked: false, error: error.message });
          out.line(`NOT revoked  ${id}: ${error.message}`);
        }
      }
      const failed = outcomes.filter((o) => !o.revoked).length;
      out.result({ reason: options.reason, revoked: outcomes.length - failed, failed, outcomes });
      out.line(`\n${outcomes.length - failed} revoked, ${failed} not revoked.`);
      if (failed > 0) fail(EXIT.failed);
    });
}
