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
 * The presentation answers a challenge this verifier issued, for this verifier's domain, and the
 * challenge had not been used. It is consumed only once the presentation signature is valid, so
 * a forged presentation cannot burn a genuine holder's challenge.
 */
export async function checkChallenge(
  presented: { nonce?: string; audience: readonly string[] },
  expected: { challenge?: string; domain?: string },
  signature: Promise<CheckFragment>,
  store: ChallengeStore,
  now: Date,
): Promise<CheckFragment> {
  const { nonce, audience } = presented;
  if (!nonce) return fragment('challenge', 'invalid', 'challenge_missing');
  if (expected.challenge !== undefined && nonce !== expected.challenge) return fragment('challenge', 'invalid', 'challenge_mismatch');
  if (expected.domain !== undefined && !audience.includes(expected.domain)) {
    return fragment('challenge', 'invalid', 'domain_mismatch', { domain: (audience.join(', ') || 'none').slice(0, 200) });
  }
  if ((await signature).status !== 'valid') return fragment('challenge', 'skipped', 'challenge_needs_signature');
  const outcome = await store.consume(nonce, now);
  if (outcome === 'accepted') return fragment('challenge', 'valid', 'challenge_valid', {}, { challenge: nonce });
  if (outcome === 'already_used') return fragment('challenge', 'invalid', 'challenge_already_used');
  if (outcome === 'expired') return fragment('challenge', 'invalid', 'challenge_expired');
  return fragment('challenge', 'invalid', 'challenge_unknown');
}
