import type { RevocationReasonName } from '../contracts/revocation-reason.ts';
import { readCredentialToken } from '../core/formats/index.ts';
import { message } from '../core/messages/index.ts';
import { openBadgeFacts } from '../core/open-badge-facts.ts';
import { printable } from '../core/printable.ts';
import { contentProblems } from './credential-content.ts';
import { isRevocationReason, revocationReasonInSentence } from './revocation-reason.ts';
import type { LastCheck, StoredCredential, WalletEntry } from './store.ts';
import { spokenLanguage, t } from './words.ts';

/** Where the credential stands, from what a verifier last said and the credential's own dates. */
export type CredentialState =
  | {
      state: 'revoked';
      revokedAt: string;
      /** The registry's reason code (`issuedInError`, …); the words are the reader's language's. */
      reason?: RevocationReasonName;
      /** Only for an item stored before reason codes whose sentence names no reason the wallet knows. */
      why?: string;
      checkedAt: string;
    }
  /**
   * Revoked on the institution's status list only (docs/status-lists.md): the day it was revoked is
   * not known, only when a verifier first found it revoked (`foundAt`).
   */
  | { state: 'revoked'; foundAt: string; checkedAt: string }
  | { state: 'expired'; expiredAt: string }
  | { state: 'valid'; checkedAt: string }
  | { state: 'invalid'; checkedAt: string }
  /** Never checked since it was received (`since`), or the last check (`undecidedAt`) could not decide. */
  | { state: 'not_checked'; since: string; undecidedAt?: string };

export interface CredentialDescription {
  number: number;
  id: string;
  title: string;
  learner?: string;
  level?: string;
  occupation?: string;
  competencies: string[];
  /** Open Badges 3.0: what the achievement asked of the learner. */
  criteria?: string;
  awardedOn?: string;
  /** The issuer's DID: for details only, never in place of a name. */
  issuer: string;
  /** As the trusted registry names the issuer (from the last verifier's answer), else as the credential names it. */
  institution?: { name: string; namedBy: 'registry' | 'credential' };
  issuedAt?: string;
  expiresAt?: string;
  /** `checked` only once a verifier found the receipt's root on the ledger; a receipt alone proves nothing. */
  state: CredentialState;
  ledger:
    | { status: 'checked'; anchoredAt: string; checkedAt: string; by: string; chainId: number; transactionHash: string }
    | { status: 'not_checked'; chainId: number }
    | { status: 'no_receipt' };
}

/** An item that cannot be shown; `remove` deletes it. */
export interface DamagedDescription {
  number: number;
  id?: string;
  damaged: string;
}

// Whoever signed a credential chose its content: read every field as possibly anything, and
// make every text safe to print.
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? printable(value) : undefined;

function ledgerOf(stored: StoredCredential): CredentialDescription['ledger'] {
  const receipt = stored.anchorReceipt;
  if (!receipt) return { status: 'no_receipt' };
  const check = stored.ledgerCheck;
  if (!check) return { status: 'not_checked', chainId: receipt.chainId };
  return {
    status: 'checked',
    anchoredAt: printable(check.anchoredAt),
    checkedAt: printable(check.checkedAt),
    by: printable(check.by),
    chainId: receipt.chainId,
    transactionHash: receipt.transactionHash,
  };
}

function stateOf(stored: StoredCredential, expiresAt: string | undefined, now: Date): CredentialState {
  const last: LastCheck | undefined = stored.lastCheck;
  if (last?.revoked?.dateUnknown)
    return { state: 'revoked', foundAt: printable(last.revoked.at), checkedAt: printable(last.at) };
  if (last?.revoked) {
    // Stored before reason codes: the reason read back from the verifier's sentence, when it names one.
    const reason = isRevocationReason(last.revoked.reason)
      ? last.revoked.reason
      : last.revoked.reason === undefined
        ? revocationReasonInSentence(last.revoked.why)
        : undefined;
    return {
      state: 'revoked',
      revokedAt: printable(last.revoked.at),
      ...(reason
        ? { reason }
        : last.revoked.reason === undefined && last.revoked.why
          ? { why: printable(last.revoked.why) }
          : {}),
      checkedAt: printable(last.at),
    };
  }
  if (expiresAt && Date.parse(expiresAt) <= now.getTime()) return { state: 'expired', expiredAt: expiresAt };
  if (last?.verdict === 'valid') return { state: 'valid', checkedAt: printable(last.at) };
  if (last?.verdict === 'invalid') return { state: 'invalid', checkedAt: printable(last.at) };
  return {
    state: 'not_checked',
    since: printable(stored.receivedAt),
    ...(last?.verdict === 'unverifiable' ? { undecidedAt: printable(last.at) } : {}),
  };
}

