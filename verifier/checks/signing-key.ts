import { fragment } from '../fragment.ts';
import type { RegistryFacts } from '../ledger-reader.ts';
import type { Check } from './check.ts';
import { anchoredByIssuer, answered, iso, unanswered, unreachable } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';

const CHECK = 'signing_key';

/** The earliest compromise any trusted registry records for the issuer DID (0: none). */
function earliestCompromise(facts: readonly RegistryFacts[]): number {
  const reported = facts.map((f) => f.issuerDidCompromisedSince).filter((since) => since !== 0);
  return reported.length === 0 ? 0 : Math.min(...reported);
}

/**
 * Whether the institution reported the key that signed the credential as compromised, and if so
 * whether the ledger proves the credential existed before that. Only the anchor's on-chain time
 * counts: dates in the credential or the receipt are written by whoever holds the key.
 */
export const signingKey: Check<CredentialSubject> = {
  name: CHECK,
  async verify({ evidence }) {
    const anchor = await evidence.anchor;
    const answers = await evidence.issuer;
    const anchorFacts = anchor?.ok ? [anchor.facts] : [];
    const known = [...anchorFacts, ...answered(answers)].filter((f) => f.issuerInstitutionId !== 0);
    const since = earliestCompromise(known);
    if (since === 0) {
      const failed = unanswered(answers);
      if (failed) return unreachable(CHECK, failed);
      return known.length === 0
        ? fragment(CHECK, 'skipped', 'signing_key_needs_issuer')
        : fragment(CHECK, 'valid', 'signing_key_not_reported');
    }
    const compromisedSince = iso(since);
    // The anchor could not be read: it may predate the compromise, so this cannot be decided now.
    if (anchor && !anchor.ok) return { ...anchor.fragment, check: CHECK };
    const anchored = anchorFacts.find(anchoredByIssuer);
    if (!anchored)
      return fragment(
        CHECK,
        'invalid',
        'signing_key_compromised_unanchored',
        { compromisedSince },
        { compromisedSince },
      );
    const anchoredAt = iso(anchored.anchor.anchoredAt);
    return anchored.anchor.anchoredAt < since
      ? fragment(
          CHECK,
          'valid',
          'signing_key_compromised_after_anchor',
          { compromisedSince, anchoredAt },
          { compromisedSince, anchoredAt },
        )
      : fragment(
          CHECK,
          'invalid',
          'signing_key_compromised_before_anchor',
          { compromisedSince, anchoredAt },
          { compromisedSince, anchoredAt },
        );
  },
};
