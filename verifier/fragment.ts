import type { CheckName } from './checks/check-names.ts';
import { message, type ReasonCode } from './messages/index.ts';

export type CheckStatus = 'valid' | 'invalid' | 'unverifiable' | 'skipped';
export type Verdict = 'valid' | 'invalid' | 'unverifiable';

/** The outcome of one independent check, explained. */
export interface CheckFragment {
  check: CheckName;
  status: CheckStatus;
  reason: ReasonCode;
  /** In English; `localized` renders it in another language. */
  message: string;
  /** The values the message is built from. */
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
}

export function fragment(
  check: CheckName,
  status: CheckStatus,
  reason: ReasonCode,
  params: Record<string, string | number> = {},
  details?: Record<string, unknown>,
): CheckFragment {
  return {
    check,
    status,
    reason,
    message: message(reason, params),
    ...(Object.keys(params).length ? { params } : {}),
    ...(details ? { details } : {}),
  };
}

/** The fragment as sent to a client: its message in `language`, without the raw params. */
export function localized(f: CheckFragment, language: string): Omit<CheckFragment, 'params'> {
  const { params, ...rest } = f;
  return language === 'en' ? rest : { ...rest, message: message(f.reason, params, language) };
}

/**
 * The verdict follows from the fragments alone: any invalid check makes the whole invalid; else
 * any check we could not complete makes it unverifiable; skipped checks never decide.
 */
export function verdictOf(fragments: readonly CheckFragment[]): Verdict {
  if (fragments.some((f) => f.status === 'invalid')) return 'invalid';
  if (fragments.some((f) => f.status === 'unverifiable')) return 'unverifiable';
  return 'valid';
}

/** Unverifiable for reasons that may pass if asked again later (network, node down). */
export const TRANSIENT_REASONS: ReadonlySet<ReasonCode> = new Set([
  'ledger_unreachable',
  'ledger_lagging',
  'did_resolution_failed',
]);
