import { printable } from '../core/printable.ts';
import { EXIT } from './command.ts';
import type { CredentialDescription } from './describe.ts';
import type { Output } from './output.ts';
import { credentialLine } from './plain-words.ts';
import { revocationReasonOf } from './revocation-reason.ts';
import { type LastCheck, WalletError } from './store.ts';
import { columns, moment, padTo, t } from './words.ts';

interface Fragment {
  check?: unknown;
  status?: unknown;
  message?: unknown;
}

interface VerificationResponse {
  verdict?: unknown;
  checks?: unknown;
  credentials?: unknown;
  detail?: unknown;
}

/** A verifier's list, or nothing when what it sent is not a list: its answer is not trusted to be well formed. */
const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const text = (value: unknown) => printable(typeof value === 'string' ? value : String(value ?? ''));
/** A moment in a verifier's sentence (`2026-12-01T10:05:38.000Z`), as the verification page also rewrites it. */
const MOMENT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;
/** A verifier's sentence with its moments written the wallet's language's way ("1 décembre 2026 à 10:05 UTC"). */
const readableMoments = (sentence: string) => sentence.replace(MOMENT, moment);
const entry = (table: Record<string, string>, key: unknown) =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

interface Summary {
  learnerName?: unknown;
  qualificationTitle?: unknown;
  level?: unknown;
  institution?: { name?: unknown };
  issuerDid?: unknown;
}

/** A verifier's text, or undefined: its answer is not trusted to be well formed. */
const optionalText = (value: unknown) => (typeof value === 'string' && value !== '' ? printable(value) : undefined);

/**
 * The institution as the trusted registry names it: the summary's, else the name the accreditation
 * check found on the registry (a verifier whose registry has no name of its own gives no summary one).
 */
function registryName(summary: Summary | undefined, checks: unknown): string | undefined {
  const accredited = listOf<Fragment & { details?: { name?: unknown } }>(checks).find(
    (f) => f?.check === 'issuer_accredited' && f.status === 'valid',
  );
  return optionalText(summary?.institution?.name) ?? optionalText(accredited?.details?.name);
}

/**
 * The credential in plain words: the verifier's summary first (its institution name comes from the
 * trusted registry), else what the wallet read from the credential itself.
 */
function who(summary: Summary | undefined, checks: unknown, local: CredentialDescription | undefined): string {
  const registered = registryName(summary, checks);
  return credentialLine({
    learner: optionalText(summary?.learnerName) ?? local?.learner,
    title: optionalText(summary?.qualificationTitle) ?? local?.title,
    level: optionalText(summary?.level) ?? local?.level,
    institution: registered ? { name: registered, namedBy: 'registry' } : local?.institution,
  });
}

/**
 * Prints a verifier's answer for a person and returns the exit code it means: each credential in
 * plain words with its verdict, then the checks; the issuer's DID only in the details.
 * `local` holds the wallet's own descriptions of the credentials sent, in the same order.
 */
