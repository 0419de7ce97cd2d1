/** A credential as the issuer's read routes describe it (GET /credentials, GET /credentials/{id}). */
export interface CredentialSummary {
  id: string;
  /** The short id the certificate and the learner's wallet show (core/short-id.ts). */
  shortId: string;
  status: 'pending' | 'anchored' | 'revoked';
  subject: { id?: string; learnerReference?: string };
  /** The learner's name as the credential states it. */
  learnerName?: string;
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

/**
 * Who the credential was awarded to: the learner's name with the institution's reference for them
 * (a DID only when nothing else names the learner: `show` gives it among the details).
 */
export function learnerOf(summary: CredentialSummary): string {
  const { learnerName } = summary;
  const reference = summary.subject.learnerReference;
  if (learnerName) return reference ? `${learnerName} (${reference})` : learnerName;
  return reference ?? summary.subject.id ?? '(no learner reference)';
}

/** A time as a clerk reads it: the day, hours and minutes, in UTC. */
export const timeInWords = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The state in words: pending, anchored, or revoked with when and why. */
export function stateOf(summary: CredentialSummary): string {
  if (summary.status === 'revoked') {
    return `revoked${summary.revokedAt ? ` on ${summary.revokedAt.slice(0, 10)}` : ''}${summary.revocationReason ? ` (${summary.revocationReason})` : ''}`;
  }
  return summary.status === 'pending' ? 'pending (not yet on the ledger)' : 'anchored on the ledger';
}
