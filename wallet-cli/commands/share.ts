import { writeFileSync } from 'node:fs';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine } from '../plain-words.ts';
import { Wallet, WalletError } from '../store.ts';
import { t } from '../words.ts';

export const shareCommand: Command = {
  usage: 'usage_share',
  details: 'details_share',
  options: {
    out: { type: 'string', description: 'opt_out_share' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('say_which_credential'), EXIT.usage);
    const file = values.out;
    if (typeof file !== 'string' || file === '') throw new WalletError(t('share_say_where'), EXIT.usage);
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const entry = wallet.entry(ref);
    const stored = wallet.find(ref);
    const d = describeEntry(entry);
    // The body of POST /credentials/verify, which the verification page also reads from a file.
    const request = {
      verifiableCredential: stored.credential,
      ...(stored.anchorReceipt ? { options: { anchorReceipt: stored.anchorReceipt } } : {}),
    };
    try {
      writeFileSync(file, `${JSON.stringify(request, null, 2)}\n`);
    } catch (error) {
      throw new WalletError(t('could_not_write', { file, code: String((error as NodeJS.ErrnoException).code) }));
    }
    out.result({ id: stored.id, written: file });
    out.line(out.ok(t('share_written', { id: stored.id, file })));
    if ('title' in d) out.line(`  ${credentialLine(d)}`);
    out.line(t('share_how'));
    if (!stored.anchorReceipt) out.line(t('share_no_receipt'));
    return EXIT.ok;
  },
};
