import { openBadgeFacts } from '../core/open-badge-facts.ts';
import type { CheckFragment } from './fragment.ts';

/**
 * What a credential says, for a reader who wants one glance: who, what, which institution, when.
 * The institution is named as the trusted registry names it (never from the credential itself,
 * which anyone can write, and never by its DID, which means nothing to a reader: `issuerDid` is
 * for experts' details).
 */
export interface CredentialSummary {
  learnerName?: string;
  qualificationTitle?: string;
  /** The framework and the level in it, e.g. "EQF 4". */
  level?: string;
  occupation?: string;
  awardedOn?: string;
  /** Open Badges 3.0: the achievement's criteria, in the issuer's words. */
  criteria?: string;
  /** Open Badges 3.0: the skills the achievement describes as results. */
  skills?: string[];
  /** Open Badges 3.0: the issuer profile's name, as the credential (not a registry) writes it. */
  issuerProfileName?: string;
  /** Absent when no trusted registry lists the issuer. */
  institution?: { name: string; registry: string };
  issuerDid: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * The summary of a credential whose signature holds (content nobody vouches for is not summarised),
 * from its subject and the `issuer_accredited` check's registry facts.
 */
export function summarise(
  credential: Record<string, unknown>,
  issuerDid: string,
  checks: readonly CheckFragment[],
): CredentialSummary | undefined {
  if (!checks.some((f) => f.check === 'signature' && f.status === 'valid')) return undefined;
  const subjects = credential.credentialSubject;
  const subject = record(Array.isArray(subjects) ? subjects[0] : subjects) ?? {};
  const qualification = record(subject.qualification) ?? {};
  const level = record(qualification.level);
  const levelText = [text(level?.framework), text(level?.value)].filter(Boolean).join(' ');
  const registryFacts = checks.find((f) => f.check === 'issuer_accredited')?.details;
  const institutionName = text(registryFacts?.name);
  const registry = text(registryFacts?.registry);
  const summary: CredentialSummary = {
    learnerName: text(subject.name),
    qualificationTitle: text(qualification.title),
    level: levelText || undefined,
    occupation: text(record(qualification.occupation)?.title),
    awardedOn: text(qualification.awardedOn),
    ...openBadgeFacts(credential, subject),
    institution: institutionName && registry ? { name: institutionName, registry } : undefined,
    issuerDid,
  };
  return Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined)) as CredentialSummary;
}
