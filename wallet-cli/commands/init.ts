import { type Command, EXIT } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';

export const initCommand: Command = {
  usage: 'skillmark-wallet init',
  details: [
    'Creates an encrypted wallet file and a new DID (did:key). Give this DID to your training centre',
    'so your credentials are issued to you. The passphrase protects the wallet: without it nobody,',
    'including you, can open it.',
  ],
  options: {},
  async run(_args, { out, walletDir }) {
    if (Wallet.exists(walletDir))
      throw new WalletError(
        `There is already a wallet in ${walletDir}. See its DID with: skillmark-wallet did`,
        EXIT.usage,
      );
    const wallet = Wallet.create(walletDir, await readPassphrase({ confirm: true }));
    out.result({ did: wallet.did, walletDir });
    out.line(out.ok('Your wallet is ready.'));
    out.line(`Your DID (give it to your training centre): ${wallet.did}`);
    out.line(`Stored in: ${walletDir}`);
    return EXIT.ok;
  },
};
