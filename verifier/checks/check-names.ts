/** The checks a credential gets, in the order their fragments are reported. */
export const CREDENTIAL_CHECK_NAMES = [
  'signature',
  'issuer_accredited',
  'anchored',
  'not_revoked',
  'status_list',
  'signing_key',
  'validity_period',
  'schema',
] as const;
/** The checks a presentation gets itself (each of its credentials also gets the credential checks). */
export const PRESENTATION_CHECK_NAMES = [
  'presentation_signature',
  'challenge',
  'presentation_validity',
  'holder_binding',
] as const;
/** What verifying a QR code adds: it carries no live challenge, so who shows it is not checked (docs/qr.md). */
export const QR_CODE_OUTCOME_NAMES = ['holder'] as const;
/** What reading a token says, reported beside the checks: whether it could be read, what it holds. */
export const READING_OUTCOME_NAMES = ['structure', 'credentials', 'credential_format'] as const;

/** Every name a fragment can carry: clients may rely on this set being closed. */
export type CheckName =
  | (typeof CREDENTIAL_CHECK_NAMES)[number]
  | (typeof PRESENTATION_CHECK_NAMES)[number]
  | (typeof QR_CODE_OUTCOME_NAMES)[number]
  | (typeof READING_OUTCOME_NAMES)[number];
export const CHECK_NAMES: ReadonlySet<CheckName> = new Set([
  ...CREDENTIAL_CHECK_NAMES,
  ...PRESENTATION_CHECK_NAMES,
  ...QR_CODE_OUTCOME_NAMES,
  ...READING_OUTCOME_NAMES,
]);
