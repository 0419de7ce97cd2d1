import { validityAt } from '../../core/formats/index.ts';
import type { ReasonCode } from '../../core/messages/index.ts';
import { type CheckFragment, fragment } from '../fragment.ts';

/** How a window check reports itself: its name and its reason for each place the clock can be. */
export interface WindowReasons {
  check: 'validity_period' | 'presentation_validity';
  notYetValid: ReasonCode;
  expired: ReasonCode;
  within: ReasonCode;
}

/**
 * A validity window (VC 1.1: nbf/exp; VC 2.0: validFrom/validUntil) against the verifier's clock,
 * allowing a small skew.
 */
export function checkWindow(
  reasons: WindowReasons,
  window: { validFrom?: Date; validUntil?: Date },
  now: Date,
  skewSeconds: number,
): CheckFragment {
  const { check } = reasons;
  const iso = (d: Date | undefined) => d?.toISOString();
  const details = {
    ...(window.validFrom ? { validFrom: iso(window.validFrom) } : {}),
    ...(window.validUntil ? { validUntil: iso(window.validUntil) } : {}),
  };
  const where = validityAt(window, now, skewSeconds);
  if (where === 'not_yet_valid')
    return fragment(check, 'invalid', reasons.notYetValid, { validFrom: iso(window.validFrom)! }, details);
  if (where === 'expired')
    return fragment(check, 'invalid', reasons.expired, { validUntil: iso(window.validUntil)! }, details);
  return fragment(check, 'valid', reasons.within, {}, details);
}
