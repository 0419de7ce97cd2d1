import type { Check } from './check.ts';
import type { PresentationSubject } from './subjects.ts';
import { checkWindow, type WindowReasons } from './validity-window.ts';

const REASONS: WindowReasons = {
  check: 'presentation_validity',
  notYetValid: 'presentation_not_yet_valid',
  expired: 'presentation_expired',
  within: 'presentation_within_validity_period',
};

/** The presentation token's own validity window (nbf/exp) against the verifier's clock. */
export const presentationValidity: Check<PresentationSubject> = {
  name: 'presentation_validity',
  verify: ({ presentation, now, clockSkewSeconds }) => checkWindow(REASONS, presentation, now, clockSkewSeconds),
};
