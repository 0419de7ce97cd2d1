/**
 * Reason codes for revocation, as the registry stores them; documented in docs/anchor-receipt.md.
 * Apart from registry.ts so that what only names them (the registrar's CLI) does not load ethers.
 */
export const RevocationReason = {
  unspecified: 0,
  issuedInError: 1,
  fraud: 2,
  superseded: 3,
  withdrawnByAssessmentBody: 4,
} as const;
export type RevocationReasonName = keyof typeof RevocationReason;
