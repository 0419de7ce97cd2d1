import type { Check } from './check.ts';
import type { CredentialSubject } from './subjects.ts';
import { checkWindow, type WindowReasons } from './validity-window.ts';

const REASONS: WindowReasons = {
  check: 'validity_period',
  notYetValid: 'not_yet_valid',
  expired: 'expired',
  within: 'within_validity_period',
};

/** The credential's validity window against the verifier's clock. */
export const credentialValidity: Check<CredentialSubject> = {
  name: 'validity_period',
  verify: ({ credential, now, clockSkewSeconds }) => checkWindow(REASONS, credential, now, clockSkewSeconds),
};
