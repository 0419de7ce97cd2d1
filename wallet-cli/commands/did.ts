import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet } from '../store.ts';

export const didCommand: Command = {
  usage: 'usage_did',
  details: 'details_did',
  options: {},
  async run(_args, { out, walletDir }) {
    const { did } = await Wallet.open(walletDir, await readPassphrase());
    out.result({ did });
    out.line(did);
    return EXIT.ok;
  },
};
