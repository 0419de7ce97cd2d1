import { DEFAULT_VERIFIER_URL, EXIT, type Command } from '../command.ts';
import { postJson } from '../http.ts';
import { readPassphrase } from '../passphrase.ts';
import { reportVerification } from '../report.ts';
import { Wallet, WalletError } from '../store.ts';

export const verify: Command = {
  name: 'verify',
  summary: 'Check one of your credentials with a verifier',
  usage: 'skillmark-wallet verify <number | id> [--verifier URL]',
  details: ['Sends the credential and its anchor receipt to the verifier and prints every check.'],
  options: {
    verifier: { type: 'string', description: `verifier address (default ${DEFAULT_VERIFIER_URL})` },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const stored = Wallet.open(walletDir, await readPassphrase()).find(ref);
    const verifier = ((values.verifier as string | undefined) ?? env.SKILLMARK_VERIFIER_URL ?? DEFAULT_VERIFIER_URL).replace(/\/+$/, '');
    const { status, body } = await postJson(`${verifier}/credentials/verify`, {
      verifiableCredential: stored.credential,
      options: stored.anchorReceipt ? { anchorReceipt: stored.anchorReceipt } : {},
    });
    return reportVerification(out, status, body);
  },
};
