import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet } from '../store.ts';

export const didCommand: Command = {
  usage: 'skillmark-wallet did',
  details: [
    'Prints the DID of this wallet. It asks for the passphrase: only the sealed key vouches for the',
    'DID, since anyone able to edit the wallet file could change the copy in clear.',
  ],
  options: {},
  async run(_args, { out, walletDir }) {
    const { did } = Wallet.open(walletDir, await readPassphrase());
    out.result({ did });
    out.line(did);
    return EXIT.ok;
  },
};
