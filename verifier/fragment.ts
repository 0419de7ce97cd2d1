import { message, type ReasonCode } from '../core/messages/index.ts';
import type { CheckName } from './checks/check-names.ts';

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
  /** A remark on where the answer came from (e.g. a trust bundle instead of the live ledger), also appended to `message`. */
  note?: CheckNote;
}

export interface CheckNote {
  reason: ReasonCode;
  message: string;
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

/** The fragment with a note, whose sentence follows the fragment's own. */
export function withNote(
  f: CheckFragment,
  reason: ReasonCode,
  params: Record<string, string | number>,
  details?: Record<string, unknown>,
): CheckFragment {
  const note = { reason, message: message(reason, params), params, ...(details ? { details } : {}) };
  return { ...f, message: `${f.message} ${note.message}`, note };
}

/** The fragment as sent to a client: its message (and note) in `language`, without the raw params. */
export function localized(f: CheckFragment, language: string): Omit<CheckFragment, 'params'> {
  const { params, note, ...rest } = f;
  if (!note) return language === 'en' ? rest : { ...rest, message: message(f.reason, params, language) };
  const { params: noteParams, ...noteRest } = note;
  const noteMessage = message(note.reason, noteParams, language);
  return {
    ...rest,
    message: `${message(f.reason, params, language)} ${noteMessage}`,
    note: { ...noteRest, message: noteMessage },
  };
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
  'status_list_unreachable',
  'status_list_mismatch',
]);
