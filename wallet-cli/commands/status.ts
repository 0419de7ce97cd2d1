import { checkWithVerifier } from '../check-credential.ts';
import { type Command, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet } from '../store.ts';
import { t } from '../words.ts';

/** The exit code of several answers: the worst one (not valid, then cannot tell, then valid). */
const worst = (codes: number[]) =>
  codes.includes(EXIT.invalid) ? EXIT.invalid : codes.includes(EXIT.unverifiable) ? EXIT.unverifiable : EXIT.ok;

export const statusCommand: Command = {
  usage: 'usage_status',
  details: 'details_status',
  options: {
    verifier: { type: 'string', description: 'opt_verifier' },
  },
  async run({ values }, { out, walletDir, env }) {
    const wallet = await Wallet.open(walletDir, await readPassphrase());
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
    if (codes.length === 0) out.line(t('status_nothing'));
    for (const d of described) {
      if ('damaged' in d) continue;
      const state = stateWords(d.state);
      const painted = d.state.state === 'valid' ? out.ok(state) : out.bad(state);
      out.line(
        `${String(d.number).padStart(2)}. ${d.id}  ${t('verified_subject', { credential: credentialLine(d), verdict: painted })}`,
      );
    }
    return worst(codes);
  },
};
