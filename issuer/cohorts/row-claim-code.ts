import type { SecretBox } from '../../core/secret-box.ts';
import { claimCodeHash } from '../claim-code.ts';
import { claimCodeContext } from './issue-page.ts';

/** A cohort row's sealed claim code and its credential's current claim code hash. */
export interface RowClaimCode {
  row_number: number;
  sealed_claim_code: string | null;
  claim_code_hash: string | null;
}

/**
 * The claim code a cohort row was issued with, while the issuer still keeps it sealed (until
 * results.csv is first downloaded in full) and it is still the credential's current one: a code
 * renewed since no longer works, so it is never printed.
 */
export function currentClaimCodeOf(box: SecretBox, cohortId: string, row: RowClaimCode): string | undefined {
  if (!row.sealed_claim_code) return undefined;
  const code = box.openText(row.sealed_claim_code, claimCodeContext(cohortId, row.row_number));
  return claimCodeHash(code) === row.claim_code_hash ? code : undefined;
}
