import { RevocationReason } from '../../contracts/registry.ts';
import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import { answered, iso, unanswered, unreachable } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';

/**
 * Revoked on any trusted registry that knows the issuer: invalid, whatever the receipt. Otherwise
 * a registry that could not be asked (and whose successor did not answer) leaves it open.
 */
export const notRevoked: Check<CredentialSubject> = {
  name: 'not_revoked',
  async verify({ evidence }) {
    const answers = await evidence.issuer;
    const facts = answered(answers);
    const revoked = facts.find((f) => f.issuerInstitutionId !== 0 && f.revocation.revokedAt !== 0);
    if (revoked) {
      const { revokedAt, reason } = revoked.revocation;
      const reasonName = Object.entries(RevocationReason).find(([, code]) => code === reason)?.[0] ?? `code ${reason}`;
      return fragment(
        'not_revoked',
        'invalid',
        'revoked',
        { revokedAt: iso(revokedAt), reasonName },
        { revokedAt: iso(revokedAt), reasonCode: reason, registry: revoked.trusted.name },
      );
    }
    const failed = unanswered(answers);
    if (failed) return unreachable('not_revoked', failed);
    // Only the issuer's institution can revoke: with no registry listing the issuer there is nothing to ask.
    if (!facts.some((f) => f.issuerInstitutionId !== 0))
      return fragment('not_revoked', 'skipped', 'revocation_needs_issuer');
    return fragment('not_revoked', 'valid', 'not_revoked');
  },
};
