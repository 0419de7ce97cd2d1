import { printable } from '../core/printable.ts';
import { EXIT } from './command.ts';
import type { Output } from './output.ts';
import { WalletError } from './store.ts';

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
const entry = (table: Record<string, string>, key: unknown) =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

/** Prints a verifier's answer for a person and returns the exit code it means. */
export function reportVerification(out: Output, status: number, response: unknown): number {
  const body = (typeof response === 'object' && response !== null ? response : {}) as VerificationResponse;
  if (!body.verdict)
    throw new WalletError(
      `The verifier refused the request (HTTP ${status}): ${body.detail ? text(body.detail) : 'no reason given'}`,
    );
  out.result(body);
  const headlines = {
    valid: out.ok('VALID: every check passed.'),
    invalid: out.bad('NOT VALID: at least one check failed.'),
    unverifiable: out.unsure('CANNOT TELL RIGHT NOW: some checks could not be completed.'),
  };
  const headline = entry(headlines, body.verdict) ?? text(body.verdict);
  out.line(headline);
  const marks = {
    valid: out.ok('  ok '),
    invalid: out.bad('  NO '),
    unverifiable: out.unsure('  ?  '),
    skipped: '  -  ',
  };
  const mark = (f: Fragment) => entry(marks, f?.status) ?? '     ';
  for (const f of listOf<Fragment>(body.checks)) out.line(`${mark(f)}${text(f?.message)}`);
  const credentials = listOf<{ checks?: unknown }>(body.credentials);
  credentials.forEach((c, i) => {
    if (credentials.length > 1) out.line(`  Credential ${i + 1}:`);
    for (const f of listOf<Fragment>(c?.checks)) out.line(`${mark(f)}${text(f?.message)}`);
  });
  return body.verdict === 'valid' ? EXIT.ok : body.verdict === 'invalid' ? EXIT.invalid : EXIT.unverifiable;
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