export function reportVerification(
  out: Output,
  status: number,
  response: unknown,
  local: readonly CredentialDescription[] = [],
): number {
  const body = (typeof response === 'object' && response !== null ? response : {}) as VerificationResponse;
  if (!body.verdict)
    throw new WalletError(
      t('verifier_refused', { status, detail: body.detail ? text(body.detail) : t('no_reason_given') }),
    );
  out.result(body);
  const verdicts = {
    valid: out.ok(t('verdict_valid')),
    invalid: out.bad(t('verdict_invalid')),
    unverifiable: out.unsure(t('verdict_unverifiable')),
  };
  const verdictWord = (verdict: unknown) => entry(verdicts, verdict) ?? text(verdict);
  // Each check's mark in one column, as wide as the language's words for passed and failed.
  const width = Math.max(3, columns(t('mark_valid')) + 1, columns(t('mark_invalid')) + 1);
  const marks = {
    valid: out.ok(padTo(`  ${t('mark_valid')}`, width + 2)),
    invalid: out.bad(padTo(`  ${t('mark_invalid')}`, width + 2)),
    unverifiable: out.unsure(padTo('  ?', width + 2)),
    skipped: padTo('  -', width + 2),
  };
  const mark = (f: Fragment) => entry(marks, f?.status) ?? ' '.repeat(width + 2);
  const printChecks = (checks: unknown) => {
    for (const f of listOf<Fragment>(checks)) out.line(`${mark(f)}${readableMoments(text(f?.message))}`);
  };
  const issuers: string[] = [];
  const noteIssuer = (summary: Summary | undefined, d: CredentialDescription | undefined) => {
    const did = optionalText(summary?.issuerDid) ?? d?.issuer;
    if (did && !issuers.includes(did)) issuers.push(did);
  };

  const credentials = listOf<{ verdict?: unknown; checks?: unknown; summary?: Summary }>(body.credentials);
  if (credentials.length === 0) {
    // One credential: its verifier's answer is the credential's.
    const summary = (body as { summary?: Summary }).summary;
    out.line(
      t('verified_subject', { credential: who(summary, body.checks, local[0]), verdict: verdictWord(body.verdict) }),
    );
    printChecks(body.checks);
    noteIssuer(summary, local[0]);
  } else {
    const overall = {
      valid: out.ok(t('overall_valid')),
      invalid: out.bad(t('overall_invalid')),
      unverifiable: out.unsure(t('overall_unverifiable')),
    };
    out.line(entry(overall, body.verdict) ?? text(body.verdict));
    printChecks(body.checks);
    credentials.forEach((c, i) => {
      out.line(
        t('verified_subject', { credential: who(c?.summary, c?.checks, local[i]), verdict: verdictWord(c?.verdict) }),
      );
      printChecks(c?.checks);
      noteIssuer(c?.summary, local[i]);
    });
  }
  if (issuers.length) out.line(t('details_issued_by', { issuers: issuers.join(', ') }));
  return body.verdict === 'valid' ? EXIT.ok : body.verdict === 'invalid' ? EXIT.invalid : EXIT.unverifiable;
}

/**
 * What to remember of a verifier's answer on one credential (`POST /credentials/verify`). A
 * revocation from its `not_revoked` check (the ledger's record: when, and the reason's code); else,
 * one its `status_list` check found (an institution that revokes many at once sets only their bits
 * on its status list, docs/status-lists.md): no date nor reason then, only that it was found revoked.
 */
export function lastCheckOf(response: unknown, by: string, at: Date): LastCheck | undefined {
  const body = (typeof response === 'object' && response !== null ? response : {}) as VerificationResponse & {
    summary?: Summary;
  };
  const verdict = body.verdict;
  if (verdict !== 'valid' && verdict !== 'invalid' && verdict !== 'unverifiable') return undefined;
  const institution = registryName(body.summary, body.checks);
  const checks = listOf<Fragment & { reason?: unknown; details?: { revokedAt?: unknown; reasonCode?: unknown } }>(
    body.checks,
  );
  const revocation = checks.find((f) => f?.check === 'not_revoked' && f.status === 'invalid');
  const onList = checks.find(
    (f) => f?.check === 'status_list' && f.status === 'invalid' && f.reason === 'status_list_revoked',
  );
  const revokedAt = optionalText(revocation?.details?.revokedAt);
  const reason = revocationReasonOf(revocation?.details?.reasonCode);
  const revoked: LastCheck['revoked'] = revocation
    ? { at: revokedAt ?? at.toISOString(), ...(reason ? { reason } : {}), why: text(revocation.message) }
    : onList
      ? { at: at.toISOString(), why: text(onList.message), dateUnknown: true }
      : undefined;
  return {
    at: at.toISOString(),
    by,
    verdict,
    ...(institution ? { institution } : {}),
    ...(revoked ? { revoked } : {}),
  };
}

/** When the verifier's `anchored` check found the credential's root on the ledger, that time; else undefined. */
export function anchoredOnLedgerAt(response: unknown): string | undefined {
  const checks = listOf<{ check?: unknown; status?: unknown; details?: { anchoredAt?: unknown } }>(
    (response as VerificationResponse | undefined)?.checks,
  );
  const anchored = checks.find((f) => f?.check === 'anchored' && f.status === 'valid');
  const at = anchored?.details?.anchoredAt;
  return typeof at === 'string' && at.length <= 40 && !Number.isNaN(Date.parse(at)) ? at : undefined;
}
