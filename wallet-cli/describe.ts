import { readCredential } from '../verifier/verify-credential.ts';
import type { StoredCredential } from './store.ts';

export interface CredentialDescription {
  id: string;
  title: string;
  learner?: string;
  level?: string;
  occupation?: string;
  competencies: string[];
  awardedOn?: string;
  issuer: string;
  issuedAt?: string;
  expiresAt?: string;
  anchor?: { chainId: number; anchoredAt: string; transactionHash: string };
}

type Qualification = {
  title?: string;
  level?: { framework?: string; value?: string };
  occupation?: { title?: string; code?: string; framework?: string };
  competencies?: { title?: string }[];
  awardedOn?: string;
};

/** The credential as a person reads it. */
export function describeCredential(stored: StoredCredential): CredentialDescription {
  const read = readCredential(stored.credential);
  if (!read.ok) return { id: stored.id, title: '(unreadable credential)', competencies: [], issuer: '?' };
  const { credential, issuer } = read.value;
  const subject = credential.credentialSubject as { name?: string; qualification?: Qualification };
  const q = subject.qualification ?? {};
  const receipt = stored.anchorReceipt;
  return {
    id: stored.id,
    title: q.title ?? '(untitled)',
    ...(subject.name ? { learner: subject.name } : {}),
    ...(q.level ? { level: `${q.level.framework ?? ''} ${q.level.value ?? ''}`.trim() } : {}),
    ...(q.occupation?.title ? { occupation: q.occupation.code ? `${q.occupation.title} (${q.occupation.framework ?? 'code'} ${q.occupation.code})` : q.occupation.title } : {}),
    competencies: (q.competencies ?? []).map((c) => c.title ?? '').filter(Boolean),
    ...(q.awardedOn ? { awardedOn: q.awardedOn } : {}),
    issuer,
    ...(typeof (credential.issuanceDate ?? credential.validFrom) === 'string' ? { issuedAt: String(credential.issuanceDate ?? credential.validFrom) } : {}),
    ...(typeof (credential.expirationDate ?? credential.validUntil) === 'string' ? { expiresAt: String(credential.expirationDate ?? credential.validUntil) } : {}),
    ...(receipt ? { anchor: { chainId: receipt.chainId, anchoredAt: receipt.anchoredAt, transactionHash: receipt.transactionHash } } : {}),
  };
}
