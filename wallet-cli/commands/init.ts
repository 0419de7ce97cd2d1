import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';
import { t } from '../words.ts';

export const initCommand: Command = {
  usage: 'usage_init',
  details: 'details_init',
  options: {},
  async run(_args, { out, walletDir }) {
    if (Wallet.exists(walletDir)) throw new WalletError(t('init_exists', { dir: walletDir }), EXIT.usage);
    const wallet = Wallet.create(walletDir, await readPassphrase({ confirm: true }));
    out.result({ did: wallet.did, walletDir });
    out.line(out.ok(t('init_ready')));
    out.line(t('init_did', { did: wallet.did }));
    out.line(t('init_stored_in', { dir: walletDir }));
    return EXIT.ok;
  },
};
