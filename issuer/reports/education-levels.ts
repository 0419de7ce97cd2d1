import { DEFAULT_EDUCATION_LEVELS, type EducationLevel, UNKNOWN_EDUCATION_LEVEL } from '../../core/config.ts';
import { HttpProblem } from '../../core/http-problem.ts';

export { DEFAULT_EDUCATION_LEVELS, type EducationLevel, UNKNOWN_EDUCATION_LEVEL };

/** How a registrar may write a level: any case, spaces or hyphens for `_` ("Lower secondary"). */
const normalised = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The learner's education level of an issue request as its code, or undefined when none was
 * given (absent, null or blank: counted as "unknown"). Any other value must name one of `levels`;
 * else a 422 naming the field and the allowed values.
 */
export function educationLevelOf(value: unknown, levels: readonly EducationLevel[]): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  const code = typeof value === 'string' ? normalised(value) : undefined;
  if (code !== undefined && levels.some((level) => level.code === code)) return code;
  const allowed = levels.map((level) => level.code).join(', ');
  const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : String(JSON.stringify(value)).slice(0, 60);
  throw new HttpProblem(422, 'Invalid educationLevel', `"educationLevel" must be one of ${allowed}; got ${shown}.`, {
    errors: [`/educationLevel must be one of ${allowed}`],
  });
}
