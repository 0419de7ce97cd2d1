import { createInterface } from 'node:readline/promises';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';

async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

export const removeCommand: Command = {
  usage: 'skillmark-wallet remove <number | id> [--yes]',
  details: [
    'Deletes one item for good; damaged items are named by their number in "skillmark-wallet list".',
    'Asks for confirmation on a terminal; scripts confirm with --yes.',
  ],
  options: {
    yes: { type: 'boolean', description: 'delete without asking' },
  },
  async run({ positionals, values }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref)
      throw new WalletError('Say which item to remove: its number or id from "skillmark-wallet list".', EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const entry = wallet.entry(ref);
    const d = describeEntry(entry);
    const what = 'damaged' in d ? `item ${d.number} (damaged: ${d.damaged})` : `${d.number}. ${d.id}  ${d.title}`;
    if (values.yes !== true) {
      if (!process.stdin.isTTY) throw new WalletError(`Confirm with --yes to remove ${what}.`, EXIT.usage);
      if (!(await confirmed(`Remove ${what} for good? [y/N] `))) throw new WalletError('Nothing removed.', EXIT.usage);
    }
    wallet.remove(entry);
    out.result({ removed: d });
    out.line(out.ok(`Removed ${what}.`));
    return EXIT.ok;
  },
};
