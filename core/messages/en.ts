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
  context_unknown:
    'The credential relies on a vocabulary (JSON-LD context {url}) that this verifier does not hold, so its signature cannot be checked; this verifier never downloads one.',
  jsonld_invalid:
    "The credential's content cannot be interpreted reliably: it uses a term that its vocabularies (JSON-LD contexts) do not define, or it is not valid JSON-LD.",
  cryptosuite_unsupported: 'The credential is secured with a kind of proof this verifier cannot check ({cryptosuite}).',
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
  status_list_clear:
    "The institution's status list ({source}) does not mark this credential as revoked, and it is the list the institution recorded on the ledger.",
  status_list_revoked:
    'The institution revoked this credential: its signed status list ({source}) marks it as revoked.',
  status_list_absent: "The credential names no status list; the ledger's revocation record covers it.",
  status_entry_malformed: "The credential's status list entry is malformed: {detail}.",
  status_list_unreachable: "The institution's status list ({source}) could not be fetched right now; try again later.",
  status_list_unreachable_record_answers:
    "The institution's status list ({source}) could not be fetched right now; its revocation record on the ledger, which it keeps beside the list, answers for this credential.",
  status_list_never_revoked:
    "The institution's status list ({source}) could not be fetched right now, but the ledger shows that the institution has never revoked anything on it: this credential is not revoked.",
  status_list_unverifiable: 'The status list ({source}) is not a list signed by the issuer: {detail}.',
  status_list_mismatch:
    'The status list ({source}) is not the one the institution recorded on the ledger: it may be out of date or altered; try again later.',
  status_list_needs_ledger:
    'The status list ({source}) could not be compared with the ledger, which is out of reach; the revocation record check answers for this credential.',
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
  disclosure_digest_mismatch:
    'A detail shown from the credential does not match what the issuer signed: it was changed or added afterwards.',
  disclosure_duplicated: 'A detail shown from the credential is given twice: the credential was tampered with.',
  key_binding_missing:
    "The presentation has no signature of the learner's key (key binding): anyone holding a copy could have sent it.",
  key_binding_mismatch: "The learner's signature covers other details than the ones shown.",
  holder_key_not_bound: 'The presentation was not signed with the key the credential is bound to.',
  key_binding_stale: "The learner's signature was made at {issuedAt}, too long ago; ask for a new presentation.",
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
  file_choose: 'Choose a file',
  file_none: 'No file chosen',
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
  verdict_unreadable: 'Cannot read this',
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
  field_criteria: 'Requirements met',
  field_skills: 'Skills',
  field_issuer_profile: 'Issuer, as the credential names it',
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
  // A check's line: its name and how it went, with the language's own colon.
  check_line: '{check}: {status}',
  check_signature: 'Signature',
  check_issuer_accredited: 'Institution',
  check_anchored: 'Ledger record',
  check_not_revoked: 'Revocation',
  check_status_list: 'Status list',
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
  claim_wallet_only:
    'You choose what each employer sees of this credential, so it has no QR code or printed certificate. Collect it with your wallet: {command}',
  claim_not_ready: 'Not ready yet: the institution is still recording it. Try again in a few minutes.',
  claim_code_unknown:
    'This claim code is not known. Check it character by character, or ask the institution for a new one.',
  claim_code_expired: 'This claim code has expired. Ask the institution for a new one.',
  claim_code_revoked: 'The institution has revoked this credential: there is nothing to collect.',
  claim_too_many_tries: 'Too many wrong codes from here. Wait {seconds} seconds, then try again.',
} as const;

/**
 * The words of the learner's wallet (`skillmark-wallet`): its help, prompts, results and errors, in
 * English. Every other language has exactly these keys and {placeholders}. A value that is an object
 * is a plural: one sentence per plural category of the language (Intl.PluralRules: zero, one, two,
 * few, many, other), the number in {count}. Command names, option names, environment variables,
 * file names and DIDs stay as they are in every language.
 */
