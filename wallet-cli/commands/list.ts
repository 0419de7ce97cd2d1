import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet } from '../store.ts';

export const listCommand: Command = {
  usage: 'skillmark-wallet list [--json]',
  details: [
    'Shows each credential with a number and an id; use either with show, present, verify and remove.',
    'An item that cannot be read shows as "damaged"; delete it with: skillmark-wallet remove <number>.',
  ],
  options: {},
  async run(_args, { out, walletDir }) {
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const items = wallet.entries.map(describeEntry);
    out.result({ did: wallet.did, credentials: items });
    if (items.length === 0) {
      out.line('Your wallet is empty. Collect a credential with: skillmark-wallet receive <claim-link>');
      return EXIT.ok;
    }
    for (const item of items) {
      const number = `${String(item.number).padStart(2)}.`;
      if ('damaged' in item)
        out.line(
          `${number} ${out.bad('damaged')}  ${item.damaged} (remove it with: skillmark-wallet remove ${item.number})`,
        );
      else out.line(`${number} ${item.id}  ${item.title}${item.awardedOn ? ` (awarded ${item.awardedOn})` : ''}`);
    }
    return EXIT.ok;
  },
};
