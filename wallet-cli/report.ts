import { EXIT } from './command.ts';
import type { Output } from './output.ts';
import { WalletError } from './store.ts';

interface Fragment {
  check: string;
  status: string;
  message: string;
}

interface VerificationResponse {
  verdict?: string;
  checks?: Fragment[];
  credentials?: { verdict: string; checks: Fragment[] }[];
  detail?: string;
}

/** Prints a verifier's answer for a person and returns the exit code it means. */
export function reportVerification(out: Output, status: number, response: unknown): number {
  const body = (response ?? {}) as VerificationResponse;
  if (!body.verdict) throw new WalletError(`The verifier refused the request (HTTP ${status}): ${body.detail ?? 'no reason given'}`);
  out.result(body);
  const headline = {
    valid: out.ok('VALID: every check passed.'),
    invalid: out.bad('NOT VALID: at least one check failed.'),
    unverifiable: out.unsure('CANNOT TELL RIGHT NOW: some checks could not be completed.'),
  }[body.verdict] ?? body.verdict;
  out.line(headline);
  const mark = (f: Fragment) => ({ valid: out.ok('  ok '), invalid: out.bad('  NO '), unverifiable: out.unsure('  ?  '), skipped: '  -  ' })[f.status] ?? '     ';
  for (const f of body.checks ?? []) out.line(`${mark(f)}${f.message}`);
  (body.credentials ?? []).forEach((c, i) => {
    if ((body.credentials ?? []).length > 1) out.line(`  Credential ${i + 1}:`);
    for (const f of c.checks) out.line(`${mark(f)}${f.message}`);
  });
  return body.verdict === 'valid' ? EXIT.ok : body.verdict === 'invalid' ? EXIT.invalid : EXIT.unverifiable;
}
