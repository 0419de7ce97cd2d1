import { isPlainObject } from '../../json-limits.ts';

/**
 * What of a qualification credential the learner chooses to show, and what is always shown.
 *
 * Disclosable: the learner's personal fields (name, learner reference, date of birth), and the
 * qualification's start date and each competency. Always shown: what the credential attests and
 * what checking it needs: the issuer, the dates, the qualification's title, code, level,
 * occupation and award date (the schema requires them), the subject's DID (the holder key it binds,
 * `cnf`, identifies the learner as much), the credential's id and its status entry.
 */
export const DISCLOSABLE_SUBJECT_FIELDS = ['name', 'learnerReference', 'birthDate', 'dateOfBirth'] as const;
export const DISCLOSABLE_QUALIFICATION_FIELDS = ['startedOn'] as const;
export const ALWAYS_SHOWN = ['qualification', 'title', 'code', 'level', 'occupation', 'awardedOn'] as const;

type Frame = { _sd?: (string | number)[]; [key: string]: unknown };

const present = (object: Record<string, unknown>, names: readonly string[]) =>
  names.filter((n) => Object.hasOwn(object, n));

/** The @sd-jwt disclosure frame of a qualification credential: which claims become disclosures. */
export function disclosureFrameOf(credential: Record<string, unknown>): Frame {
  const subject = credential.credentialSubject;
  if (!isPlainObject(subject)) return {};
  const subjectFrame: Frame = { _sd: present(subject, DISCLOSABLE_SUBJECT_FIELDS) };
  const qualification = subject.qualification;
  if (isPlainObject(qualification)) {
    const qualificationFrame: Frame = { _sd: present(qualification, DISCLOSABLE_QUALIFICATION_FIELDS) };
    const competencies = qualification.competencies;
    if (Array.isArray(competencies) && competencies.length > 0)
      qualificationFrame.competencies = { _sd: competencies.map((_, i) => i) };
    subjectFrame.qualification = qualificationFrame;
  }
  return { credentialSubject: subjectFrame };
}

/** A name the learner can give `--disclose`: a personal field, `startedOn`, `competencies` (all) or `competency:N` (1-based). */
export interface DisclosureChoice {
  subject: string[];
  qualification: string[];
  /** 0-based indexes into the competencies the credential holds. */
  competencies: number[];
}

const shown = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : isPlainObject(value) && typeof value.title === 'string'
      ? value.title
      : JSON.stringify(value);

/** What a credential as issued (all disclosures in place) can disclose: each name the learner gives, and its value as text. */
export function disclosableClaims(credential: Record<string, unknown>): { name: string; value: string }[] {
  const subject = isPlainObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const qualification = isPlainObject(subject.qualification) ? subject.qualification : {};
  const competencies = Array.isArray(qualification.competencies) ? qualification.competencies : [];
  return [
    ...present(subject, DISCLOSABLE_SUBJECT_FIELDS).map((name) => ({ name, value: shown(subject[name]) })),
    ...present(qualification, DISCLOSABLE_QUALIFICATION_FIELDS).map((name) => ({
      name,
      value: shown(qualification[name]),
    })),
    ...competencies.map((competency, i) => ({ name: `competency:${i + 1}`, value: shown(competency) })),
  ];
}

/** The disclosable names of a credential as issued, in the order the learner sees them. */
export const disclosableNames = (credential: Record<string, unknown>): string[] =>
  disclosableClaims(credential).map((c) => c.name);

/**
 * The learner's choice as the names given (`name,competency:2`; `competencies` for all of them),
 * checked against what the credential can disclose; always-shown names are accepted and change
 * nothing. Returns the unknown names instead when there are any.
 */
export function choiceOf(
  credential: Record<string, unknown>,
  names: readonly string[],
): { ok: true; choice: DisclosureChoice } | { ok: false; unknown: string[]; available: string[] } {
  const available = disclosableNames(credential);
  const competencyNames = available.filter((n) => n.startsWith('competency:'));
  const wanted = new Set(names.flatMap((n) => (n === 'competencies' ? competencyNames : [n])));
  const unknown = [...wanted].filter((n) => !available.includes(n) && !(ALWAYS_SHOWN as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, unknown, available };
  return {
    ok: true,
    choice: {
      subject: DISCLOSABLE_SUBJECT_FIELDS.filter((n) => wanted.has(n)),
      qualification: DISCLOSABLE_QUALIFICATION_FIELDS.filter((n) => wanted.has(n)),
      competencies: competencyNames.flatMap((n, i) => (wanted.has(n) ? [i] : [])),
    },
  };
}

/** The @sd-jwt presentation frame of a choice: `true` for each claim to disclose. */
export function presentationFrameOf(choice: DisclosureChoice): Record<string, unknown> {
  const qualification: Record<string, unknown> = Object.fromEntries(choice.qualification.map((n) => [n, true]));
  if (choice.competencies.length > 0)
    qualification.competencies = Object.fromEntries(choice.competencies.map((i) => [i, true]));
  return {
    credentialSubject: {
      ...Object.fromEntries(choice.subject.map((n) => [n, true])),
      ...(Object.keys(qualification).length > 0 ? { qualification } : {}),
    },
  };
}
