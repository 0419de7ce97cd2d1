import { describeCredential } from '../describe.ts';
import { EXIT, type Command } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet } from '../store.ts';

export const list: Command = {
  name: 'list',
  summary: 'List the credentials in your wallet',
  usage: 'skillmark-wallet list [--json]',
  details: ['Shows each credential with a number and an id; use either with show, present and verify.'],
  options: {},
  async run(_args, { out, walletDir }) {
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const items = wallet.credentials.map(describeCredential);
    out.result({ did: wallet.did, credentials: items });
    if (items.length === 0) {
      out.line('Your wallet is empty. Collect a credential with: skillmark-wallet receive <claim-link>');
      return EXIT.ok;
    }
    items.forEach((item, i) => out.line(`${String(i + 1).padStart(2)}. ${item.id}  ${item.title}${item.awardedOn ? ` (awarded ${item.awardedOn})` : ''}`));
    return EXIT.ok;
  },
};
