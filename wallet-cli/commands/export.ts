import { writeFileSync } from 'node:fs';
import { sealBackup } from '../backup.ts';
import { type Command, EXIT } from '../command.ts';
import { readBackupPassphrase, readPassphrase } from '../passphrase.ts';
import { type StoredCredential, Wallet, WalletError } from '../store.ts';

export const exportCommand: Command = {
  usage: 'skillmark-wallet export --out <file>',
  details: [
    'Writes your key and every credential to one encrypted file, sealed with a backup passphrase of',
    'its own (asked twice, or SKILLMARK_BACKUP_PASSPHRASE). Keep the file away from this computer',
    '(a USB key, your e-mail, a phone): if this computer is lost, "skillmark-wallet import <file>"',
    'brings everything back on another one. Nobody can open the file without its passphrase, not',
    'even the institution: if you forget it, the backup is lost (docs/wallet.md says what to do).',
  ],
  options: {
    out: { type: 'string', description: 'the backup file to write (it must not exist yet)' },
  },
  async run({ values }, { out, walletDir }) {
    const file = values.out;
    if (typeof file !== 'string' || file === '')
      throw new WalletError('Say where to write the backup: skillmark-wallet export --out <file>', EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const credentials = wallet.entries.flatMap((e): StoredCredential[] => ('stored' in e ? [e.stored] : []));
    const damaged = wallet.entries.length - credentials.length;
    const text = sealBackup(
      { did: wallet.did, seed: wallet.seed.toString('base64url'), credentials },
      await readBackupPassphrase({ confirm: true }),
    );
    try {
      writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new WalletError(`${file} exists already; choose another file name for the backup.`, EXIT.usage);
      throw new WalletError(`Could not write the backup to ${file} (${code}).`);
    }
    out.result({ written: file, credentials: credentials.length, damagedLeftOut: damaged });
    out.line(out.ok(`Backup of ${credentials.length} credential(s) written to ${file}.`));
    if (damaged > 0) out.line(`${damaged} damaged item(s) were left out (see: skillmark-wallet list).`);
    out.line('Keep it away from this computer, and remember its passphrase: nobody can recover it.');
    return EXIT.ok;
  },
};
