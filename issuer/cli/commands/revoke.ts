import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { RevocationReason } from '../../../contracts/revocation-reason.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { CliContext } from '../context.ts';

const REASONS = Object.keys(RevocationReason);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The most ids the issuer takes in one request (POST /credentials/revoke); a longer list takes several. */
const IDS_PER_REQUEST = 10_000;

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

/** One id's outcome as the issuer reports it (issuer/revocations/outcome.ts). */
interface Outcome {
  id: string;
  outcome: 'revoked' | 'alreadyRevoked' | 'unknown' | 'duplicate' | 'failed';
  revokedAt?: string;
  transactionHash?: string;
  error?: string;
}

interface BatchAnswer {
  transactions: string[];
  outcomes: Outcome[];
}

const sentence = (o: Outcome): string => {
  switch (o.outcome) {
    case 'revoked':
      return `revoked  ${o.id}`;
    case 'alreadyRevoked':
      return `already revoked  ${o.id} (on ${o.revokedAt?.slice(0, 10)})`;
    case 'unknown':
      return `NOT revoked  ${o.id}: no credential with this id was issued here`;
    case 'duplicate':
      return `listed twice  ${o.id}`;
    case 'failed':
      return `NOT revoked  ${o.id}: ${o.error}`;
  }
};

export function revokeCommand(program: Command, context: CliContext): void {
  program
    .command('revoke')
    .description('revoke credentials on the ledger, a whole list at once (a verifier then shows them as revoked)')
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
        `The list goes to the issuer in one request (up to ${IDS_PER_REQUEST} ids), which revokes it in as few`,
        'ledger transactions as it can. Each credential is reported on its own line; already revoked ones',
        'are left as they are. The exit code is 1 if any could not be revoked (unknown or failed).',
      ].join('\n'),
    )
    .action(async (ids: string[], options: { from?: string; reason: string }) => {
      const all = [
        ...new Set([...ids.map((id) => id.toLowerCase()), ...(options.from ? idsInFile(options.from) : [])]),
      ];
      if (all.length === 0) throw new CliError('Say which credentials: give their ids, or --from FILE.', EXIT.usage);
      const { client, out, fail } = context();
      const outcomes: Outcome[] = [];
      const transactions: string[] = [];
      for (let i = 0; i < all.length; i += IDS_PER_REQUEST) {
        const answer = await client.json<BatchAnswer>('POST', '/credentials/revoke', {
          ids: all.slice(i, i + IDS_PER_REQUEST),
          reason: options.reason,
        });
        outcomes.push(...answer.outcomes);
        transactions.push(...answer.transactions);
        for (const outcome of answer.outcomes) out.line(sentence(outcome));
      }
      const count = (name: Outcome['outcome']) => outcomes.filter((o) => o.outcome === name).length;
      const notRevoked = count('unknown') + count('failed');
      out.result({
        reason: options.reason,
        revoked: count('revoked'),
        alreadyRevoked: count('alreadyRevoked'),
        notRevoked,
        transactions,
        outcomes,
      });
      const ledger =
        transactions.length === 1 ? 'one ledger transaction' : `${transactions.length} ledger transactions`;
      out.line(
        `\n${count('revoked')} revoked (${ledger}), ${count('alreadyRevoked')} already revoked, ${notRevoked} not revoked.`,
      );
      if (notRevoked > 0) fail(EXIT.failed);
    });
}
