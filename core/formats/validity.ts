export type Validity = 'within_validity_period' | 'not_yet_valid' | 'expired';

/** Where `now` falls in a validity window, allowing `skewSeconds` of clock skew either way. */
export function validityAt(window: { validFrom?: Date; validUntil?: Date }, now: Date, skewSeconds = 0): Validity {
  const t = now.getTime();
  if (window.validFrom && window.validFrom.getTime() > t + skewSeconds * 1000) return 'not_yet_valid';
  if (window.validUntil && window.validUntil.getTime() <= t - skewSeconds * 1000) return 'expired';
  return 'within_validity_period';
}
