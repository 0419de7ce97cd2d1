import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet } from '../store.ts';

export const listCommand: Command = {
  usage: 'skillmark-wallet list [--json]',
  details: [
    'Shows each credential with its number and short id (use either with the other commands), who',
    'and what it is, and where it stands: valid, revoked (when and why), expired, or not checked',
    'since a date, as the last check said. "skillmark-wallet status" checks them all again.',
    'An item that cannot be read shows as "damaged"; delete it with: skillmark-wallet remove <number>.',
  ],
  options: {},
  async run(_args, { out, walletDir }) {
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const items = wallet.entries.map((e) => describeEntry(e));
    out.result({ did: wallet.did, credentials: items });
    if (items.length === 0) {
      out.line('Your wallet is empty. Collect a credential with: skillmark-wallet receive <claim-link>');
      return EXIT.ok;
    }
    for (const item of items) {
      const number = `${String(item.number).padStart(2)}.`;
      if ('damaged' in item) {
        out.line(
          `${number} ${out.bad('damaged')}  ${item.damaged} (remove it with: skillmark-wallet remove ${item.number})`,
        );
        continue;
      }
      out.line(`${number} ${item.id}  ${credentialLine(item)}`);
      const state = stateWords(item.state);
      const painted =
        item.state.state === 'valid'
          ? out.ok(state)
          : item.state.state === 'not_checked'
            ? out.unsure(state)
            : out.bad(state);
      out.line(`${' '.repeat(number.length + 1 + item.id.length + 2)}${painted}`);
    }
    return EXIT.ok;
  },
};
