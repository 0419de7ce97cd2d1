import { type JoseSigner, signCompactJws } from '../../core/jose/signer.ts';
import type { OccupationCounts } from './occupation-counts.ts';

/** The JWS `typ` of a signed occupation report, so that no other token of the same key passes for one. */
export const SIGNED_REPORT_JWS_TYPE = 'skillmark-occupation-report+jws';
export const SIGNED_REPORT_TYPE = 'SkillmarkOccupationReport';

/** What an institution signs: its quarter's exact counts, who it is, and when it signed. */
export interface SignedReportPayload extends OccupationCounts {
  type: typeof SIGNED_REPORT_TYPE;
  version: 1;
  /** The signing DID (as in the JWS `kid`); the registry, not this, says who the institution is. */
  iss: string;
  /** When it was signed, unix seconds. */
  iat: number;
  institution: { did: string; name: string };
}

/**
 * The quarter's counts as a compact JWS signed with the institution's signing key. The counts are
 * exact, not suppressed: the authority merges them and suppresses small counts in the national
 * table, where a count hidden at each institution would otherwise be lost.
 */
export function signOccupationCounts(
  counts: OccupationCounts,
  institution: { did: string; name: string },
  signer: JoseSigner,
  now: Date,
): Promise<string> {
  const payload: SignedReportPayload = {
    type: SIGNED_REPORT_TYPE,
    version: 1,
    iss: institution.did,
    iat: Math.floor(now.getTime() / 1000),
    institution,
    ...counts,
  };
  return signCompactJws(payload, signer, { typ: SIGNED_REPORT_JWS_TYPE });
}
