import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import { anchoredByIssuer, answered, iso, unanswered, unreachable } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';

/**
 * The issuer is accredited on a trusted registry: now, or when it anchored this credential (the
 * registry only accepts anchors from accredited institutions, so anchored by it means accredited then).
 */
export const issuerAccredited: Check<CredentialSubject> = {
  name: 'issuer_accredited',
  async verify({ evidence, credential: { issuer } }) {
    const anchor = await evidence.anchor;
    const answers = await evidence.issuer;
    const anchoredHere = anchor?.ok && anchoredByIssuer(anchor.facts) ? anchor.facts : undefined;
    const f = anchoredHere ?? answered(answers).find((facts) => facts.issuerInstitutionId !== 0);
    if (!f) {
      const failed = unanswered(answers);
      return failed
        ? unreachable('issuer_accredited', failed)
        : fragment('issuer_accredited', 'invalid', 'issuer_not_accredited', { issuer });
    }
    const details = {
      registry: f.trusted.name,
      institutionId: f.issuerInstitutionId,
      name: f.issuerName,
      status: f.issuerStatus,
      statusSince: iso(f.issuerStatusSince),
    };
    if (f.issuerStatus === 'Accredited')
      return fragment('issuer_accredited', 'valid', 'issuer_accredited', { name: f.issuerName }, details);
    return anchoredHere
      ? fragment(
          'issuer_accredited',
          'valid',
          'issuer_accredited_then',
          { name: f.issuerName, status: f.issuerStatus.toLowerCase() },
          details,
        )
      : fragment(
          'issuer_accredited',
          'invalid',
          'issuer_not_accredited_now',
          { name: f.issuerName, status: f.issuerStatus.toLowerCase() },
          details,
        );
  },
};
