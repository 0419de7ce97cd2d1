import { checkWithVerifier } from '../check-credential.ts';
import { type Command, DEFAULT_VERIFIER_URL, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';
import { reportVerification } from '../verification-report.ts';

export const verifyCommand: Command = {
  usage: 'skillmark-wallet verify <number | id> [--verifier URL]',
  details: [
    'Sends the credential and its anchor receipt to the verifier and prints who and what it is, the',
    'verdict and every check. The wallet remembers the answer (list and show say where the',
    'credential stands); "skillmark-wallet status" checks them all.',
  ],
  options: {
    verifier: { type: 'string', description: `verifier address (default ${DEFAULT_VERIFIER_URL})` },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const entry = wallet.entry(ref);
    const stored = wallet.find(ref);
    const local = describeEntry(entry);
    const { status, body } = await checkWithVerifier(wallet, stored, verifierUrl(values.verifier, env));
    return reportVerification(out, status, body, 'title' in local ? [local] : []);
  },
};
