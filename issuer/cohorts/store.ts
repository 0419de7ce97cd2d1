import type { IssuerDb } from '../db-schema.ts';
import type { RowError } from './validate-row.ts';

/** The most row errors one answer lists; the rest are counted (and all are in results.csv). */
export const MAX_LISTED_ERRORS = 1000;

export interface CohortStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** checking: the file is being read (with allOrNothing, each row checked as it is); issuing: rows are being checked and issued. */
  phase: 'checking' | 'issuing' | 'finished';
  allOrNothing: boolean;
  /** Learner rows in the file (known once it is read). */
  total: number;
  checked: number;
  issued: number;
  alreadyIssued: number;
  failed: number;
  errors: RowError[];
  errorsNotListed?: number;
  /** Why the whole cohort failed, in plain words. */
  detail?: string;
  createdAt: string;
  finishedAt?: string;
  /** false once results.csv has been downloaded to its end: the claim codes are no longer kept. */
  claimCodesKept: boolean;
  resultsDeliveredAt?: string;
}

/** What GET /cohorts/{id} answers, from the stored rows; undefined for an unknown cohort. */
export async function cohortStatus(db: IssuerDb, id: string): Promise<CohortStatus | undefined> {
  const cohort = await db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cohort) return undefined;
  const states = await db
    .selectFrom('cohort_rows')
    .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
    .where('cohort_id', '=', id)
    .groupBy('state')
    .execute();
  const count = (...of: string[]) =>
    states.filter((s) => of.includes(s.state)).reduce((sum, s) => sum + Number(s.count), 0);
  const failed = count('invalid');
  const withErrors = await db
    .selectFrom('cohort_rows')
    .select('errors')
    .where('cohort_id', '=', id)
    .where('state', '=', 'invalid')
    .orderBy('row_number')
    .limit(MAX_LISTED_ERRORS)
    .execute();
  const errors = withErrors.flatMap((r) => JSON.parse(r.errors ?? '[]') as RowError[]).slice(0, MAX_LISTED_ERRORS);
  const read = states.reduce((sum, s) => sum + Number(s.count), 0);
  const checked = read - count('waiting');
  const finished = cohort.state === 'done' || cohort.state === 'failed';
  return {
    id,
    status: cohort.state === 'done' ? 'done' : cohort.state === 'failed' ? 'failed' : 'running',
    phase: finished ? 'finished' : cohort.state === 'checking' ? 'checking' : 'issuing',
    allOrNothing: cohort.all_or_nothing === 1,
    total: cohort.total ?? read,
    checked,
    issued: count('issued'),
    alreadyIssued: count('already'),
    failed,
    errors,
    ...(failed > withErrors.length ? { errorsNotListed: failed - withErrors.length } : {}),
    ...(cohort.failure ? { detail: cohort.failure } : {}),
    createdAt: cohort.created_at,
    ...(cohort.finished_at ? { finishedAt: cohort.finished_at } : {}),
    claimCodesKept: cohort.results_delivered_at === null,
    ...(cohort.results_delivered_at ? { resultsDeliveredAt: cohort.results_delivered_at } : {}),
  };
}
