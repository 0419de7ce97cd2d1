import type { Labels } from './labels.ts';

/** English: the reference catalogue. Every other language has exactly these keys and placeholders. */
export const en = {
  well_formed: 'The credential is a well-formed signed credential ({format}).',
  presentation_well_formed: 'The presentation is a well-formed signed presentation ({format}).',
  credential_format_unsupported:
    'The presentation holds a credential in a format this verifier cannot check ({format}).',
  signature_valid: 'The credential was signed by {issuer} and has not been changed since.',
  presentation_signature_valid: 'The presentation was signed by {holder}.',
  malformed_jws: 'The credential is not a well-formed signed token: {detail}.',
  malformed_credential: 'The token does not hold a verifiable credential: {detail}.',
  malformed_presentation: 'The token does not hold a verifiable presentation: {detail}.',
  alg_not_allowed: 'The signature uses the algorithm "{alg}", which is not accepted for this key.',
  unsupported_did_method: "The signer's identifier ({did}) uses a DID method this verifier does not support.",
  did_not_found: "The signer's identifier ({did}) could not be found.",
  key_not_found: 'The signing key named in the token does not belong to {did}.',
  did_resolution_failed: "The signer's identifier ({did}) could not be looked up right now.",
  did_web_issuer_not_listed:
    "The issuer's did:web document ({did}) was not fetched: no trusted registry lists this issuer, or none could be asked.",
  did_web_holder_refused:
    'This verifier does not look up did:web holders ({did}); sign the presentation with another DID.',
  https_issuer_not_listed:
    "The controller document of the issuer's URL ({did}) was not fetched: no trusted registry lists this issuer, or none could be asked.",
  https_holder_refused:
    'This verifier does not look up holders identified by an https URL ({did}); sign the presentation with a DID.',
  signature_invalid: 'The signature does not match: the content was changed after signing, or someone else signed it.',
  issuer_accredited: '{name} is an accredited institution on the trusted registry.',
  issuer_accredited_then: '{name} was accredited when this credential was anchored; its accreditation is now {status}.',
  issuer_not_accredited: 'The issuer ({issuer}) is not an accredited institution on any trusted registry.',
  issuer_not_accredited_now:
    '{name} is {status} on the registry, and this credential was not anchored while it was accredited.',
  anchored: 'The credential is recorded on the ledger (chain {chainId}) since {anchoredAt}.',
  receipt_missing: 'No anchor receipt came with the credential, so there is no proof it was recorded on the ledger.',
  receipt_malformed: 'The anchor receipt is malformed: {detail}.',
  receipt_for_other_credential: 'The anchor receipt belongs to a different credential.',
  proof_mismatch:
    "The anchor receipt's proof does not lead to its recorded batch: the credential or the receipt was altered.",
  root_not_anchored: 'The batch named by the receipt was never recorded on the ledger.',
  anchored_by_another_institution: 'The batch was recorded on the ledger by another institution, not by the issuer.',
  untrusted_registry: 'The receipt points to a registry this verifier does not trust (chain {chainId}, {registry}).',
  ledger_unreachable: 'The ledger could not be reached to check this; try again later.',
  ledger_lagging:
    'The ledger node consulted is behind (its latest block, {blockNumber}, is from {headAt}); try again later.',
  not_revoked: 'The institution has not revoked this credential.',
  revoked: 'The institution revoked this credential on {revokedAt} (reason: {reasonName}).',
  revocation_needs_issuer: 'No trusted registry lists the issuer, so there is no revocation by it to look up.',
  signing_key_not_reported: 'The institution has not reported its signing key as compromised.',
  signing_key_compromised_after_anchor:
    'The signing key was reported compromised as of {compromisedSince}; this credential was anchored on {anchoredAt}, before that, so it stands.',
  signing_key_compromised_before_anchor:
    'The signing key was reported compromised as of {compromisedSince}, and this credential was only anchored on {anchoredAt}: whoever stole the key could have made it.',
  signing_key_compromised_unanchored:
    'The signing key was reported compromised as of {compromisedSince}, and no anchor on the ledger shows that this credential existed before then.',
  signing_key_needs_issuer:
    'Whether the signing key was reported compromised could not be looked up: the issuer is not on a trusted registry.',
  within_validity_period: 'The credential is within its validity period.',
  presentation_within_validity_period: 'The presentation is within its validity period.',
  presentation_not_yet_valid: 'The presentation is not valid before {validFrom}.',
  presentation_expired: 'The presentation expired on {validUntil}; ask for a new one.',
  not_yet_valid: 'The credential is not valid before {validFrom}.',
  expired: 'The credential expired on {validUntil}.',
  schema_valid: "The credential's content matches its declared schema.",
  schema_mismatch: "The credential's content does not match its declared schema: {detail}.",
  schema_unknown:
    'The credential declares a schema this verifier does not know ({schema}); its content was not checked.',
  schema_not_declared: 'The credential declares no schema; its content was not checked against one.',
  no_credentials: 'The presentation holds no credential: it only shows that the holder controls their identifier.',
  holder_is_subject: 'The person presenting is the person the credential was issued to.',
  holder_is_not_subject: 'The presentation was signed by {holder}, but the credential was issued to {subject}.',
  subject_has_no_did: 'The credential names no learner DID, so it cannot be tied to the person presenting it.',
  holder_not_checked: 'The holder was not checked: compare the name with an identity document.',
  challenge_valid: "The presentation answers this verifier's one-time challenge.",
  challenge_missing: 'The presentation carries no challenge; it could be a replay of an old one.',
  challenge_mismatch: 'The presentation was made for another challenge.',
  challenge_unknown: 'The challenge was not issued by this verifier.',
  challenge_expired: 'The challenge expired before the presentation arrived.',
  challenge_already_used: 'This challenge was already used: the presentation is a replay.',
  domain_mismatch: 'The presentation was made for another verifier ({domain}).',
  challenge_needs_signature: 'The challenge was not checked because the presentation signature is not valid.',
  challenge_not_pinned:
    'The request does not name the challenge it gave the holder ("options.challenge"): a challenge of this verifier may have been relayed from someone else, so the presentation is not accepted.',
  challenge_valid_audience_unchecked:
    'The presentation answers the one-time challenge given; it is addressed to {audience}, which was not checked (no "options.domain").',
  trust_bundle_used:
    'Checked against the trust bundle of {date} ({ageHours} hours old), not the live ledger: a revocation or change made after that date cannot be known here.',
  trust_bundle_aging:
    'Checked against the trust bundle of {date}, which is {ageHours} hours old: get a newer one before {unusableFrom}, when it stops answering. A revocation or change made after that date cannot be known here.',
  trust_bundle_too_old:
    'The ledger could not be reached, and the trust bundle of {date} ({ageHours} hours old) stopped answering on {unusableFrom}: get a newer bundle or a connection to the ledger.',
  trust_bundle_standby:
    'The ledger answered. The trust bundle kept for when it cannot be reached is of {date} ({ageHours} hours old) and answers until {unusableFrom}.',
  trust_bundle_standby_aging:
    'The ledger answered. The trust bundle kept for when it cannot be reached is of {date} ({ageHours} hours old) and answers only until {unusableFrom}: install a newer one before then.',
} as const;

