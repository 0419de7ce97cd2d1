import QRCode from 'qrcode';
import { encodeQrBundle, qrVersionAtM } from '../../core/qr-bundle/index.ts';
import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { isSelective } from '../sign-selective-presentation.ts';
import { Wallet, WalletError } from '../store.ts';
import { plural, t } from '../words.ts';

/** Error correction M: what phones read best for its size (docs/qr.md). */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const qrCommand: Command = {
  usage: 'usage_qr',
  details: 'details_qr',
  options: {
    png: { type: 'string', description: 'opt_png' },
    svg: { type: 'string', description: 'opt_svg' },
    text: { type: 'boolean', description: 'opt_text' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('say_which_credential'), EXIT.usage);
    const png = values.png as string | undefined;
    const svg = values.svg as string | undefined;
    if ([png, svg, values.text].filter(Boolean).length > 1) throw new WalletError(t('qr_choose_one'), EXIT.usage);
    const stored = (await Wallet.open(walletDir, await readPassphrase())).find(ref);
    if (isSelective(stored.credential)) throw new WalletError(t('qr_selective'));
    if (!stored.anchorReceipt) throw new WalletError(t('qr_no_receipt'));
    const text = encodeQrBundle({ credential: stored.credential, anchorReceipt: stored.anchorReceipt });
    const version = qrVersionAtM(text);
    if (version === undefined)
      throw new WalletError(t('qr_too_large', { size: plural('size_characters', text.length) }));
    const file = png ?? svg;
    if (file) await QRCode.toFile(file, text, { ...QR_OPTIONS, type: png ? 'png' : 'svg', scale: 8 });
    out.result({
      id: stored.id,
      text,
      characters: text.length,
      version,
      errorCorrection: 'M',
      ...(file ? { file } : {}),
    });
    if (values.text) out.line(text);
    else if (out.plain && !file) {
      // A drawing means nothing to a screen reader: give the text an employer can paste instead.
      out.line(t('qr_text_follows', { id: stored.id, version }));
      out.line(text);
      out.line(t('qr_images'));
    } else if (file)
      out.line(t('qr_written', { id: stored.id, file, version, size: plural('size_characters', text.length) }));
    else {
      out.line(await QRCode.toString(text, { ...QR_OPTIONS, type: 'terminal', small: true }));
      out.line(t('qr_drawn', { id: stored.id, version }));
    }
    return EXIT.ok;
  },
};
