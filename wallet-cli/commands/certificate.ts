import { writeFileSync } from 'node:fs';
import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { fetchBytes, httpLimits } from '../service-client.ts';
import { isSelective } from '../sign-selective-presentation.ts';
import { Wallet, WalletError } from '../store.ts';
import { plural, spokenLanguage, t } from '../words.ts';

/** A certificate embeds its fonts: more than a JSON answer, far less than this. */
const MAX_CERTIFICATE_BYTES = 16 * 1024 * 1024;

export const certificateCommand: Command = {
  usage: 'usage_certificate',
  details: 'details_certificate',
  options: {
    out: { type: 'string', description: 'opt_out_pdf' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('say_which_credential'), EXIT.usage);
    const file = values.out;
    if (typeof file !== 'string' || file === '') throw new WalletError(t('certificate_say_where'), EXIT.usage);
    const stored = (await Wallet.open(walletDir, await readPassphrase())).find(ref);
    // The issuer prints none (its QR code would show every detail): say why rather than relay its 409.
    if (isSelective(stored.credential)) throw new WalletError(t('certificate_selective'));
    if (!stored.claimUrl) throw new WalletError(t('certificate_no_claim', { id: stored.id, ref }));
    const limits = { ...httpLimits(), maxResponseBytes: MAX_CERTIFICATE_BYTES };
    // Printed in the language the wallet speaks to its learner.
    const url = `${stored.claimUrl.replace(/\/+$/, '')}/certificate.pdf?lang=${encodeURIComponent(spokenLanguage())}`;
    const response = await fetchBytes(url, {}, limits);
    if (response.status === 202) throw new WalletError(t('certificate_not_ready'), EXIT.pending);
    if (response.status === 404 || response.status === 410) throw new WalletError(t('certificate_gone'));
    const isPdf = response.body.subarray(0, 5).toString('latin1') === '%PDF-';
    if (response.status !== 200 || !isPdf)
      throw new WalletError(t('certificate_not_sent', { status: response.status }));
    try {
      writeFileSync(file, response.body);
    } catch (error) {
      throw new WalletError(t('could_not_write', { file, code: String((error as NodeJS.ErrnoException).code) }));
    }
    out.result({ id: stored.id, written: file, bytes: response.body.length });
    const size = plural('size_bytes', response.body.length);
    out.line(out.ok(t('certificate_written', { id: stored.id, file, size })));
    return EXIT.ok;
  },
};
