import { checkWithVerifier } from '../check-credential.ts';
import { type Command, DEFAULT_VERIFIER_URL, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet } from '../store.ts';

/** The exit code of several answers: the worst one (not valid, then cannot tell, then valid). */
const worst = (codes: number[]) =>
  codes.includes(EXIT.invalid) ? EXIT.invalid : codes.includes(EXIT.unverifiable) ? EXIT.unverifiable : EXIT.ok;

export const statusCommand: Command = {
  usage: 'skillmark-wallet status [--verifier URL]',
  details: [
    'Checks every credential in the wallet with the verifier, which asks the ledger: has the',
    'institution revoked it, has it expired, is it still recorded. Prints one line per credential',
    'and remembers each answer for "skillmark-wallet list". Exit code 0 when all are valid, 4 when',
    'one is not valid, 5 when one could not be checked right now.',
  ],
  options: {
    verifier: { type: 'string', description: `verifier address (default ${DEFAULT_VERIFIER_URL})` },
  },
  async run({ values }, { out, walletDir, env }) {
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const verifier = verifierUrl(values.verifier, env);
    const codes: number[] = [];
    for (const entry of wallet.entries) {
      if (!('stored' in entry)) continue;
      const { body } = await checkWithVerifier(wallet, entry.stored, verifier);
      const verdict = (body as { verdict?: unknown } | undefined)?.verdict;
      codes.push(verdict === 'valid' ? EXIT.ok : verdict === 'invalid' ? EXIT.invalid : EXIT.unverifiable);
    }
    // Described after the checks, from what the wallet now remembers.
    const described = wallet.entries.map((e) => describeEntry(e));
    out.result({ verifier, credentials: described });
    if (codes.length === 0) out.line('There is no credential to check in this wallet.');
    for (const d of described) {
      if ('damaged' in d) continue;
      const state = stateWords(d.state);
      const painted = d.state.state === 'valid' ? out.ok(state) : out.bad(state);
      out.line(`${String(d.number).padStart(2)}. ${d.id}  ${credentialLine(d)}: ${painted}`);
    }
    return worst(codes);
  },
};
