import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { credentialLine, stateWords } from '../plain-words.ts';
import { Wallet, WalletError } from '../store.ts';
import { columns, day, moment, padTo, t } from '../words.ts';

const LABELS = [
  'show_state',
  'show_learner',
  'show_qualification',
  'show_awarded_on',
  'show_level',
  'show_occupation',
  'show_competencies',
  'show_criteria',
  'show_institution',
  'show_issued_at',
  'show_expires',
  'show_on_ledger',
  'show_id',
  'show_issuer_did',
] as const;

export const showCommand: Command = {
  usage: 'usage_show',
  details: 'details_show',
  options: {},
  async run({ positionals }, { out, walletDir }) {
    const [ref] = positionals;
    if (!ref) throw new WalletError(t('say_which_credential'), EXIT.usage);
    const entry = (await Wallet.open(walletDir, await readPassphrase())).entry(ref);
    const d = describeEntry(entry);
    if ('damaged' in d) {
      out.result(d);
      out.line(t('show_damaged', { damaged: out.bad(t('show_damaged_word')), number: d.number, reason: d.damaged }));
      out.line(t('show_remove_hint', { number: d.number }));
      return EXIT.ok;
    }
    const stored = 'stored' in entry ? entry.stored : undefined;
    out.result({ ...d, credential: stored?.credential, anchorReceipt: stored?.anchorReceipt });
    out.line(credentialLine(d));
    // The labels in one column, as wide as the language's widest one.
    const width = Math.max(...LABELS.map((key) => columns(t(key)))) + 1;
    const row = (label: (typeof LABELS)[number], value: string | undefined) =>
      value && out.line(`  ${padTo(t(label), width)}${value}`);
    row('show_state', stateWords(d.state));
    row('show_learner', d.learner);
    row('show_qualification', d.title);
    row('show_awarded_on', d.awardedOn && day(d.awardedOn));
    row('show_level', d.level);
    row('show_occupation', d.occupation);
    if (d.competencies.length) row('show_competencies', d.competencies.join(`\n  ${' '.repeat(width)}`));
    row('show_criteria', d.criteria);
    row(
      'show_institution',
      !d.institution
        ? t('show_institution_unnamed', { number: d.number })
        : d.institution.namedBy === 'registry'
          ? t('show_institution_registry', { name: d.institution.name })
          : t('show_institution_claimed', { name: d.institution.name }),
    );
    row('show_issued_at', d.issuedAt && moment(d.issuedAt));
    row('show_expires', d.expiresAt ? moment(d.expiresAt) : t('show_expires_never'));
    const ledger = d.ledger;
    row(
      'show_on_ledger',
      ledger.status === 'checked'
        ? t('show_ledger_checked', {
            anchoredAt: moment(ledger.anchoredAt),
            by: ledger.by,
            checkedAt: moment(ledger.checkedAt),
            chainId: ledger.chainId,
            transaction: ledger.transactionHash.slice(0, 12),
          })
        : ledger.status === 'not_checked'
          ? t('show_ledger_not_checked', { number: d.number })
          : t('show_ledger_none'),
    );
    row('show_id', d.id);
    out.line(t('show_details'));
    row('show_issuer_did', d.issuer);
    return EXIT.ok;
  },
};
