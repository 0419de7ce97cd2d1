import { HttpProblem } from '../../core/http-problem.ts';
import type { CredentialService, SignedCredential } from '../credentials.ts';
import type { CohortColumn, CohortRow } from './columns.ts';

/** One thing wrong with one row, as the registrar sees it in the spreadsheet. */
export interface RowError {
  row: number;
  column?: CohortColumn;
  message: string;
}

/**
 * The single-credential issue request (POST /credentials/issue) a row stands for: the same request
 * is checked and issued by the same code as one credential, so a cohort has no rules of its own.
 * Empty cells are left out, as a field a person would not send.
 */
export function issueRequestOfRow(values: CohortRow): {
  credential: Record<string, unknown>;
  educationLevel?: string;
  openBadge?: unknown;
} {
  const v = values;
  // A cell says yes or no; anything else goes to the issue request as written, which refuses it.
  const openBadge = v.openBadge && (YES.test(v.openBadge) ? true : NO.test(v.openBadge) ? undefined : v.openBadge);
  const level = v.levelFramework || v.levelValue ? { framework: v.levelFramework, value: v.levelValue } : undefined;
  const occupation =
    v.occupationCode || v.occupationTitle || v.occupationFramework
      ? { title: v.occupationTitle, code: v.occupationCode, framework: v.occupationFramework }
      : undefined;
  const competencies = v.competencies
    ?.split(';')
    .map((title) => title.trim())
    .filter((title) => title !== '')
    .map((title) => ({ title }));
  return {
    // Beside the credential, as in the issue request: it is the institution's, never the credential's.
    ...(v.educationLevel ? { educationLevel: v.educationLevel } : {}),
    ...(openBadge ? { openBadge } : {}),
    credential: withoutUndefined({
      type: ['VerifiableCredential', 'QualificationCredential'],
      credentialSubject: withoutUndefined({
        id: v.did,
        learnerReference: v.learnerReference,
        name: v.name,
        qualification: withoutUndefined({
          title: v.qualificationTitle,
          code: v.qualificationCode,
          level: level && withoutUndefined(level),
          occupation: occupation && withoutUndefined(occupation),
          competencies: competencies?.length ? competencies : undefined,
          awardedOn: v.awardedOn,
        }),
      }),
    }),
  };
}

const YES = /^(yes|true|1)$/i;
const NO = /^(no|false|0)$/i;

function withoutUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** Where in the credential each column goes, so the credential's errors can name the column. */
const POINTER_COLUMNS: [string, CohortColumn][] = [
  ['/credentialSubject/id', 'did'],
  ['/credentialSubject/learnerReference', 'learnerReference'],
  ['/credentialSubject/name', 'name'],
  ['/credentialSubject/qualification/title', 'qualificationTitle'],
  ['/credentialSubject/qualification/code', 'qualificationCode'],
  ['/credentialSubject/qualification/level/framework', 'levelFramework'],
  ['/credentialSubject/qualification/level/value', 'levelValue'],
  ['/credentialSubject/qualification/occupation/code', 'occupationCode'],
  ['/credentialSubject/qualification/occupation/title', 'occupationTitle'],
  ['/credentialSubject/qualification/occupation/framework', 'occupationFramework'],
  ['/credentialSubject/qualification/competencies', 'competencies'],
  ['/credentialSubject/qualification/awardedOn', 'awardedOn'],
  ['/educationLevel', 'educationLevel'],
  ['/openBadge', 'openBadge'],
];

/** Clearer words for the schema validator's phrases, which speak of JSON rather than of cells. */
const PLAIN_PHRASES: [RegExp, string][] = [
  [/must match format "date"/, 'must be a date written YYYY-MM-DD, such as 2026-06-30'],
  [/must NOT have fewer than 1 characters/, 'must not be empty'],
  [/must NOT have more than (\d+) characters/, 'must be at most $1 characters long'],
  [/must NOT have more than (\d+) items/, 'must list at most $1'],
];

/** A date written as it should be but that no calendar has, such as 2026-13-05 or 2026-02-30. */
const impossibleDate = (value: string | undefined) => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * An error line of the credential checks (`/pointer reason`) as a row error naming the column;
 * `values`, the row's cells, let it say what was wrong with a cell that looks right.
 */
export function rowErrorOf(row: number, line: string, values: CohortRow = {}): RowError {
  const missing = /^(\/\S*) is missing "([^"]+)"$/.exec(line);
  const pointer = missing ? `${missing[1]}/${missing[2]}` : (/^(\/\S*)/.exec(line)?.[1] ?? '');
  if (line.startsWith('/credentialSubject must name the learner'))
    // The schema wants a DID or a learner reference: it reports each as missing, and the choice.
    return { row, column: 'learnerReference', message: 'learnerReference or did must be given: the row has neither' };
  const match = POINTER_COLUMNS.find(([prefix]) => pointer === prefix || pointer.startsWith(`${prefix}/`));
  if (!match) return { row, message: line };
  const [prefix, column] = match;
  if (missing) return { row, column, message: `${column} is empty: it is required here` };
  if (/must match format "date"/.test(line) && impossibleDate(values[column]))
    return {
      row,
      column,
      message: `${column} ${values[column]} is not a date of the calendar: the month goes from 01 to 12 and the day must exist in that month`,
    };
  let reason = line.slice(pointer.length).trim();
  for (const [phrase, words] of PLAIN_PHRASES) reason = reason.replace(phrase, words);
  // Inside competencies, say which one (1-based, as the registrar counts them).
  const item = /^\/(\d+)/.exec(pointer.slice(prefix.length));
  const which = item ? ` (competency ${Number(item[1]) + 1})` : '';
  return { row, column, message: `${column}${which} ${reason.replaceAll(prefix, column)}` };
}

/** The row errors of a refused issue request, from the problem's `errors` list (or its detail). */
export function rowErrorsOfProblem(row: number, problem: HttpProblem, values: CohortRow = {}): RowError[] {
  const errors = problem.extra.errors;
  if (!Array.isArray(errors) || errors.length === 0) return [{ row, message: problem.detail }];
  const seen = new Set<string>();
  return errors
    .map((line) => rowErrorOf(row, String(line), values))
    .filter((e) => !seen.has(`${e.column} ${e.message}`) && seen.add(`${e.column} ${e.message}`));
}

/**
 * Checks a row as POST /credentials/issue would issue it, by signing it the same way
 * (CredentialService.sign: the issue request's rules, then the signed credential must fit one QR
 * code once anchored): its errors, or the signed credential, which a job keeps and stores later.
 */
export async function checkRow(
  row: number,
  values: CohortRow,
  credentials: Pick<CredentialService, 'sign'>,
  /** false for a dry run: the credential is signed only to check it, and takes no status list index. */
  forIssue = true,
): Promise<{ errors: RowError[] } | { signed: SignedCredential }> {
  try {
    return { signed: await credentials.sign(issueRequestOfRow(values), new Date(), forIssue) };
  } catch (error) {
    if (error instanceof HttpProblem && error.status < 500) return { errors: rowErrorsOfProblem(row, error, values) };
    throw error;
  }
}