function institutionOf(stored: StoredCredential, issuer: unknown): CredentialDescription['institution'] {
  const registryName = stored.lastCheck?.institution;
  if (registryName) return { name: printable(registryName), namedBy: 'registry' };
  const claimed = text(record(issuer).name);
  return claimed ? { name: claimed, namedBy: 'credential' } : undefined;
}

function describeStored(
  number: number,
  stored: StoredCredential,
  now: Date,
): CredentialDescription | DamagedDescription {
  const id = printable(stored.id);
  // Read only (core/formats), never verified here: listing a wallet loads no verifier and no ledger client.
  const read = readCredentialToken(stored.credential);
  if (!read.ok) {
    const detail = message(read.reason, { detail: read.detail }, spokenLanguage());
    return { number, id, damaged: t('damaged_unreadable', { detail: printable(detail) }) };
  }
  const { credential, issuer } = read.value;
  // Stored before the wallet checked content (or edited since): never shown as if it were sound.
  const problems = contentProblems(credential);
  if (problems.length)
    return {
      number,
      id,
      damaged: t('damaged_schema', { detail: printable(problems.join('; ')) }),
    };
  const subjects = credential.credentialSubject;
  const subject = record(Array.isArray(subjects) ? subjects[0] : subjects);
  const q = record(subject.qualification);
  const level = record(q.level);
  const occupation = record(q.occupation);
  const competencies = Array.isArray(q.competencies) ? q.competencies.flatMap((c) => text(record(c).title) ?? []) : [];
  const occupationTitle = text(occupation.title);
  const occupationCode = text(occupation.code);
  const levelText = [text(level.framework), text(level.value)].filter(Boolean).join(' ');
  const issuedAt = text(credential.issuanceDate) ?? text(credential.validFrom);
  const expiresAt = text(credential.expirationDate) ?? text(credential.validUntil);
  const learner = text(subject.name);
  const awardedOn = text(q.awardedOn);
  const institution = institutionOf(stored, credential.issuer);
  const badge = openBadgeFacts(credential, subject);
  if (badge) return describeBadge(number, id, badge, { stored, issuer, issuedAt, expiresAt, institution, now });
  return {
    number,
    id,
    title: text(q.title) ?? t('untitled'),
    ...(learner ? { learner } : {}),
    ...(levelText ? { level: levelText } : {}),
    ...(occupationTitle
      ? {
          occupation: occupationCode
            ? `${occupationTitle} (${text(occupation.framework) ?? t('occupation_code')} ${occupationCode})`
            : occupationTitle,
        }
      : {}),
    competencies,
    ...(awardedOn ? { awardedOn } : {}),
    issuer: printable(issuer),
    ...(institution ? { institution } : {}),
    ...(issuedAt ? { issuedAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    state: stateOf(stored, expiresAt, now),
    ledger: ledgerOf(stored),
  };
}

/**
 * An Open Badges 3.0 credential (from any issuer): its achievement is the qualification, the skills
 * it lists are the competencies.
 */
function describeBadge(
  number: number,
  id: string,
  badge: NonNullable<ReturnType<typeof openBadgeFacts>>,
  about: {
    stored: StoredCredential;
    issuer: string;
    issuedAt?: string;
    expiresAt?: string;
    institution: CredentialDescription['institution'];
    now: Date;
  },
): CredentialDescription {
  const safe = (value?: string) => (value ? printable(value) : undefined);
  const parts = {
    learner: safe(badge.learnerName),
    level: safe(badge.level),
    occupation: safe(badge.occupation),
    // One line in a terminal: the criteria's own line breaks (Markdown, often) become spaces.
    criteria: safe(badge.criteria?.replace(/\s+/g, ' ')),
    awardedOn: safe(badge.awardedOn),
    institution: about.institution,
    issuedAt: about.issuedAt,
    expiresAt: about.expiresAt,
  };
  return {
    number,
    id,
    title: safe(badge.qualificationTitle) ?? t('untitled'),
    ...(Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as Partial<CredentialDescription>),
    competencies: (badge.skills ?? []).map(printable),
    issuer: printable(about.issuer),
    state: stateOf(about.stored, about.expiresAt, about.now),
    ledger: ledgerOf(about.stored),
  };
}

/** A wallet item as a person reads it, or why it cannot be read: never an exception. */
export function describeEntry(entry: WalletEntry, now = new Date()): CredentialDescription | DamagedDescription {
  if ('damaged' in entry) return { number: entry.number, damaged: entry.damaged };
  // A last guard: whatever an item holds, `list` must keep working so the learner can remove it.
  try {
    return describeStored(entry.number, entry.stored, now);
  } catch (error) {
    return {
      number: entry.number,
      id: printable(entry.stored.id),
      damaged: t('damaged_exception', { detail: printable(String((error as Error)?.message ?? error)) }),
    };
  }
}
