import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';

export const showCommand: Command = {
  usage: 'skillmark-wallet show <number | id> [--json]',
  details: [
    'Shows what the credential says, who issued it and whether a verifier found it on the ledger',
    '(skillmark-wallet verify checks it and remembers the answer).',
  ],
  options: {},
  async run({ positionals }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const entry = Wallet.open(walletDir, await readPassphrase()).entry(ref);
    const d = describeEntry(entry);
    if ('damaged' in d) {
      out.result(d);
      out.line(`${out.bad('Damaged')}: item ${d.number} of this wallet cannot be shown: ${d.damaged}.`);
      out.line(`Remove it with: skillmark-wallet remove ${d.number}`);
      return EXIT.ok;
    }
    const stored = 'stored' in entry ? entry.stored : undefined;
    out.result({ ...d, credential: stored?.credential, anchorReceipt: stored?.anchorReceipt });
    out.line(d.title);
    const row = (label: string, value: string | undefined) => value && out.line(`  ${label.padEnd(13)} ${value}`);
    row('Awarded to', d.learner);
    row('Awarded on', d.awardedOn);
    row('Level', d.level);
    row('Occupation', d.occupation);
    if (d.competencies.length) out.line(`  Competencies  ${d.competencies.join('\n                ')}`);
    row('Issued by', d.issuer);
    row('Issued at', d.issuedAt);
    row('Expires', d.expiresAt ?? 'never');
    const ledger = d.ledger;
    row(
      'On ledger',
      ledger.status === 'checked'
        ? `since ${ledger.anchoredAt} (checked by ${ledger.by} at ${ledger.checkedAt}; chain ${ledger.chainId}, transaction ${ledger.transactionHash.slice(0, 12)}…)`
        : ledger.status === 'not_checked'
          ? `anchor receipt not checked yet (check it with: skillmark-wallet verify ${d.number})`
          : 'no anchor receipt',
    );
    row('Id', d.id);
    return EXIT.ok;
  },
};
