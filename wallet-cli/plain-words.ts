import type { CredentialState } from './describe.ts';

/**
 * The wallet's sentences about a credential, each whole, with named parts (so each can move to
 * the message catalogue as one message with placeholders).
 */

/** The credential in the words a person uses: "Amina Yusuf, National Certificate in … (EQF 4), from <institution>". */
export function credentialLine(parts: {
  learner?: string;
  title?: string;
  level?: string;
  institution?: { name: string; namedBy: 'registry' | 'credential' };
}): string {
  const qualification = parts.title
    ? parts.level
      ? `${parts.title} (${parts.level})`
      : parts.title
    : 'a qualification with no title';
  const who = parts.learner ? `${parts.learner}, ${qualification}` : qualification;
  // Unnamed until a verifier's registry names it (issuers often put only their DID in a credential).
  if (!parts.institution) return who;
  if (parts.institution.namedBy === 'registry') return `${who}, from ${parts.institution.name}`;
  return `${who}, from ${parts.institution.name} (as the credential names it)`;
}

/** A date for people, YYYY-MM-DD, from an ISO date and time (left as it is when it is not one). */
export const day = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso);

/** Where the credential stands, in one short phrase for `list` and `show`. */
export function stateWords(state: CredentialState): string {
  switch (state.state) {
    case 'revoked':
      return `REVOKED on ${day(state.revokedAt)}: ${state.why}`;
    case 'expired':
      return `EXPIRED on ${day(state.expiredAt)}`;
    case 'valid':
      return `valid when checked on ${day(state.checkedAt)}`;
    case 'invalid':
      return `NOT VALID when checked on ${day(state.checkedAt)} (see: skillmark-wallet verify)`;
    case 'not_checked':
      return `not checked since ${day(state.since)}`;
  }
}
