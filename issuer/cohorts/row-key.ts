import { createHash } from 'node:crypto';
import type { CohortRow } from './columns.ts';

/**
 * The row's idempotency key, hashed: its `rowKey` when given, else the learner (reference, or DID
 * when there is none), the qualification (code, or title when there is none) and the award date.
 * The same key is never issued twice, in one upload or across uploads.
 */
export function rowKeyOf(values: CohortRow): string {
  const key = values.rowKey
    ? ['rowKey', values.rowKey]
    : [
        values.learnerReference ? `ref:${values.learnerReference}` : `did:${values.did ?? ''}`,
        values.qualificationCode ? `code:${values.qualificationCode}` : `title:${values.qualificationTitle ?? ''}`,
        values.awardedOn ?? '',
      ];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}
