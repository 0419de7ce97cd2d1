import { writeFileSync } from 'node:fs';
import { presentSdJwtVc } from '../../core/formats/sd-jwt-vc/present.ts';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine } from '../plain-words.ts';
import { chosenDisclosures, isSelective } from '../sign-selective-presentation.ts';
import { Wallet, WalletError } from '../store.ts';
import { t } from '../words.ts';

export const shareCommand: Command = {
  usage: 'usage_share',
  details: 'details_share',
  options: {
    out: { type: 'string', description: 'opt_out_share' },
    disclose: { type: 'string', description: 'opt_disclose' },
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
    const selective = isSelective(stored.credential);
    if (!selective && values.disclose !== undefined)
      throw new WalletError(t('present_disclose_not_selective'), EXIT.usage);
    // An SD-JWT VC is handed over with the details the learner chose only, without key binding.
    const credential = selective
      ? await presentSdJwtVc(stored.credential, await chosenDisclosures(stored.credential, values.disclose))
      : stored.credential;
    // The body of POST /credentials/verify, which the verification page also reads from a file.
    const request = {
      verifiableCredential: credential,
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
