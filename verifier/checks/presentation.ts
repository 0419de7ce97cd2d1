import type { ChallengeStore } from '../challenges.ts';
import { fragment, type CheckFragment } from '../fragment.ts';

/** The holder signed the presentation; each credential must be about the holder. */
export function checkHolderBinding(holder: string, subjectsPerCredential: readonly (readonly string[])[]): CheckFragment {
  for (const subjects of subjectsPerCredential) {
    if (subjects.length === 0) return fragment('holder_binding', 'invalid', 'subject_has_no_did');
    if (!subjects.includes(holder)) return fragment('holder_binding', 'invalid', 'holder_is_not_subject', { holder: holder.slice(0, 200), subject: subjects[0]!.slice(0, 200) });
  }
  return fragment('holder_binding', 'valid', 'holder_is_subject', {}, { holder });
}

/**
 * The presentation answers the challenge the caller pinned (`options.challenge`: one this verifier
 * issued, unexpired and never used), for the caller's domain (`options.domain`, when given). The
 * challenge is consumed only once the presentation signature is valid, so a forged presentation
 * cannot burn a genuine holder's challenge.
 *
 * Without a pinned challenge the presentation is not accepted (`challenge_not_pinned`), and its
 * challenge is left unused: any live challenge of this verifier only shows the presentation is
 * fresh, not that it answers the caller, since anyone may ask this verifier for challenges and
 * relay one to a holder. Without `options.domain`, a presentation addressed to someone (`aud`) is
 * accepted on the pinned challenge alone, and its fragment says the audience was not checked.
 */
export async function checkChallenge(
  presented: { nonce?: string; audience: readonly string[] },
  expected: { challenge?: string; domain?: string },
  signature: Promise<CheckFragment>,
  store: ChallengeStore,
  now: Date,
): Promise<CheckFragment> {
  const { nonce, audience } = presented;
  const shownAudience = () => (audience.join(', ') || 'none').slice(0, 200);
  if (!nonce) return fragment('challenge', 'invalid', 'challenge_missing');
  if (expected.challenge === undefined) return fragment('challenge', 'invalid', 'challenge_not_pinned');
  if (nonce !== expected.challenge) return fragment('challenge', 'invalid', 'challenge_mismatch');
  if (expected.domain !== undefined && !audience.includes(expected.domain)) return fragment('challenge', 'invalid', 'domain_mismatch', { domain: shownAudience() });
  if ((await signature).status !== 'valid') return fragment('challenge', 'skipped', 'challenge_needs_signature');
  const outcome = await store.consume(nonce, now);
  if (outcome === 'already_used') return fragment('challenge', 'invalid', 'challenge_already_used');
  if (outcome === 'expired') return fragment('challenge', 'invalid', 'challenge_expired');
  if (outcome === 'unknown') return fragment('challenge', 'invalid', 'challenge_unknown');
  if (expected.domain === undefined && audience.length > 0) return fragment('challenge', 'valid', 'challenge_valid_audience_unchecked', { audience: shownAudience() }, { challenge: nonce });
  return fragment('challenge', 'valid', 'challenge_valid', {}, { challenge: nonce });
}
