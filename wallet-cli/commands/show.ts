import { describeCredential } from '../describe.ts';
import { EXIT, type Command } from '../command.ts';
import { readPassphrase } from '../passphrase.ts';
import { Wallet, WalletError } from '../store.ts';

export const show: Command = {
  name: 'show',
  summary: 'Show one credential in plain words',
  usage: 'skillmark-wallet show <number | id> [--json]',
  details: ['Shows what the credential says, who issued it and when it was recorded on the ledger.'],
  options: {},
  async run({ positionals }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError('Say which credential: its number or id from "skillmark-wallet list".', EXIT.usage);
    const stored = Wallet.open(walletDir, await readPassphrase()).find(ref);
    const d = describeCredential(stored);
    out.result({ ...d, credential: stored.credential, anchorReceipt: stored.anchorReceipt });
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
    row('On ledger', d.anchor ? `since ${d.anchor.anchoredAt} (chain ${d.anchor.chainId}, transaction ${d.anchor.transactionHash.slice(0, 12)}…)` : 'no anchor receipt');
    row('Id', d.id);
    return EXIT.ok;
  },
};
