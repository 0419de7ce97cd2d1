import { printable } from '../../core/printable.ts';
import { type Command, DEFAULT_VERIFIER_URL, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { postJson } from '../service-client.ts';
import { Wallet, WalletError } from '../store.ts';
import { anchoredOnLedgerAt, reportVerification } from '../verification-report.ts';

export const verifyCommand: Command = {
  usage: 'skillmark-wallet verify <number | id> [--verifier URL]',
  details: [
    'Sends the credential and its anchor receipt to the verifier and prints every check. When the',
    'verifier finds the credential on the ledger, the wallet remembers it (see skillmark-wallet show).',
  ],
  options: {
    verifier: { type: 'string', description: `verifier address (default ${DEFAULT_VERIFIER_URL})` },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const stored = wallet.find(ref);
    const verifier = (
      (values.verifier as string | undefined) ??
      env.SKILLMARK_VERIFIER_URL ??
      DEFAULT_VERIFIER_URL
    ).replace(/\/+$/, '');
    const { status, body } = await postJson(`${verifier}/credentials/verify`, {
      verifiableCredential: stored.credential,
      options: stored.anchorReceipt ? { anchorReceipt: stored.anchorReceipt } : {},
    });
    const exitCode = reportVerification(out, status, body);
    const anchoredAt = anchoredOnLedgerAt(body);
    try {
      if (anchoredAt)
        wallet.recordLedgerCheck(stored.credentialHash, {
          anchoredAt,
          checkedAt: new Date().toISOString(),
          by: new URL(verifier).origin,
        });
    } catch (error) {
      // The verdict is printed already and stands; only remembering the check failed.
      if (!(error instanceof WalletError)) throw error;
      process.stderr.write(`${printable(`Could not remember this ledger check in the wallet: ${error.message}`)}\n`);
    }
    return exitCode;
  },
};