export const enLabels: Labels = {
  accredited: 'accredited',
  suspended: 'suspended',
  withdrawn: 'withdrawn',
  unspecified: 'unspecified',
  issuedInError: 'issued in error',
  fraud: 'fraud',
  superseded: 'superseded',
  withdrawnByAssessmentBody: 'withdrawn by the assessment body',
};

/**
 * The words of the pages (the employer's verification page, the learner's claim page), in English: every
 * other language has exactly these keys and {placeholders}. `check_*` name each check, `status_*` each outcome.
 */
export const enPage = {
  page_title: 'Check a skills credential',
  page_intro:
    'Scan the QR code on a certificate or a phone, or upload the certificate, to see whether it is genuine and who awarded it.',
  language_label: 'Language',
  scan_button: 'Scan the QR code with the camera',
  scan_stop: 'Stop the camera',
  scan_hint: "Hold the QR code steady in the picture, about a hand's width from the camera.",
  scan_starting: 'Starting the camera…',
  scan_no_camera: 'The camera could not be started. Take a photo of the QR code and upload it below instead.',
  scan_timeout: 'No QR code was found. Move closer, avoid glare, or upload a photo of the QR code instead.',
  file_label: 'Upload a file',
  file_hint: 'A photo or screenshot of the QR code, the certificate PDF, or a credential file from a wallet.',
  paste_label: 'Or paste the text',
  paste_hint: 'The text of the QR code (it begins with SM1:), or a credential token.',
  check_button: 'Check',
  checking: 'Checking…',
  reading: 'Reading the file…',
  read_no_qr: 'No QR code was found in this image. Try a sharper photo with the whole code in it and no glare.',
  read_pdf_no_code:
    'This PDF holds no Skillmark credential. Upload the certificate PDF as the institution issued it, or a photo of its QR code.',
  read_unknown_file:
    'This file is not something this page can check. Upload a photo of the QR code, the certificate PDF, or a credential file.',
  read_empty: 'Nothing to check yet: scan, upload or paste a credential first.',
  decoder_failed:
    'The QR code reader could not be loaded. Paste the text of the QR code instead, or try another browser.',
  verdict_valid: 'Valid',
  verdict_valid_text: 'The credential is genuine, and every check passed.',
  verdict_invalid: 'Not valid',
  verdict_invalid_text: 'Do not accept this credential. The reason is below.',
  verdict_tampered_text: 'This document was changed after it was issued, or it is not genuine. Do not accept it.',
  verdict_unverifiable: 'Cannot tell right now',
  verdict_unverifiable_text: 'Some checks could not be done. This does not mean the credential is false.',
  next_steps_title: 'What to do next',
  next_steps_retry: 'Try again in a few minutes: the record of credentials could not be reached just now.',
  next_steps_ask:
    'If it keeps happening, ask the learner for the certificate PDF, or contact the institution that issued it.',
  summary_title: 'What the credential says',
  field_learner: 'Learner',
  field_qualification: 'Qualification',
  field_level: 'Level',
  field_occupation: 'Occupation',
  field_awarded: 'Awarded on',
  field_institution: 'Institution',
  institution_listed: 'listed on {registry}',
  institution_unlisted: 'not on any trusted registry',
  not_stated: 'not stated',
  checks_title: 'What was checked',
  status_valid: 'Passed',
  status_invalid: 'Failed',
  status_unverifiable: 'Could not check',
  status_skipped: 'Not checked',
  signature_plain: 'The institution signed this credential, and nothing in it has changed since.',
  check_structure: 'Format',
  check_signature: 'Signature',
  check_issuer_accredited: 'Institution',
  check_anchored: 'Ledger record',
  check_not_revoked: 'Revocation',
  check_signing_key: 'Signing key',
  check_validity_period: 'Dates',
  check_schema: 'Content',
  check_holder: 'Person showing it',
  check_presentation_signature: "Holder's signature",
  check_challenge: 'One-time challenge',
  check_presentation_validity: 'Presentation dates',
  check_holder_binding: 'Holder',
  check_credentials: 'Credentials held',
  check_credential_format: 'Credential format',
  credential_number: 'Credential {number}',
  details_title: 'Details for experts',
  problem_unreadable: 'This is not a Skillmark credential, or part of it is missing. Scan or upload it again.',
  problem_too_large: 'This is too large to be a credential.',
  problem_busy: 'Too many checks from here in a short time. Wait a minute, then try again.',
  problem_offline: 'The verifier could not be reached. Check the connection, then try again.',
  check_another: 'Check another credential',
  noscript: 'This page needs JavaScript to read QR codes and files. Your browser has it turned off.',
  privacy_note: 'Nothing you check is kept: no cookies, no tracking.',
  claim_title: 'Your credential',
  claim_save_qr: 'Save the QR code image',
  claim_download_pdf: 'Download the certificate (PDF)',
  claim_show_employer: 'Show this code to an employer; they can check it without calling the college.',
  claim_not_ready: 'Not ready yet: the institution is still recording it. Try again in a few minutes.',
  claim_code_unknown:
    'This claim code is not known. Check it character by character, or ask the institution for a new one.',
  claim_code_expired: 'This claim code has expired. Ask the institution for a new one.',
  claim_code_revoked: 'The institution has revoked this credential: there is nothing to collect.',
  claim_too_many_tries: 'Too many wrong codes from here. Wait {seconds} seconds, then try again.',
} as const;

/** English as a Language (not annotated: the Language type is derived from this file; index.ts checks it). */
export const english = { name: 'English', dir: 'ltr' as const, messages: en, labels: enLabels, page: enPage };
