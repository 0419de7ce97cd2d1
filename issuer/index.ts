/**
 * What other parts of the project may use of the issuer: opening the issuer service with its
 * ledger (the launcher, scripts/start.ts), and for the benchmarks the Merkle tree it anchors a batch
 * with and the credential it makes of an issue request. Nothing outside `issuer/` imports past this file, so the issuer's inner layout can
 * change freely; tests are exempt, since they test the rooms themselves.
 */
export { batchTree } from './anchoring.ts';
export { credentialToSign, DEFAULT_ISSUING } from './credential-to-sign.ts';
export { credentialFromIssueRequest } from './issue-request.ts';
export { type Issuer, type IssuerOptions, type LedgerTarget, openIssuer } from './service.ts';
