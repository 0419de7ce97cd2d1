import { writeFileSync } from 'node:fs';
import { sealBackup } from '../backup.ts';
import { type Command, EXIT } from '../command.ts';
import { readBackupPassphrase, readPassphrase } from '../passphrase.ts';
import { type StoredCredential, Wallet, WalletError } from '../store.ts';
import { plural, t } from '../words.ts';

export const exportCommand: Command = {
  usage: 'usage_export',
  details: 'details_export',
  options: {
    out: { type: 'string', description: 'opt_out_backup' },
  },
  async run({ values }, { out, walletDir }) {
    const file = values.out;
    if (typeof file !== 'string' || file === '') throw new WalletError(t('export_say_where'), EXIT.usage);
    const wallet = await Wallet.open(walletDir, await readPassphrase());
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
      if (code === 'EEXIST') throw new WalletError(t('export_exists', { file }), EXIT.usage);
      throw new WalletError(t('export_could_not_write', { file, code: String(code) }));
    }
    out.result({ written: file, credentials: credentials.length, damagedLeftOut: damaged });
    out.line(out.ok(plural('export_written', credentials.length, { file })));
    if (damaged > 0) out.line(plural('export_damaged_left_out', damaged));
    out.line(t('export_keep_away'));
    return EXIT.ok;
  },
};
