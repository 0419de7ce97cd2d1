/**
 * What other parts of the project may use of the issuer: opening the issuer service with its
 * ledger (the launcher, scripts/start.ts), and for the benchmarks the Merkle tree it anchors a batch
 * with, the credential it makes of an issue request, how revocations are split into transactions, and the batch revocation itself with its status lists (what the API path costs), and a cohort's rows signed and stored on the main thread or through the signing pool. Nothing outside `issuer/` imports past this file, so the issuer's inner layout can
 * change freely; tests are exempt, since they test the rooms themselves.
 */
export { batchTree } from './batch-tree.ts';
export { EXAMPLE_CELLS } from './cohorts/columns.ts';
export { issueRequestOfRow } from './cohorts/validate-row.ts';
export { credentialToSign, DEFAULT_ISSUING } from './credential-to-sign.ts';
export { CredentialService, type SignedCredential } from './credentials.ts';
export { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
export { credentialFromIssueRequest } from './issue-request.ts';
export type { LedgerWriter } from './ledger-writer.ts';
export { REVOCATION_BY_HASH_MAX } from './revocations/revoke-by-bits.ts';
export { HASHES_PER_TRANSACTION, revokeMany } from './revocations/revoke-many.ts';
export { type Issuer, type IssuerOptions, type LedgerTarget, openIssuer } from './service.ts';
export { signCredential } from './sign-credential.ts';
export { CurrentSigningKey } from './signing-key.ts';
export { SigningPool } from './signing-pool/pool.ts';
export type { RowToSign, SignedRow } from './signing-pool/sign-row.ts';
export { DEFAULT_LIST_SHAPE } from './status-lists/allocation.ts';
export { LISTS_PER_TRANSACTION } from './status-lists/publication.ts';
export { StatusLists } from './status-lists/status-lists.ts';