export const enWallet = {
  // The help: skillmark-wallet --help, and <command> --help.
  help_intro: 'skillmark-wallet: keep your qualification credentials and show them to employers.',
  help_usage: 'Usage: {usage}',
  help_main_usage: 'skillmark-wallet <command> [options]',
  help_commands: 'Commands:',
  help_common_options: 'Options for every command:',
  help_options: 'Options:',
  help_value: 'value',
  help_environment: 'Environment:',
  help_exit_codes:
    'Exit codes: 0 done / valid, 1 error, 2 wrong usage, 3 credential not ready yet,\n            4 verified as NOT valid, 5 verifier could not decide right now,\n            6 a server answered too much or too slowly (nothing was stored).',
  help_start: 'Start with:  skillmark-wallet init',
  help_one_command: 'Help on one command:  skillmark-wallet <command> --help',
  env_wallet_dir: 'where the wallet lives (default ~/.skillmark-wallet)',
  env_passphrase: 'the passphrase, for scripts (else you are asked for it)',
  env_issuer: 'issuer used for claim codes',
  env_verifier: 'verifier used by present and verify',
  env_max_bytes: 'largest answer read from a server (default 2 MiB)',
  env_timeout: 'time allowed for each whole answer (default 20)',
  env_lang: 'the language, like --lang (else LC_ALL, LC_MESSAGES or LANG)',
  opt_json: 'print one JSON document (for scripts) instead of sentences',
  opt_plain: 'no colour, no drawing, no symbols, for screen readers and old terminals (NO_COLOR=1: no colour)',
  opt_lang: 'the language to answer in: {languages}',
  opt_help: 'show help',
  opt_verifier: 'verifier address (default {verifier})',
  opt_issuer: 'issuer address for claim codes (default {issuer})',
  opt_wait: 'seconds to wait while the credential is still being anchored (default 30)',
  opt_out_pdf: 'the PDF file to write',
  opt_out_backup: 'the backup file to write (it must not exist yet)',
  opt_out_share: 'the file to write (JSON)',
  opt_out_presentation: 'write the signed presentation to this file instead of sending it',
  opt_disclose:
    'for an SD-JWT credential: the details to show, separated by commas (name, learnerReference, startedOn, competency:2, competencies); the others stay hidden. Without it the wallet asks detail by detail on a terminal; elsewhere only what is always shown is sent (the qualification, its level and award date)',
  opt_challenge: 'the one-time challenge the employer gave you',
  opt_domain: "the verifier domain to bind the presentation to (default: the verifier's host; none with --out)",
  opt_png: 'write the QR code to this file as a PNG image',
  opt_svg: 'write the QR code to this file as an SVG image',
  opt_text: 'print the text the QR code holds instead of drawing it',
  opt_yes: 'delete without asking',
  summary_init: 'Create your wallet and your personal identifier (DID)',
  summary_did: 'Show your DID',
  summary_receive: 'Collect a credential with a claim link, claim code or file',
  summary_list: 'List the credentials in your wallet',
  summary_show: 'Show one credential in plain words',
  summary_status: 'Check every credential against the ledger: valid, revoked or expired',
  summary_share: 'Write a credential to a file an employer can check without you',
  summary_certificate: "Download a credential's printed certificate (PDF) from the institution",
  summary_present: 'Show credentials to an employer or office (a signed presentation)',
  summary_qr: 'Show a credential as one QR code an employer can scan',
  summary_verify: 'Check one of your credentials with a verifier',
  summary_export: 'Write an encrypted backup of your wallet to a file',
  summary_import: 'Bring back a backup, on this or another computer (nothing is doubled)',
  summary_remove: 'Delete a credential (or a damaged item) from your wallet',
  usage_init: 'skillmark-wallet init',
  usage_did: 'skillmark-wallet did',
  usage_receive: 'skillmark-wallet receive <claim-link | claim-code | file> [--issuer URL] [--wait SECONDS]',
  usage_list: 'skillmark-wallet list [--json]',
  usage_show: 'skillmark-wallet show <number | id> [--json]',
  usage_status: 'skillmark-wallet status [--verifier URL]',
  usage_share: 'skillmark-wallet share <number | id> --out <file> [--disclose NAMES]',
  usage_certificate: 'skillmark-wallet certificate <number | id> --out <file.pdf>',
  usage_present:
    'skillmark-wallet present <number | id>... [--verifier URL] [--challenge C] [--domain D] [--out FILE] [--disclose NAMES]',
  usage_qr: 'skillmark-wallet qr <number | id> [--png <file> | --svg <file> | --text] [--json]',
  usage_verify: 'skillmark-wallet verify <number | id> [--verifier URL]',
  usage_export: 'skillmark-wallet export --out <file>',
  usage_import: 'skillmark-wallet import <backup-file>',
  usage_remove: 'skillmark-wallet remove <number | id> [--yes]',
  details_init:
    'Creates an encrypted wallet file and a new DID (did:key). Give this DID to your training centre\nso your credentials are issued to you. The passphrase protects the wallet: without it nobody,\nincluding you, can open it.',
  details_did:
    'Prints the DID of this wallet. It asks for the passphrase: only the sealed key vouches for the\nDID, since anyone able to edit the wallet file could change the copy in clear.',
  details_receive:
    'Downloads the credential, checks that it is signed, issued to YOUR DID and anchored, then\nstores it in your wallet. A claim code is collected from --issuer (or SKILLMARK_ISSUER_URL).\nWhile the credential is not anchored yet, asks again at most once a second, for --wait seconds.\nA server that sends more than 2 MiB or takes over 20 s for its answer stops it with exit code 6.',
  details_list:
    'Shows each credential with its number and short id (use either with the other commands), who\nand what it is, and where it stands: valid, revoked (when and why), expired, or not checked\nyet (or the last check could not decide), as the last check said. "skillmark-wallet status" checks them all again.\nAn item that cannot be read shows as "damaged"; delete it with: skillmark-wallet remove <number>.',
  details_show:
    'Shows who and what the credential is about, which institution issued it, where it stands (as\nthe last check said) and whether a verifier found it on the ledger; "skillmark-wallet verify"\nchecks it again and remembers the answer. DIDs and other identifiers come last, as details.',
  details_status:
    'Checks every credential in the wallet with the verifier, which asks the ledger: has the\ninstitution revoked it, has it expired, is it still recorded. Prints one line per credential\nand remembers each answer for "skillmark-wallet list". Exit code 0 when all are valid, 4 when\none is not valid, 5 when one could not be checked right now.',
  details_share:
    'Writes the credential and its anchor receipt to a file to send or carry to an employer: they\nopen it on a Skillmark verification page (upload a file), or send it as it is to a verifier\n(POST /credentials/verify); nothing else from you or the institution is needed. The file proves\nthe credential, not who hands it over: bring an identity document with the same name.',
  details_certificate:
    "Downloads the credential's printed certificate (an A4 PDF with its QR code, docs/certificate.md)\nfrom the institution, with the claim code it was collected with. A credential received from a\nfile has no claim code in the wallet: ask the institution for the certificate, or print the QR\ncode yourself (skillmark-wallet qr <number> --png <file>).",
  details_present:
    'With --verifier (default SKILLMARK_VERIFIER_URL or the local verifier): signs a presentation with\nyour key for a one-time challenge and sends it; prints the verdict. The challenge is the one given\nwith --challenge (the employer\'s), or else a new one the wallet asks the verifier for.\nWith --challenge and --out: writes the signed presentation (a JWT) to a file instead, for the\nemployer to verify with the challenge they gave you. A challenge starting with "-" works as\n"--challenge -abc" and as "--challenge=-abc".',
  details_qr:
    "The QR code holds the whole credential and its anchor receipt (docs/qr.md): an employer scans\nit, or pastes its text, and the verifier checks it with nothing else from you.\nA QR code proves nobody's identity: the verifier says the holder was not checked, so bring an\nidentity document with the same name. Print an image at least 4 cm wide, with its white border.\nWithout an option the code is drawn in this terminal (with --plain, its text is printed instead).",
  details_verify:
    'Sends the credential and its anchor receipt to the verifier and prints who and what it is, the\nverdict and every check. The wallet remembers the answer (list and show say where the\ncredential stands); "skillmark-wallet status" checks them all.',
  details_export:
    'Writes your key and every credential to one encrypted file, sealed with a backup passphrase of\nits own (asked twice, or SKILLMARK_BACKUP_PASSPHRASE). Keep the file away from this computer\n(a USB key, your e-mail, a phone): if this computer is lost, "skillmark-wallet import <file>"\nbrings everything back on another one. Nobody can open the file without its passphrase, not\neven the institution: if you forget it, the backup is lost (docs/wallet.md says what to do).',
  details_import:
    'Brings back a backup made by "skillmark-wallet export", with its backup passphrase (or\nSKILLMARK_BACKUP_PASSPHRASE). Where there is no wallet yet, it becomes your wallet, with your\nold DID, under a wallet passphrase you choose. Where the same wallet is already, the credentials\nit lacks are added and none is doubled. It prints what was added.',
  details_remove:
    'Deletes one item for good; damaged items are named by their number in "skillmark-wallet list".\nAsks for confirmation on a terminal; scripts confirm with --yes.',

  // Usage errors and failures of the program itself.
  unknown_command: 'Unknown command "{name}".',
  unknown_command_commands: 'The commands: {commands}. Each one explained: skillmark-wallet --help',
  unknown_command_meant: 'Did you mean "{suggestion}"?',
  unknown_option: 'Unknown option {option}: see the options below.',
  option_needs_value: 'The option {option} needs a value.',
  option_takes_no_value: 'The option {option} takes no value.',
  failed_unexpectedly: 'skillmark-wallet failed unexpectedly: {detail}',

  // The credential in plain words, and where it stands.
  credential_with_level: '{title} ({level})',
  credential_untitled: 'a qualification with no title',
  credential_of_learner: '{learner}, {qualification}',
  credential_from: '{credential}, from {institution}',
  credential_from_claimed: '{credential}, from {institution} (as the credential names it)',
  state_revoked: 'REVOKED on {date} ({reason})',
  state_revoked_unexplained: 'REVOKED on {date}',
  state_revoked_said: 'REVOKED on {date}: {why}',
  /** Revoked on the institution's status list only: the day it was revoked is unknown, {date} is when the wallet found it so. */
  state_revoked_found: 'REVOKED (found on {date})',
  state_expired: 'EXPIRED on {date}',
  state_valid: 'valid when checked on {date}',
  state_invalid: 'NOT VALID when checked on {date} (see: skillmark-wallet verify)',
  state_not_checked: 'not checked yet (received {date})',
  state_undecided: 'could not be checked on {date} (see: skillmark-wallet verify)',
  untitled: '(untitled)',
  occupation_code: 'code',
  damaged_unreadable: 'the credential cannot be read: {detail}',
  damaged_schema: 'it does not match the Skillmark qualification schema: {detail}',
  damaged_exception: 'it cannot be read ({detail})',
  item_not_stored: 'not a stored credential',
  item_missing_field: 'its "{name}" is missing',
  item_bad_receipt: 'its anchor receipt is not valid',
  item_bad_ledger_check: 'its ledger check is not valid',
  item_bad_last_check: 'its last check is not valid',
  item_bad_claim_url: 'its claim URL is not valid',

  // Choosing a credential, shared by several commands.
  say_which_credential: 'Say which credential: its number or id from "skillmark-wallet list".',
  could_not_write: 'Could not write {file} ({code}).',
  ref_ambiguous: {
    one: '"{ref}" matches {count} credential; type more of the id.',
    other: '"{ref}" matches {count} credentials; type more of the id.',
  },
  ref_unknown: 'No credential "{ref}" in this wallet. See them with: skillmark-wallet list',
  item_damaged: 'Item {number} of this wallet is damaged ({reason}). Remove it with: skillmark-wallet remove {number}',
  size_bytes: { one: '{count} byte', other: '{count} bytes' },
  size_characters: { one: '{count} character', other: '{count} characters' },
  duration_seconds: { one: '{count} second', other: '{count} seconds' },

  // The wallet file and its passphrase.
  passphrase_prompt: 'Wallet passphrase:',
  passphrase_repeat: 'Repeat the passphrase:',
  backup_passphrase_prompt: 'Backup passphrase:',
  backup_passphrase_repeat: 'Repeat the backup passphrase:',
  passphrase_cancelled: 'Cancelled.',
  passphrase_too_short_env: 'Choose a passphrase of at least 8 characters ({env} is shorter).',
  passphrase_too_short: 'Choose a passphrase of at least 8 characters.',
  passphrase_none: 'No passphrase: set {env}, or run this in a terminal to be asked for it.',
  passphrase_differ: 'The two passphrases differ; nothing was created.',
  passphrase_differ_again: 'The two passphrases differ. Choose it again.',
  wallet_none: 'No wallet in {dir}. Create one with: skillmark-wallet init',
  wallet_not_json: '{file} is not a wallet file (it is not JSON).',
  wallet_wrong_format: '{file} is not a Skillmark wallet (format {format}).',
  wallet_wrong_passphrase: 'Wrong passphrase, or {file} is damaged or was tampered with.',
  wallet_tampered: '{file} is damaged or was tampered with: {what}.',
  tampered_header: 'its key-derivation settings or its header are not valid',
  tampered_not_json: 'its contents are not JSON',
  tampered_not_wallet: 'its contents are not a wallet',
  tampered_did: 'its DID is not the one of its key',
  wallet_replaced: '{file} was replaced by another wallet while this command ran; nothing was changed.',
  wallet_busy: 'Another skillmark-wallet command is changing {file}; try again in a moment.',

  // Servers: the issuer's claim links, the verifier.
  http_too_large: '{origin} sent an answer larger than {size}; the wallet stopped reading it. Check the address.',
  http_too_slow: '{origin} did not answer in full within {duration}; the wallet gave up. Try again later.',
  http_broke_off: '{origin} broke off its answer. Try again later.',
  http_unreachable: 'Cannot reach {origin} ({cause}). Check the address and your internet connection, then try again.',
  http_cause_refused: 'nothing answers at that address: the service may be stopped',
  http_cause_unknown_name: 'that name is not known: check how it is written',
  http_not_json: '{origin} answered with something that is not JSON (HTTP {status}).',
  setting_out_of_range: '{name} must be a whole number from {min} to {max}, not "{value}".',
  check_not_remembered: 'Could not remember this check in the wallet: {detail}',

  // A verifier's answer.
  verifier_refused: 'The verifier refused the request (HTTP {status}): {detail}',
  no_reason_given: 'no reason given',
  verdict_valid: 'VALID',
  verdict_invalid: 'NOT VALID',
  verdict_unverifiable: 'CANNOT TELL RIGHT NOW',
  overall_valid: 'VALID: every check passed.',
  overall_invalid: 'NOT VALID: at least one check failed.',
  overall_unverifiable: 'CANNOT TELL RIGHT NOW: some checks could not be completed.',
  mark_valid: 'ok',
  mark_invalid: 'NO',
  verified_subject: '{credential}: {verdict}',
  details_issued_by: 'Details: issued by {issuers}',

  // init, did
  init_exists: 'There is already a wallet in {dir}. See its DID with: skillmark-wallet did',
  init_ready: 'Your wallet is ready.',
  init_did: 'Your DID (give it to your training centre): {did}',
  init_stored_in: 'Stored in: {dir}',

  // receive
  receive_say_what: 'Say what to receive: a claim link, a claim code or a file.',
  receive_wait_range: '--wait takes a number of seconds from 0 to 3600.',
  receive_not_a_source: '"{ref}" is not a claim link, a claim code (like ABCD-EFGH-JKMN-PQRS-TVWX) or a file.',
  receive_refused: 'The training centre could not hand over the credential: {detail}',
  receive_code_unknown:
    'No credential matches this claim code. Check it character by character against your certificate, or ask the institution for a new one.',
  receive_code_expired: 'This claim code has expired. Ask the institution for a new one.',
  receive_revoked: 'The institution has revoked this credential: there is nothing to collect.',
  receive_too_many_tries: 'Too many wrong codes from this computer. Wait {duration}, then try again.',
  receive_not_ready:
    'The credential is not ready yet: it is waiting to be recorded on the ledger. Try again in a minute (or add --wait 120).',
  receive_waiting: 'Waiting for the credential to be recorded on the ledger...',
  receive_not_a_file: '{file} is not a credential file (not a file of at most {size}).',
  receive_not_json: '{file} is not a JSON credential file.',
  receive_stored: 'Received and stored as {id}:',
  receive_already: 'You already have this credential ({id}):',
  bundle_not_skillmark: 'This is not a Skillmark credential (expected a SkillmarkCredentialBundle).',
  bundle_unreadable: 'The credential cannot be read: {detail}',
  bundle_schema: 'The credential does not match the Skillmark qualification schema, so it was not stored: {detail}',
  bundle_signature: "The credential's signature does not hold: {detail}",
  bundle_other_subject:
    'This credential was issued to {subject}, not to this wallet ({did}). Ask the institution to issue it to your DID.',
  bundle_no_subject:
    'This credential names no learner DID, so it cannot be presented from a wallet. Give the institution your DID: {did}',
  bundle_bad_receipt: 'The anchor receipt is not valid: {detail}',
  bundle_receipt_other: 'The anchor receipt does not belong to this credential.',

  // list, show, status
  list_empty: 'Your wallet is empty. Collect a credential with: skillmark-wallet receive <claim-link>',
  list_count: {
    one: 'Your wallet holds {count} credential:',
    other: 'Your wallet holds {count} credentials:',
  },
  list_damaged_word: 'damaged',
  list_damaged: '{reason} (remove it with: skillmark-wallet remove {number})',
  show_damaged_word: 'Damaged',
  show_damaged: '{damaged}: item {number} of this wallet cannot be shown: {reason}.',
  show_remove_hint: 'Remove it with: skillmark-wallet remove {number}',
  show_state: 'State',
  show_learner: 'Awarded to',
  show_qualification: 'Qualification',
  show_awarded_on: 'Awarded on',
  show_level: 'Level',
  show_occupation: 'Occupation',
  show_competencies: 'Competencies',
  show_criteria: 'Criteria',
  show_institution: 'Institution',
  show_issued_at: 'Issued at',
  show_expires: 'Expires',
  show_on_ledger: 'On ledger',
  show_id: 'Id',
  show_issuer_did: "Issuer's DID",
  show_details: 'Details (for experts):',
  show_institution_unnamed: 'not named yet (a verifier names it from its registry: skillmark-wallet verify {number})',
  show_institution_registry: '{name} (as the trusted registry names it)',
  show_institution_claimed: '{name} (as the credential names it; no verifier has confirmed it yet)',
  show_expires_never: 'never',
  show_ledger_checked:
    'since {anchoredAt} (checked by {by} at {checkedAt}; chain {chainId}, transaction {transaction}…)',
  show_ledger_not_checked: 'anchor receipt not checked yet (check it with: skillmark-wallet verify {number})',
  show_ledger_none: 'no anchor receipt',
  status_nothing: 'There is no credential to check in this wallet.',

  // share, certificate, qr, present
  share_say_where: 'Say where to write it: skillmark-wallet share <number> --out <file>',
  share_written: 'Credential {id} written to {file}:',
  share_how: 'An employer opens it on a Skillmark verification page, or sends it to POST /credentials/verify.',
  share_no_receipt:
    'It has no anchor receipt, so a verifier cannot find it on the ledger: receive it again once anchored.',
  certificate_say_where: 'Say where to write it: skillmark-wallet certificate <number> --out <file.pdf>',
  certificate_no_claim:
    'Credential {id} was not collected with a claim code, so the wallet cannot ask for its certificate. Ask the institution, or print its QR code: skillmark-wallet qr {ref} --png <file>',
  certificate_not_ready: 'The certificate is not ready yet: try again in a minute.',
  certificate_gone:
    'The institution no longer hands out this certificate with your claim code (the credential was revoked, or the code expired or was replaced). Ask the institution.',
  certificate_not_sent: 'The institution did not send the certificate (HTTP {status}).',
  certificate_selective:
    'An SD-JWT credential has no printed certificate: its QR code would show every detail to whoever scans it. Present it with "present --disclose" instead.',
  certificate_written: 'Certificate of credential {id} written to {file} ({size}).',
  qr_choose_one: 'Choose one of --png, --svg and --text.',
  qr_selective:
    'An SD-JWT credential is not made into a QR code: it would show every detail to whoever scans it. Present it with "present --disclose" instead.',
  qr_no_receipt:
    'This credential has no anchor receipt, and a QR code without one would not verify. Receive it again once it is anchored.',
  qr_too_large: 'This credential is too large for one QR code ({size}).',
  qr_text_follows: 'Credential {id}: QR version {version}. Its text, to paste on a verification page:',
  qr_images: 'Images to print: --png <file> or --svg <file>.',
  qr_drawn: 'Credential {id}: QR version {version}. Images to print: --png <file> or --svg <file>.',
  qr_written: 'Wrote the QR code of credential {id} to {file} (version {version}, {size}).',
  present_say_which: 'Say which credentials to present: their numbers or ids from "skillmark-wallet list".',
  present_out_needs_challenge: "--out needs the employer's --challenge.",
  present_disclose_unknown: 'This credential cannot show {names}. It can show: {available}.',
  present_disclose_question: 'Show {detail} ({value}) to the verifier? [y/N]',
  /** Each detail present asks about, in the learner's words ({detail} above). */
  disclose_name: 'your name',
  disclose_learner_reference: 'your learner number',
  disclose_birth_date: 'your date of birth',
  disclose_started_on: 'the date your training started',
  disclose_competency: 'competency {number}',
  present_selective_alone:
    'Credential {which} lets you choose what to show (SD-JWT), so it is presented on its own: skillmark-wallet present {which}; present the others in another presentation.',
  present_disclose_not_selective:
    '--disclose only applies to SD-JWT credentials; this credential is always shown whole.',
  present_selective_needs_domain:
    "An SD-JWT presentation is bound to its verifier: give --domain (the employer's verifier) with --out.",
  present_written: 'Presentation written to {file} ({size}).',
  present_no_challenge_http: 'The verifier did not give a challenge (HTTP {status}).',
  present_no_challenge: 'The verifier did not give a challenge.',
  present_mixed_data_models:
    'Some of these credentials follow version 1.1 of the credential standard and others version 2.0, and no single presentation carries both for every verifier: present them in two goes, one kind at a time.',

  // export, import, remove
  export_say_where: 'Say where to write the backup: skillmark-wallet export --out <file>',
  export_exists: '{file} exists already; choose another file name for the backup.',
  export_could_not_write: 'Could not write the backup to {file} ({code}).',
  export_written: {
    one: 'Backup of {count} credential written to {file}.',
    other: 'Backup of {count} credentials written to {file}.',
  },
  export_damaged_left_out: {
    one: '{count} damaged item was left out (see: skillmark-wallet list).',
    other: '{count} damaged items were left out (see: skillmark-wallet list).',
  },
  export_keep_away: 'Keep it away from this computer, and remember its passphrase: nobody can recover it.',
  import_say_which: 'Say which backup file to import: skillmark-wallet import <file>',
  import_no_file: 'There is no file {file}.',
  import_too_large: '{file} is not a wallet backup (not a file of at most {size}).',
  import_bad_did: '{file} is damaged: its DID is not the one of its key.',
  import_other_wallet:
    "This backup holds another wallet ({backupDid}) than the one in {dir} ({walletDid}).\nIts credentials are issued to the backup's DID, so they can only be shown from that wallet.\nImport it into a folder without a wallet: SKILLMARK_WALLET_DIR=<new folder> skillmark-wallet import {file}",
  import_restored: 'Wallet restored from {file} (backup of {date}) in {dir}.',
  import_imported: 'Imported {file} (backup of {date}).',
  import_added: { one: 'Added: {count} credential.', other: 'Added: {count} credentials.' },
  import_already_held: 'Already in your wallet, not added again: {count}.',
  import_damaged: 'Damaged items in the backup, left out: {count}.',
  backup_not_backup: '{file} is not a Skillmark wallet backup (made by: skillmark-wallet export).',
  backup_bad_header: '{file} is damaged: its header is not valid.',
  backup_wrong_passphrase: 'Wrong backup passphrase, or {file} is damaged or was changed.',
  backup_not_wallet: '{file} is damaged: its contents are not a wallet.',
  remove_say_which: 'Say which item to remove: its number or id from "skillmark-wallet list".',
  remove_damaged_item: 'item {number} (damaged: {reason})',
  remove_confirm_with_yes: 'Confirm with --yes to remove {what}.',
  remove_question: 'Remove {what} for good? [y/N]',
  remove_yes_answers: 'y, yes',
  remove_nothing: 'Nothing removed.',
  remove_done: 'Removed {what}.',
} as const;

