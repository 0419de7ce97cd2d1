import { describe, expect, it } from 'vitest';
import { CredentialListQuery } from '../api/schemas.ts';

const refusal = (query: Record<string, string>) => {
  const result = CredentialListQuery.safeParse(query);
  return result.success ? undefined : result.error.issues[0]!.message;
};

describe('the query of GET /credentials', () => {
  it('takes every filter at once', () => {
    expect(
      CredentialListQuery.parse({
        name: 'Amína',
        learnerReference: 'REG-1',
        did: 'did:key:z6Mk',
        qualification: 'NC-ELEC-4',
        occupation: '7411',
        awardedFrom: '2026-04-01',
        awardedTo: '2026-06-30',
        issuedFrom: '2026-07-01',
        issuedTo: '2026-07-01',
        status: 'anchored',
        limit: '20',
      }),
    ).toMatchObject({ name: 'Amína', awardedTo: '2026-06-30', limit: 20 });
  });

  it('refuses each wrong parameter in plain words', () => {
    expect(refusal({ nmae: 'amina' })).toMatch(/"nmae" is not a parameter of this listing; they are name, /);
    expect(refusal({ awardedFrom: '30/06/2026' })).toBe(
      '"awardedFrom" must be a date written YYYY-MM-DD, such as 2026-06-30.',
    );
    expect(refusal({ issuedTo: '2026-02-30' })).toMatch(/"issuedTo" must be a date/);
    // A month past 12 is no Date at all: it once made the check throw, and the listing answer 500.
    expect(refusal({ awardedTo: '2026-13-45' })).toMatch(/"awardedTo" must be a date/);
    expect(refusal({ awardedFrom: '2026-07-01', awardedTo: '2026-06-30' })).toBe(
      '"awardedFrom" (2026-07-01) is after "awardedTo" (2026-06-30).',
    );
    expect(refusal({ name: ' - ' })).toBe('"name" needs at least one letter or digit.');
    expect(refusal({ qualification: 'x'.repeat(201) })).toMatch(/longer than 200 characters/);
    expect(refusal({ learnerReference: '' })).toMatch(/"learnerReference" is empty/);
    expect(refusal({ status: 'lost' })).toMatch(/"status" must be one of pending, anchored, revoked/);
  });
});
