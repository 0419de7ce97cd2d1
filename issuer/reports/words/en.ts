/** The occupation report's page words in English: every language file has these keys and placeholders. */
export const en = {
  languageName: 'English',
  title: 'Top training occupations',
  quarter: 'Quarter {number} of {year}',
  summary: '{total} people were awarded a qualification in this quarter.',
  summaryHidden: 'Fewer than {threshold} people were awarded a qualification in this quarter.',
  empty: 'No qualification was awarded in this quarter.',
  institutions: 'Merged from the signed reports of: {names}.',
  chartTitle: 'People trained, by occupation',
  chartMore: 'The chart shows the {count} largest occupations; the table shows them all.',
  rank: 'Rank',
  occupation: 'Occupation',
  code: 'Code',
  trained: 'Trained',
  share: 'Share of quarter',
  educationLevel: 'Education level',
  occupationNotStated: 'Occupation not stated',
  hidden: 'hidden',
  rulesHeading: 'How to read this table',
  suppressionRule:
    'Counts below {threshold} are hidden so that nobody can be singled out, and so is one more count where the others would give a hidden one back. Zeros are shown.',
  rankRule: 'Equal totals are ranked by occupation code. Occupations whose total is hidden come last, in code order.',
  shareRule:
    "Shares are percentages of the quarter's total, rounded half up to two decimals, so they may not add up to exactly 100%.",
  dateRule: 'A qualification counts in the quarter of its award date. Revoked credentials are left out.',
  level_primary: 'Primary',
  level_lower_secondary: 'Lower secondary',
  level_upper_secondary: 'Upper secondary',
  level_technician: 'Technician',
  level_senior_technician: 'Senior technician',
  level_unknown: 'Unknown',
};

export type ReportWords = typeof en;
