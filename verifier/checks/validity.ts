import { validityAt } from '../../core/formats/index.ts';
import { fragment, type CheckFragment } from '../fragment.ts';

/**
 * The validity window (VC 1.1: nbf/exp; VC 2.0: validFrom/validUntil) against the verifier's
 * clock, allowing a small skew. `check` names whose window it is (credential or presentation).
 */
export function checkValidityPeriod(check: 'validity_period' | 'presentation_validity', window: { validFrom?: Date; validUntil?: Date }, now: Date, skewSeconds: number): CheckFragment {
  const iso = (d: Date | undefined) => d?.toISOString();
  const details = { ...(window.validFrom ? { validFrom: iso(window.validFrom) } : {}), ...(window.validUntil ? { validUntil: iso(window.validUntil) } : {}) };
  const where = validityAt(window, now, skewSeconds);
  const ofPresentation = check === 'presentation_validity';
  if (where === 'not_yet_valid') return fragment(check, 'invalid', ofPresentation ? 'presentation_not_yet_valid' : 'not_yet_valid', { validFrom: iso(window.validFrom)! }, details);
  if (where === 'expired') return fragment(check, 'invalid', ofPresentation ? 'presentation_expired' : 'expired', { validUntil: iso(window.validUntil)! }, details);
  return fragment(check, 'valid', ofPresentation ? 'presentation_within_validity_period' : 'within_validity_period', {}, details);
}
