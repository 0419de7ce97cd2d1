import { type EducationLevel, UNKNOWN_EDUCATION_LEVEL } from './education-levels.ts';

/** How many people were awarded a qualification for one occupation, by their education level. */
export interface OccupationCount {
  /** The occupation's code (ISCO-08, ESCO or national), null when the credentials gave none. */
  code: string | null;
  title: string | null;
  byEducationLevel: Record<string, number>;
}

/** A quarter's exact counts: what the table is made of, and what a signed report carries. */
export interface OccupationCounts {
  quarter: string;
  educationLevels: EducationLevel[];
  occupations: OccupationCount[];
}

/** One group of credentials with the same occupation (as written) and education level. */
export interface CountedGroup {
  code: string | null;
  title: string | null;
  /** null: none was given. */
  educationLevel: string | null;
  count: number;
}

/** An occupation is its code; without one, its title (in any case). */
export const keyOf = (code: string | null, title: string | null) =>
  code !== null ? `code:${code}` : `title:${(title ?? '').toLowerCase()}`;

/**
 * Gathers counted groups into one count per occupation. An occupation's title is the one most of
 * its credentials give (the alphabetically first among equals), so a spelling variant does not split
 * it. A level no longer configured is kept as a level of its own rather than lost.
 */
export function countOccupations(
  quarter: string,
  configured: readonly EducationLevel[],
  groups: readonly CountedGroup[],
): OccupationCounts {
  const levels = [...configured];
  const occupations = new Map<
    string,
    { code: string | null; titles: Map<string, number>; levels: Record<string, number> }
  >();
  for (const group of groups) {
    if (group.count <= 0) continue;
    const level = group.educationLevel ?? UNKNOWN_EDUCATION_LEVEL.code;
    if (!levels.some((l) => l.code === level)) levels.push({ code: level });
    const key = keyOf(group.code, group.title);
    let occupation = occupations.get(key);
    if (!occupation) {
      occupation = { code: group.code, titles: new Map(), levels: {} };
      occupations.set(key, occupation);
    }
    if (group.title !== null)
      occupation.titles.set(group.title, (occupation.titles.get(group.title) ?? 0) + group.count);
    occupation.levels[level] = (occupation.levels[level] ?? 0) + group.count;
  }
  return {
    quarter,
    educationLevels: levels,
    occupations: [...occupations.values()].map((o) => ({
      code: o.code,
      title: mostGiven(o.titles),
      byEducationLevel: Object.fromEntries(levels.map((l) => [l.code, o.levels[l.code] ?? 0])),
    })),
  };
}

function mostGiven(titles: Map<string, number>): string | null {
  let best: [string, number] | undefined;
  for (const entry of titles)
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0] ?? null;
}
