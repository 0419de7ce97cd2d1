import { writeFileSync } from 'node:fs';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine } from '../plain-words.ts';
import { Wallet, WalletError } from '../store.ts';

export const shareCommand: Command = {
  usage: 'skillmark-wallet share <number | id> --out <file>',
  details: [
    'Writes the credential and its anchor receipt to a file to send or carry to an employer: they',
    'open it on a Skillmark verification page (upload a file), or send it as it is to a verifier',
    '(POST /credentials/verify); nothing else from you or the institution is needed. The file proves',
    'the credential, not who hands it over: bring an identity document with the same name.',
  ],
  options: {
    out: { type: 'string', description: 'the file to write (JSON)' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const file = values.out;
    if (typeof file !== 'string' || file === '')
      throw new WalletError('Say where to write it: skillmark-wallet share <number> --out <file>', EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
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
      throw new WalletError(`Could not write ${file} (${(error as NodeJS.ErrnoException).code}).`);
    }
    out.result({ id: stored.id, written: file });
    out.line(out.ok(`Credential ${stored.id} written to ${file}:`));
    if ('title' in d) out.line(`  ${credentialLine(d)}`);
    out.line('An employer opens it on a Skillmark verification page, or sends it to POST /credentials/verify.');
    if (!stored.anchorReceipt)
      out.line('It has no anchor receipt, so a verifier cannot find it on the ledger: receive it again once anchored.');
    return EXIT.ok;
  },
};
