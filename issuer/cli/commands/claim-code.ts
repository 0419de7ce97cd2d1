import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { checkWritable } from '../output-file.ts';

interface ClaimGrant {
  credentialId: string;
  claim: { code: string; url: string; expiresAt: string };
}

/** A new claim code for one learner (POST /credentials/{id}/claim), e.g. once a cohort's codes are gone. */
export function claimCodeCommand(program: Command, context: CliContext): void {
  program
    .command('claim-code')
    .description('give a learner a new claim code (the old one stops working), optionally on a printed certificate')
    .argument('<id>', 'the credential id (from "search", a cohort\'s results.csv) or its short id')
    .option('--certificate <file>', "also save the learner's certificate with the new code on it (PDF)")
    .addHelpText(
      'after',
      [
        '',
        "A cohort's claim codes are kept only until its results.csv is first downloaded; a learner who",
        'lost theirs, or whose certificate was printed without one, gets a new one here.',
        '',
        'Examples:',
        '  skillmark-issuer claim-code 0b9f3c1e-6f1d-4c3e-9a51-2f6a7d1c8e42',
        '  skillmark-issuer claim-code 7f7ce0ad --certificate amina.pdf',
      ].join('\n'),
    )
    .action(async (id: string, options: { certificate?: string }) => {
      // Before the new code is made: the old one stops working then, and the new one must not be lost.
      if (options.certificate) checkWritable(options.certificate);
      const { client, out } = context();
      const grant = await client.json<ClaimGrant>('POST', `/credentials/${encodeURIComponent(id)}/claim`);
      const { code, url, expiresAt } = grant.claim;
      if (options.certificate) {
        const query = new URLSearchParams({ claimCode: code });
        await client.save(
          `/credentials/${encodeURIComponent(grant.credentialId)}/certificate.pdf?${query}`,
          options.certificate,
        );
      }
      out.result({ ...grant, ...(options.certificate && { certificate: options.certificate }) });
      out.line(`New claim code for credential ${grant.credentialId}: ${code}`);
      out.line(`  ${url}`);
      out.line(
        `Valid until ${expiresAt}; the previous code no longer works. Keep it private: whoever has it can collect the credential.`,
      );
      if (options.certificate) out.line(`Certificate with the new code written to ${options.certificate}.`);
    });
}
