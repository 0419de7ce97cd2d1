import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet } from '../store.ts';
import { plural, t } from '../words.ts';

export const listCommand: Command = {
  usage: 'usage_list',
  details: 'details_list',
  options: {},
  async run(_args, { out, walletDir }) {
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const items = wallet.entries.map((e) => describeEntry(e));
    out.result({ did: wallet.did, credentials: items });
    if (items.length === 0) {
      out.line(t('list_empty'));
      return EXIT.ok;
    }
    out.line(plural('list_count', items.filter((item) => !('damaged' in item)).length));
    for (const item of items) {
      const number = `${String(item.number).padStart(2)}.`;
      if ('damaged' in item) {
        out.line(
          `${number} ${out.bad(t('list_damaged_word'))}  ${t('list_damaged', { reason: item.damaged, number: item.number })}`,
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
