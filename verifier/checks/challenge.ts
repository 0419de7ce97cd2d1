import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import type { PresentationSubject } from './subjects.ts';

/**
 * The presentation answers the challenge the caller pinned (`expected.challenge`: one this verifier
 * issued, unexpired and never used), for the caller's domain (`expected.domain`, when given). The
 * challenge is consumed only once the presentation signature is valid, so a forged presentation
 * cannot burn a genuine holder's challenge.
 *
 * Without a pinned challenge the presentation is not accepted (`challenge_not_pinned`), and its
 * challenge is left unused: any live challenge of this verifier only shows the presentation is
 * fresh, not that it answers the caller, since anyone may ask this verifier for challenges and
 * relay one to a holder. Without `expected.domain`, a presentation addressed to someone (`aud`) is
 * accepted on the pinned challenge alone, and its fragment says the audience was not checked.
 */
export const challenge: Check<PresentationSubject> = {
  name: 'challenge',
  async verify({ presentation: { nonce, audience }, expected, challenges, now }, earlier) {
    const shownAudience = () => (audience.join(', ') || 'none').slice(0, 200);
    if (!nonce) return fragment('challenge', 'invalid', 'challenge_missing');
    if (expected.challenge === undefined) return fragment('challenge', 'invalid', 'challenge_not_pinned');
    if (nonce !== expected.challenge) return fragment('challenge', 'invalid', 'challenge_mismatch');
    if (expected.domain !== undefined && !audience.includes(expected.domain))
      return fragment('challenge', 'invalid', 'domain_mismatch', { domain: shownAudience() });
    if ((await earlier('presentation_signature')).status !== 'valid')
      return fragment('challenge', 'skipped', 'challenge_needs_signature');
    const outcome = await challenges.consume(nonce, now);
    if (outcome === 'already_used') return fragment('challenge', 'invalid', 'challenge_already_used');
    if (outcome === 'expired') return fragment('challenge', 'invalid', 'challenge_expired');
    if (outcome === 'unknown') return fragment('challenge', 'invalid', 'challenge_unknown');
    if (expected.domain === undefined && audience.length > 0)
      return fragment(
        'challenge',
        'valid',
        'challenge_valid_audience_unchecked',
        { audience: shownAudience() },
        { challenge: nonce },
      );
    return fragment('challenge', 'valid', 'challenge_valid', {}, { challenge: nonce });
  },
};
