import { dateInWords } from '../../core/date-in-words.ts';
import { readCredentialToken } from '../../core/formats/index.ts';
import { openBadgeFacts } from '../../core/open-badge-facts.ts';

/** What a certificate says, in the words printed on it. */
export interface CertificateContent {
  /** The institution's name as the registry knows it. */
  institution: string;
  /** The learner's name; the institution's reference for the learner when the credential names none. */
  learner: string;
  qualification: string;
  /** e.g. "EQF 4". */
  level?: string;
  /** e.g. "Electrician (ISCO-08 7411)". */
  occupation?: string;
  competencies: string[];
  /** e.g. "30 June 2026", in the certificate's language. */
  awardedOn: string;
  /** The credential's short id (core/short-id.ts), as the wallet and the issuer show it. */
  shortId: string;
  /** The credential with its anchor receipt, as the text of one QR code (docs/qr.md). */
  qrText: string;
  /** The institution's copy only: the code (and its URL) the learner collects the credential with. */
  claim?: { code: string; url: string };
  /** Where to check it, when the issuer knows a verifier's address. */
  verifierUrl?: string;
  /** The language of its printed words (a catalogue tag, core/messages/); English when absent. */
  language?: string;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What a qualification credential this issuer signed says, in its schema's fields, for people to read. */
export interface QualificationFields {
  /** The learner's name; the institution's reference for the learner when the credential names none. */
  learner: string;
  /** The learner's name alone, when the credential states one. */
  name?: string;
  qualification: string;
  /** e.g. "EQF 4". */
  level?: string;
  occupation?: { title: string; code?: string };
  competencies: string[];
  /** YYYY-MM-DD, as signed: each reader writes it out in its own words. */
  awardedOn: string;
}

/**
 * The fields of a credential this issuer signed (so its structure was checked at issuance), read
 * with the format that signed it: what the certificate prints and the learner's claim page shows.
 */
export function qualificationFieldsOf(credential: string): QualificationFields {
  const read = readCredentialToken(credential);
  if (!read.ok) throw new Error(`the stored credential cannot be read: ${read.detail}`);
  const subjects = read.value.credential.credentialSubject;
  const subject = object(Array.isArray(subjects) ? subjects[0] : subjects);
  // A qualification issued as an Open Badge: the same fields, read from the badge.
  const badge = openBadgeFacts(read.value.credential, subject);
  if (badge)
    return {
      learner: badge.learnerName ?? '',
      ...(badge.learnerName ? { name: badge.learnerName } : {}),
      qualification: badge.qualificationTitle ?? '',
      // Printed as a QualificationCredential's are: "EQF 4", "Electrician (ISCO-08 7411)".
      ...(badge.levelCode || badge.level ? { level: badge.levelCode ?? badge.level } : {}),
      ...(badge.occupation
        ? { occupation: { title: badge.occupation, ...(badge.occupationCode ? { code: badge.occupationCode } : {}) } }
        : {}),
      competencies: badge.skills ?? [],
      awardedOn: badge.awardedOn ?? '',
    };
  const qualification = object(subject.qualification);
  const level = object(qualification.level);
  const occupation = object(qualification.occupation);
  const occupationCode = [text(occupation.framework), text(occupation.code)].filter(Boolean).join(' ');
  const occupationTitle = text(occupation.title);
  const competencies = Array.isArray(qualification.competencies) ? qualification.competencies : [];
  const name = text(subject.name);
  return {
    learner: name ?? text(subject.learnerReference) ?? '',
    ...(name ? { name } : {}),
    // Another VC 2.0 credential has no qualification: its name stands for one.
    qualification: text(qualification.title) ?? text(read.value.credential.name) ?? '',
    ...(text(level.value) ? { level: [text(level.framework), text(level.value)].filter(Boolean).join(' ') } : {}),
    ...(occupationTitle
      ? { occupation: { title: occupationTitle, ...(occupationCode ? { code: occupationCode } : {}) } }
      : {}),
    competencies: competencies.map((c) => text(object(c).title)).filter((t): t is string => t !== undefined),
    awardedOn: text(qualification.awardedOn) ?? '',
  };
}

/** The printed words of a credential this issuer signed, with its short id as the issuer stored it. */
export function certificateContentOf(
  credential: string,
  context: Pick<CertificateContent, 'institution' | 'shortId' | 'qrText' | 'claim' | 'verifierUrl' | 'language'>,
): CertificateContent {
  const { learner, qualification, level, occupation, competencies, awardedOn } = qualificationFieldsOf(credential);
  return {
    institution: context.institution,
    learner,
    qualification,
    ...(level ? { level } : {}),
    competencies,
    ...(occupation ? { occupation: `${occupation.title}${occupation.code ? ` (${occupation.code})` : ''}` } : {}),
    awardedOn: dateInWords(awardedOn, context.language),
    shortId: context.shortId,
    qrText: context.qrText,
    ...(context.claim ? { claim: context.claim } : {}),
    ...(context.verifierUrl ? { verifierUrl: context.verifierUrl } : {}),
    ...(context.language ? { language: context.language } : {}),
  };
}
