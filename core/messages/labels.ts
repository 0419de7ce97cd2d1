/** Words that checks put into messages (accreditation statuses, revocation reasons), in one language. */
export type Labels = Record<
  | 'accredited'
  | 'suspended'
  | 'withdrawn'
  | 'unspecified'
  | 'issuedInError'
  | 'fraud'
  | 'superseded'
  | 'withdrawnByAssessmentBody',
  string
>;
