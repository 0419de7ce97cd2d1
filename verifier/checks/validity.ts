import { fragment, type CheckFragment } from '../fragment.ts';

/** nbf / exp of the token (validFrom / validUntil of the credential), with a small clock skew. */
export function checkValidityPeriod(payload: Record<string, unknown>, now: Date, skewSeconds: number): CheckFragment {
  const seconds = now.getTime() / 1000;
  const { nbf, exp } = payload;
  if (nbf !== undefined && typeof nbf !== 'number') return fragment('validity_period', 'invalid', 'malformed_credential', { detail: '"nbf" is not a number' });
  if (exp !== undefined && typeof exp !== 'number') return fragment('validity_period', 'invalid', 'malformed_credential', { detail: '"exp" is not a number' });
  const iso = (s: number) => new Date(s * 1000).toISOString();
  if (typeof nbf === 'number' && nbf > seconds + skewSeconds) return fragment('validity_period', 'invalid', 'not_yet_valid', { validFrom: iso(nbf) });
  if (typeof exp === 'number' && exp <= seconds - skewSeconds) return fragment('validity_period', 'invalid', 'expired', { validUntil: iso(exp) });
  return fragment('validity_period', 'valid', 'within_validity_period', {}, {
    ...(typeof nbf === 'number' ? { validFrom: iso(nbf) } : {}),
    ...(typeof exp === 'number' ? { validUntil: iso(exp) } : {}),
  });
}
