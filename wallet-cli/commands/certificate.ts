import { writeFileSync } from 'node:fs';
import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { fetchBytes, httpLimits } from '../service-client.ts';
import { Wallet, WalletError } from '../store.ts';

/** A certificate embeds its fonts: more than a JSON answer, far less than this. */
const MAX_CERTIFICATE_BYTES = 16 * 1024 * 1024;

export const certificateCommand: Command = {
  usage: 'skillmark-wallet certificate <number | id> --out <file.pdf>',
  details: [
    "Downloads the credential's printed certificate (an A4 PDF with its QR code, docs/certificate.md)",
    'from the institution, with the claim code it was collected with. A credential received from a',
    'file has no claim code in the wallet: ask the institution for the certificate, or print the QR',
    'code yourself (skillmark-wallet qr <number> --png <file>).',
  ],
  options: {
    out: { type: 'string', description: 'the PDF file to write' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const file = values.out;
    if (typeof file !== 'string' || file === '')
      throw new WalletError(
        'Say where to write it: skillmark-wallet certificate <number> --out <file.pdf>',
        EXIT.usage,
      );
    const stored = Wallet.open(walletDir, await readPassphrase()).find(ref);
    if (!stored.claimUrl)
      throw new WalletError(
        `Credential ${stored.id} was not collected with a claim code, so the wallet cannot ask for its certificate. Ask the institution, or print its QR code: skillmark-wallet qr ${ref} --png <file>`,
      );
    const limits = { ...httpLimits(), maxResponseBytes: MAX_CERTIFICATE_BYTES };
    const response = await fetchBytes(`${stored.claimUrl.replace(/\/+$/, '')}/certificate.pdf`, {}, limits);
    if (response.status === 202)
      throw new WalletError('The certificate is not ready yet: try again in a minute.', EXIT.pending);
    if (response.status === 404 || response.status === 410)
      throw new WalletError(
        'The institution no longer hands out this certificate with your claim code (the credential was revoked, or the code expired or was replaced). Ask the institution.',
      );
    const isPdf = response.body.subarray(0, 5).toString('latin1') === '%PDF-';
    if (response.status !== 200 || !isPdf)
      throw new WalletError(`The institution did not send the certificate (HTTP ${response.status}).`);
    try {
      writeFileSync(file, response.body);
    } catch (error) {
      throw new WalletError(`Could not write ${file} (${(error as NodeJS.ErrnoException).code}).`);
    }
    out.result({ id: stored.id, written: file, bytes: response.body.length });
    out.line(out.ok(`Certificate of credential ${stored.id} written to ${file} (${response.body.length} bytes).`));
    return EXIT.ok;
  },
};
