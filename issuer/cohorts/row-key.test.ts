import { describe, expect, it } from 'vitest';
import { rowKeyOf } from './row-key.ts';

const row = {
  learnerReference: 'S-1',
  did: 'did:key:z6Mk1',
  qualificationTitle: 'Welding',
  qualificationCode: 'W-2',
  awardedOn: '2026-06-30',
};

describe('a row key', () => {
  it('is the learner reference, the qualification code and the award date: other cells do not change it', () => {
    expect(rowKeyOf({ ...row, name: 'Another spelling', qualificationTitle: 'Welding, level 2' })).toBe(rowKeyOf(row));
    expect(rowKeyOf({ ...row, awardedOn: '2026-07-01' })).not.toBe(rowKeyOf(row));
    expect(rowKeyOf({ ...row, qualificationCode: 'W-3' })).not.toBe(rowKeyOf(row));
    expect(rowKeyOf({ ...row, learnerReference: 'S-2' })).not.toBe(rowKeyOf(row));
  });

  it('falls back to the DID and the title, and an explicit rowKey replaces it all', () => {
    const byDid = { did: 'did:key:z6Mk1', qualificationTitle: 'Welding', awardedOn: '2026-06-30' };
    expect(rowKeyOf({ ...byDid, name: 'x' })).toBe(rowKeyOf(byDid));
    expect(rowKeyOf({ ...byDid, qualificationTitle: 'Plumbing' })).not.toBe(rowKeyOf(byDid));
    expect(rowKeyOf({ ...row, rowKey: 'A' })).toBe(rowKeyOf({ learnerReference: 'S-9', rowKey: 'A' }));
    expect(rowKeyOf({ rowKey: 'A' })).not.toBe(rowKeyOf({ rowKey: 'B' }));
    // A reference and a DID with the same text are different learners.
    expect(
      rowKeyOf({ learnerReference: 'did:key:z6Mk1', awardedOn: '2026-06-30', qualificationTitle: 'Welding' }),
    ).not.toBe(rowKeyOf(byDid));
  });
});
