import { createInterface } from 'node:readline/promises';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';
import { isYes, t } from '../words.ts';

async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return isYes(await prompt.question(question));
  } finally {
    prompt.close();
  }
}

export const removeCommand: Command = {
  usage: 'usage_remove',
  details: 'details_remove',
  options: {
    yes: { type: 'boolean', description: 'opt_yes' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('remove_say_which'), EXIT.usage);
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const entry = wallet.entry(ref);
    const d = describeEntry(entry);
    const what =
      'damaged' in d
        ? t('remove_damaged_item', { number: d.number, reason: d.damaged })
        : `${d.number}. ${d.id}  ${d.title}`;
    if (values.yes !== true) {
      if (!process.stdin.isTTY) throw new WalletError(t('remove_confirm_with_yes', { what }), EXIT.usage);
      if (!(await confirmed(`${t('remove_question', { what })} `)))
        throw new WalletError(t('remove_nothing'), EXIT.usage);
    }
    wallet.remove(entry);
    out.result({ removed: d });
    out.line(out.ok(t('remove_done', { what })));
    return EXIT.ok;
  },
};
