/** A credential as the issuer's read routes describe it (GET /credentials, GET /credentials/{id}). */
export interface CredentialSummary {
  id: string;
  /** The short id the certificate and the learner's wallet show (core/short-id.ts). */
  shortId: string;
  status: 'pending' | 'anchored' | 'revoked';
  subject: { id?: string; learnerReference?: string };
  qualification: string;
  issuedAt: string;
  revokedAt?: string;
  revocationReason?: string;
}

export interface CredentialRecord extends CredentialSummary {
  credentialHash: string;
  anchorReceipt?: { anchoredAt: string; transactionHash: string; chainId: number };
  qr?: string;
}

/** Who the credential was awarded to, as the institution knows the learner. */
export function learnerOf(summary: CredentialSummary): string {
  return summary.subject.learnerReference ?? summary.subject.id ?? '(no learner reference)';
}

/** The state in words: pending, anchored, or revoked with when and why. */
export function stateOf(summary: CredentialSummary): string {
  if (summary.status === 'revoked') {
    return `revoked${summary.revokedAt ? ` on ${summary.revokedAt.slice(0, 10)}` : ''}${summary.revocationReason ? ` (${summary.revocationReason})` : ''}`;
  }
  return summary.status === 'pending' ? 'pending (not yet on the ledger)' : 'anchored on the ledger';
}