/** The words of the quarterly occupation report's page (issuer/reports/): every language has these keys. */
export const enReport = {
  title: 'Top training occupations',
  quarter: 'Quarter {number} of {year}',
  // The browser tab's title: the report and its quarter, with the language's own colon.
  documentTitle: '{title}: {quarter}',
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
  swipeHint: "Slide the table sideways to see the education levels and each occupation's share.",
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

/** The words printed on a certificate (issuer/certificate/): every language has these keys. */
export const enCertificate = {
  kicker: 'Certificate of qualification',
  certifies: 'This is to certify that',
  awarded: 'has been awarded',
  level: 'Level: {level}',
  occupation: 'Occupation: {occupation}',
  awardedOn: 'Awarded on {date}',
  competencies: 'Competencies',
  competenciesContinued: 'Competencies (continued)',
  checkHeading: 'How to check it',
  check:
    'Scan the code with any Skillmark verifier (or upload this PDF to one) to see that this certificate is genuine and not withdrawn.',
  checkAt:
    'Scan the code with the Skillmark verifier at {url} (or upload this PDF there) to see that this certificate is genuine and not withdrawn.',
  credential: 'Credential {shortId}',
  claimHeading: 'For the learner: collect the digital credential with this claim code',
  claimPrivate: 'Keep the code private: whoever has it can collect the credential.',
};

/** English as a Language (not annotated: the Language type is derived from this file; index.ts checks it). */
export const english = {
  name: 'English',
  dir: 'ltr' as const,
  messages: en,
  labels: enLabels,
  page: enPage,
  wallet: enWallet,
  report: enReport,
  certificate: enCertificate,
};
