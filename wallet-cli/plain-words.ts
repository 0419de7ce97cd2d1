import type { CredentialState } from './describe.ts';
import { day, label, t } from './words.ts';

/** The wallet's sentences about a credential, each whole, with named parts, in the chosen language. */

/** The credential in the words a person uses: "Amina Yusuf, National Certificate in … (EQF 4), from <institution>". */
export function credentialLine(parts: {
  learner?: string;
  title?: string;
  level?: string;
  institution?: { name: string; namedBy: 'registry' | 'credential' };
}): string {
  const qualification = parts.title
    ? parts.level
      ? t('credential_with_level', { title: parts.title, level: parts.level })
      : parts.title
    : t('credential_untitled');
  const credential = parts.learner
    ? t('credential_of_learner', { learner: parts.learner, qualification })
    : qualification;
  // Unnamed until a verifier's registry names it (issuers often put only their DID in a credential).
  if (!parts.institution) return credential;
  const institution = parts.institution.name;
  return parts.institution.namedBy === 'registry'
    ? t('credential_from', { credential, institution })
    : t('credential_from_claimed', { credential, institution });
}

/** Where the credential stands, in one short phrase for `list` and `show`. */
export function stateWords(state: CredentialState): string {
  switch (state.state) {
    case 'revoked':
      // Revoked on a status list only: when the wallet found it, never said as the day it was revoked.
      if ('foundAt' in state) return t('state_revoked_found', { date: day(state.foundAt) });
      // "unspecified" says nothing the reader could use.
      if (state.reason && state.reason !== 'unspecified')
        return t('state_revoked', { date: day(state.revokedAt), reason: label(state.reason) });
      return state.why
        ? t('state_revoked_said', { date: day(state.revokedAt), why: state.why })
        : t('state_revoked_unexplained', { date: day(state.revokedAt) });
    case 'expired':
      return t('state_expired', { date: day(state.expiredAt) });
    case 'valid':
      return t('state_valid', { date: day(state.checkedAt) });
    case 'invalid':
      return t('state_invalid', { date: day(state.checkedAt) });
    case 'not_checked':
      return state.undecidedAt
        ? t('state_undecided', { date: day(state.undecidedAt) })
        : t('state_not_checked', { date: day(state.since) });
  }
}
