import { checkWithVerifier } from '../check-credential.ts';
import { type Command, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';
import { reportVerification } from '../verification-report.ts';
import { t } from '../words.ts';

export const verifyCommand: Command = {
  usage: 'usage_verify',
  details: 'details_verify',
  options: {
    verifier: { type: 'string', description: 'opt_verifier' },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('say_which_credential'), EXIT.usage);
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const entry = wallet.entry(ref);
    const stored = wallet.find(ref);
    const local = describeEntry(entry);
    const { status, body } = await checkWithVerifier(wallet, stored, verifierUrl(values.verifier, env));
    return reportVerification(out, status, body, 'title' in local ? [local] : []);
  },
};
