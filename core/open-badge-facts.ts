/**
 * What an Open Badges 3.0 credential (from any issuer) says, for the summary: the achievement's
 * name and criteria, the skills (its result descriptions), and the issuer profile's name as the
 * credential writes it, which the reader is shown as such, beside the registry's name.
 */
export interface OpenBadgeFacts {
  qualificationTitle?: string;
  criteria?: string;
  skills?: string[];
  issuerProfileName?: string;
  learnerName?: string;
  /** The level as its alignment names it (e.g. "EQF level 4"). */
  level?: string;
  /** The level's framework and code (e.g. "EQF 4"), when the alignment gives both. */
  levelCode?: string;
  occupation?: string;
  /** The occupation's framework and code (e.g. "ISCO-08 7411"), when the alignment gives them. */
  occupationCode?: string;
  awardedOn?: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** A string, or the first language value's (VC 2.0 language maps); at most a paragraph. */
function text(value: unknown): string | undefined {
  const first = list(value)[0];
  const s = typeof first === 'string' ? first : record(first)?.['@value'];
  return typeof s === 'string' && s.trim() !== '' ? s.trim().slice(0, 1000) : undefined;
}
const day = (value: unknown) => {
  const s = text(value);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
};

/** The facts of an OB 3.0 AchievementSubject, or undefined for a credential that is not one. */
export function openBadgeFacts(
  credential: Record<string, unknown>,
  subject: Record<string, unknown>,
): OpenBadgeFacts | undefined {
  const achievement = record(subject.achievement);
  if (!achievement) return undefined;
  const alignments = list(achievement.alignment).map(record);
  const alignedTo = (type: string) => alignments.find((a) => a?.targetType === type);
  const aligned = (type: string) => text(alignedTo(type)?.targetName);
  /** "EQF 4", "ISCO-08 7411": the framework and code, as a QualificationCredential's fields print. */
  const coded = (type: string) => {
    const target = alignedTo(type);
    const code = text(target?.targetCode);
    return code && [text(target?.targetFramework), code].filter(Boolean).join(' ');
  };
  const named = list(subject.identifier)
    .map(record)
    .find((i) => i?.identityType === 'name' && i.hashed === false);
  const skills = [
    ...new Set(
      list(achievement.resultDescription)
        .map((d) => text(record(d)?.name))
        .filter((s): s is string => s !== undefined),
    ),
  ].slice(0, 50);
  const facts: OpenBadgeFacts = {
    qualificationTitle: text(achievement.name),
    criteria: text(record(achievement.criteria)?.narrative),
    skills: skills.length > 0 ? skills : undefined,
    issuerProfileName: text(record(credential.issuer)?.name),
    learnerName: text(subject.name) ?? text(named?.identityHash),
    level: aligned('ext:QualificationLevel'),
    levelCode: coded('ext:QualificationLevel'),
    occupation: aligned('ext:Occupation'),
    occupationCode: coded('ext:Occupation'),
    awardedOn: day(credential.awardedDate) ?? day(subject.activityEndDate) ?? day(credential.validFrom),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as OpenBadgeFacts;
}
