import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet, WalletError } from '../store.ts';

export const showCommand: Command = {
  usage: 'skillmark-wallet show <number | id> [--json]',
  details: [
    'Shows who and what the credential is about, which institution issued it, where it stands (as',
    'the last check said) and whether a verifier found it on the ledger; "skillmark-wallet verify"',
    'checks it again and remembers the answer. DIDs and other identifiers come last, as details.',
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
    out.line(credentialLine(d));
    const row = (label: string, value: string | undefined) => value && out.line(`  ${label.padEnd(13)} ${value}`);
    row('State', stateWords(d.state));
    row('Awarded to', d.learner);
    row('Qualification', d.title);
    row('Awarded on', d.awardedOn);
    row('Level', d.level);
    row('Occupation', d.occupation);
    if (d.competencies.length) out.line(`  Competencies  ${d.competencies.join('\n                ')}`);
    row(
      'Institution',
      !d.institution
        ? `not named yet (a verifier names it from its registry: skillmark-wallet verify ${d.number})`
        : d.institution.namedBy === 'registry'
          ? `${d.institution.name} (as the trusted registry names it)`
          : `${d.institution.name} (as the credential names it; no verifier has confirmed it yet)`,
    );
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
    out.line('Details (for experts):');
    row("Issuer's DID", d.issuer);
    return EXIT.ok;
  },
};
