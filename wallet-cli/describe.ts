import { readCredentialJwt } from '../verifier/verify-credential.ts';
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
  const read = readCredentialJwt(stored.credential);
  if (!read.ok) return { id: stored.id, title: '(unreadable credential)', competencies: [], issuer: '?' };
  const subject = read.credential.credentialSubject as { name?: string; qualification?: Qualification };
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
    issuer: read.issuer,
    ...(typeof read.credential.issuanceDate === 'string' ? { issuedAt: read.credential.issuanceDate } : {}),
    ...(typeof read.credential.expirationDate === 'string' ? { expiresAt: read.credential.expirationDate } : {}),
    ...(receipt ? { anchor: { chainId: receipt.chainId, anchoredAt: receipt.anchoredAt, transactionHash: receipt.transactionHash } } : {}),
  };
}
