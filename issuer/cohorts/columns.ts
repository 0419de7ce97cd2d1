import { LANGUAGES } from '../../core/messages/index.ts';

/**
 * The columns of a cohort spreadsheet, in template order, with what each holds. `did` or
 * `learnerReference` is required (as for one credential); `rowKey` is optional and names the row
 * for idempotency when the default key (learner, qualification code, award date) does not fit.
 */
export const COHORT_COLUMNS = [
  { name: 'learnerReference', about: "the institution's own reference for the learner (or give did)" },
  { name: 'name', about: "the learner's name as it should appear" },
  { name: 'did', about: "the learner's DID, if they have one (or give learnerReference)" },
  { name: 'qualificationTitle', about: 'the qualification awarded (required)' },
  { name: 'qualificationCode', about: "the qualification's code" },
  { name: 'levelFramework', about: 'the qualifications framework of the level, e.g. EQF' },
  { name: 'levelValue', about: 'the level in that framework, e.g. 4' },
  { name: 'occupationCode', about: 'the occupation it prepares for, e.g. an ISCO-08 code' },
  { name: 'occupationTitle', about: "the occupation's title (required when a code is given)" },
  { name: 'occupationFramework', about: 'the classification of the occupation code, e.g. ISCO-08' },
  { name: 'competencies', about: 'the competencies, separated by ";"' },
  { name: 'awardedOn', about: 'the award date, YYYY-MM-DD (required)' },
  { name: 'educationLevel', about: "the learner's education level, for statistics only (not in the credential)" },
  {
    name: 'openBadge',
    about: 'yes: issue it as an Open Badge 3.0 (docs/open-badges.md); empty or no: a qualification credential',
  },
  {
    name: 'certificateLanguage',
    about: `the language of the learner's printed certificate: ${Object.keys(LANGUAGES).join(', ')} (empty: the language the cohort's certificates are printed in)`,
  },
] as const;

export type CohortColumn = (typeof COHORT_COLUMNS)[number]['name'] | 'rowKey';

export const COLUMN_NAMES: readonly CohortColumn[] = [...COHORT_COLUMNS.map((c) => c.name), 'rowKey'];

/** A row as read from the spreadsheet: the known columns that hold something, trimmed. */
export type CohortRow = Partial<Record<CohortColumn, string>>;

/** The template's one example row. */
export const EXAMPLE_ROW: Record<(typeof COHORT_COLUMNS)[number]['name'], string> = {
  learnerReference: 'STU-2026-0042',
  name: 'Amina Yusuf',
  did: '',
  qualificationTitle: 'National Certificate in Electrical Installation',
  qualificationCode: 'NC-ELEC-4',
  levelFramework: 'EQF',
  levelValue: '4',
  occupationCode: '7411',
  occupationTitle: 'Electrician',
  occupationFramework: 'ISCO-08',
  competencies: 'Install low-voltage wiring; Test and inspect circuits',
  awardedOn: '2026-06-30',
  educationLevel: 'upper secondary',
  openBadge: 'no',
  certificateLanguage: '',
};

/** The example row as a cohort job reads it (issuer/cohorts/parse.ts): only the cells that hold something. */
export const EXAMPLE_CELLS: CohortRow = Object.fromEntries(
  Object.entries(EXAMPLE_ROW).filter(([, value]) => value !== ''),
);

/**
 * Whether a row is the template's example, left as it came: a credential for a learner who does
 * not exist. A row with any cell changed is a registrar's own.
 */
export function isTemplateExample(values: CohortRow): boolean {
  const cells = Object.entries(values);
  return (
    cells.length === Object.keys(EXAMPLE_CELLS).length &&
    cells.every(([column, value]) => EXAMPLE_CELLS[column as CohortColumn] === value)
  );
}

/** The column a header cell names (any case, surrounding spaces ignored), or undefined. */
export function columnNamed(header: string): CohortColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return COLUMN_NAMES.find((name) => name.toLowerCase() === wanted);
}
