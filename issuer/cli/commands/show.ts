import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { type CredentialRecord, learnerOf, stateOf, timeInWords } from '../credential-record.ts';

export function showCommand(program: Command, context: CliContext): void {
  program
    .command('show')
    .description('show one credential: learner, qualification, state on the ledger')
    .argument(
      '<id>',
      'the credential id (from "list", a cohort\'s results.csv or the issue answer), or its short id (8 hex digits, as the certificate and the learner\'s wallet show it)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  skillmark-issuer show 0b9f3c1e-6f1d-4c3e-9a51-2f6a7d1c8e42\n  skillmark-issuer show 7f7ce0ad',
    )
    .action(async (id: string) => {
      const { client, out } = context();
      const record = await client.json<CredentialRecord>('GET', `/credentials/${encodeURIComponent(id)}`);
      out.result(record);
      out.line(record.qualification);
      const row = (label: string, value: string | undefined) => value && out.line(`  ${label.padEnd(12)} ${value}`);
      row('Learner', learnerOf(record));
      row('DID', record.subject.id);
      row('State', stateOf(record));
      row('Issued at', timeInWords(record.issuedAt));
      row('On ledger', record.anchorReceipt && `since ${timeInWords(record.anchorReceipt.anchoredAt)}`);
      row('QR code', record.qr && `${record.qr.length} characters (the certificate and the claim page show it)`);
      row('Id', `${record.id} (short id ${record.shortId})`);
    });
}
