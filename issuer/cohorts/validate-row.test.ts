/**
 * A row becomes the same issue request as one credential, and the credential's own refusals come
 * back naming the row's column in plain words.
 */
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../core/http-problem.ts';
import { credentialToSign } from '../credential-to-sign.ts';
import { credentialFromIssueRequest } from '../issue-request.ts';
import type { CohortRow } from './columns.ts';
import { issueRequestOfRow, type RowError, rowErrorOf, rowErrorsOfProblem } from './validate-row.ts';

const INSTITUTION = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const NOW = new Date('2026-11-30T12:00:00Z');
const ROW: CohortRow = {
  learnerReference: 'STU-7',
  name: 'Amina Yusuf',
  qualificationTitle: 'National Certificate in Electrical Installation',
  qualificationCode: 'NC-ELEC-4',
  levelFramework: 'EQF',
  levelValue: '4',
  occupationCode: '7411',
  occupationTitle: 'Electrician',
  occupationFramework: 'ISCO-08',
  competencies: 'Install wiring; ; Test circuits ',
  awardedOn: '2026-06-30',
};

async function errorsOf(row: CohortRow): Promise<RowError[]> {
  try {
    await credentialFromIssueRequest(issueRequestOfRow(row), INSTITUTION, NOW);
    return [];
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    return rowErrorsOfProblem(7, error, row);
  }
}

describe('a cohort row as an issue request', () => {
  it('is the qualification credential request, with competencies split on ";" and empty cells left out', async () => {
    expect(issueRequestOfRow(ROW)).toEqual({
      credential: {
        type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: {
          learnerReference: 'STU-7',
          name: 'Amina Yusuf',
          qualification: {
            title: 'National Certificate in Electrical Installation',
            code: 'NC-ELEC-4',
            level: { framework: 'EQF', value: '4' },
            occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
            competencies: [{ title: 'Install wiring' }, { title: 'Test circuits' }],
            awardedOn: '2026-06-30',
          },
        },
      },
    });
    expect(issueRequestOfRow({ did: 'did:key:z6Mk', qualificationTitle: 'T', awardedOn: '2026-01-01' })).toEqual({
      credential: {
        type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: { id: 'did:key:z6Mk', qualification: { title: 'T', awardedOn: '2026-01-01' } },
      },
    });
    expect(issueRequestOfRow({ ...ROW, educationLevel: 'upper secondary' }).educationLevel).toBe('upper secondary');
    expect(await errorsOf(ROW)).toEqual([]);
  });

  it.each<[string, CohortRow, RowError[]]>([
    [
      'a date in another form',
      { ...ROW, awardedOn: '30/06/2026' },
      [{ row: 7, column: 'awardedOn', message: 'awardedOn must be a date written YYYY-MM-DD, such as 2026-06-30' }],
    ],
    [
      'a date written YYYY-MM-DD that no calendar has',
      { ...ROW, awardedOn: '2026-13-05' },
      [
        {
          row: 7,
          column: 'awardedOn',
          message:
            'awardedOn 2026-13-05 is not a date of the calendar: the month goes from 01 to 12 and the day must exist in that month',
        },
      ],
    ],
    [
      'an award in the future',
      { ...ROW, awardedOn: '2027-01-15' },
      [
        {
          row: 7,
          column: 'awardedOn',
          message: 'awardedOn must not be in the future (at the latest 2026-12-01, allowing for time zones)',
        },
      ],
    ],
    [
      'no learner',
      { ...ROW, learnerReference: undefined },
      [{ row: 7, column: 'learnerReference', message: 'learnerReference or did must be given: the row has neither' }],
    ],
    [
      'a level without its value',
      { ...ROW, levelValue: undefined },
      [{ row: 7, column: 'levelValue', message: 'levelValue is empty: it is required here' }],
    ],
    [
      'an occupation code without a title',
      { ...ROW, occupationTitle: undefined },
      [{ row: 7, column: 'occupationTitle', message: 'occupationTitle is empty: it is required here' }],
    ],
    [
      'a mistyped DID',
      { ...ROW, did: 'did:key:z6MkNOTAKEY' },
      [
        {
          row: 7,
          column: 'did',
          message: expect.stringMatching(
            /^did is not a usable DID, most likely mistyped: copy it again from the learner's wallet \(.+\)$/,
          ),
        },
      ],
    ],
    [
      'an education level not configured',
      { ...ROW, educationLevel: 'doctorate' },
      [
        {
          row: 7,
          column: 'educationLevel',
          message: expect.stringMatching(/^educationLevel must be one of primary, /),
        },
      ],
    ],
    [
      'a title too long',
      { ...ROW, qualificationTitle: 'x'.repeat(301) },
      [{ row: 7, column: 'qualificationTitle', message: 'qualificationTitle must be at most 300 characters long' }],
    ],
    [
      'a competency with a control character',
      { ...ROW, competencies: 'Wiring; Test\u0007ing' },
      [
        {
          row: 7,
          column: 'competencies',
          message: expect.stringMatching(/^competencies \(competency 2\) must not contain U\+0007/),
        },
      ],
    ],
  ])('names the column of %s', async (_what, row, expected) => {
    expect(await errorsOf(row)).toEqual(expected);
  });

  it('keeps a line that names no column as it is', () => {
    expect(rowErrorOf(3, "the credential's QR code would need 4000 characters")).toEqual({
      row: 3,
      message: "the credential's QR code would need 4000 characters",
    });
  });
});

describe('the openBadge column', () => {
  it('yes, true or 1 asks for an Open Badge; no, false, 0 or an empty cell for a qualification credential', () => {
    for (const yes of ['yes', 'YES', 'true', '1'])
      expect(issueRequestOfRow({ ...ROW, openBadge: yes }).openBadge).toBe(true);
    for (const no of ['no', 'False', '0', undefined])
      expect(issueRequestOfRow({ ...ROW, openBadge: no })).not.toHaveProperty('openBadge');
  });

  it('anything else is refused by the issue request, naming the column', async () => {
    const request = issueRequestOfRow({ ...ROW, openBadge: 'maybe' });
    const error = await credentialToSign(request, INSTITUTION, NOW).catch((e: unknown) => e);
    expect(rowErrorsOfProblem(3, error as HttpProblem)).toEqual([
      { row: 3, column: 'openBadge', message: 'openBadge must be a boolean' },
    ]);
  });
});
