import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import type { PresentationSubject } from './subjects.ts';
import { checkWindow, type WindowReasons } from './validity-window.ts';

const REASONS: WindowReasons = {
  check: 'presentation_validity',
  notYetValid: 'presentation_not_yet_valid',
  expired: 'presentation_expired',
  within: 'presentation_within_validity_period',
};

/**
 * How old a key-binding proof (an SD-JWT's KB-JWT `iat`) may be: it is made for one verification,
 * in answer to a challenge, so minutes are plenty; an older one is a replay or a stored copy.
 */
export const MAX_KEY_BINDING_AGE_SECONDS = 300;

/** The presentation token's own validity window (nbf/exp) against the verifier's clock, and how fresh its key binding is. */
export const presentationValidity: Check<PresentationSubject> = {
  name: 'presentation_validity',
  verify: ({ presentation, now, clockSkewSeconds }) => {
    const { keyBoundAt } = presentation;
    if (keyBoundAt && now.getTime() - keyBoundAt.getTime() > (MAX_KEY_BINDING_AGE_SECONDS + clockSkewSeconds) * 1000)
      return fragment(
        'presentation_validity',
        'invalid',
        'key_binding_stale',
        { issuedAt: keyBoundAt.toISOString() },
        { maxAgeSeconds: MAX_KEY_BINDING_AGE_SECONDS },
      );
    return checkWindow(REASONS, presentation, now, clockSkewSeconds);
  },
};
