import QRCode from 'qrcode';
import { encodeQrBundle, qrVersionAtM } from '../../core/qr-bundle/index.ts';
import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';

/** Error correction M: what phones read best for its size (docs/qr.md). */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const qrCommand: Command = {
  usage: 'skillmark-wallet qr <number | id> [--png <file> | --svg <file> | --text] [--json]',
  details: [
    'The QR code holds the whole credential and its anchor receipt (docs/qr.md): an employer scans',
    'it, or pastes its text, and the verifier checks it with nothing else from you.',
    "A QR code proves nobody's identity: the verifier says the holder was not checked, so bring an",
    'identity document with the same name. Print an image at least 4 cm wide, with its white border.',
    'Without an option the code is drawn in this terminal (with --plain, its text is printed instead).',
  ],
  options: {
    png: { type: 'string', description: 'write the QR code to this file as a PNG image' },
    svg: { type: 'string', description: 'write the QR code to this file as an SVG image' },
    text: { type: 'boolean', description: 'print the text the QR code holds instead of drawing it' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const png = values.png as string | undefined;
    const svg = values.svg as string | undefined;
    if ([png, svg, values.text].filter(Boolean).length > 1)
      throw new WalletError('Choose one of --png, --svg and --text.', EXIT.usage);
    const stored = Wallet.open(walletDir, await readPassphrase()).find(ref);
    if (!stored.anchorReceipt)
      throw new WalletError(
        'This credential has no anchor receipt, and a QR code without one would not verify. Receive it again once it is anchored.',
      );
    const text = encodeQrBundle({ credential: stored.credential, anchorReceipt: stored.anchorReceipt });
    const version = qrVersionAtM(text);
    if (version === undefined)
      throw new WalletError(`This credential is too large for one QR code (${text.length} characters).`);
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
      out.line(`Credential ${stored.id}: QR version ${version}. Its text, to paste on a verification page:`);
      out.line(text);
      out.line('Images to print: --png <file> or --svg <file>.');
    } else if (file)
      out.line(
        `Wrote the QR code of credential ${stored.id} to ${file} (version ${version}, ${text.length} characters).`,
      );
    else {
      out.line(await QRCode.toString(text, { ...QR_OPTIONS, type: 'terminal', small: true }));
      out.line(`Credential ${stored.id}: QR version ${version}. Images to print: --png <file> or --svg <file>.`);
    }
    return EXIT.ok;
  },
};
