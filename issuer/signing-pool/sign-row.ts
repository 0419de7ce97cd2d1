import type { KeyObject } from 'node:crypto';
import { HttpProblem } from '../../core/http-problem.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import type { IssuingSettings } from '../credential-to-sign.ts';
import { type SignedCredential, type StatusAllocation, signCredential } from '../sign-credential.ts';

/** A cohort row to sign: its issue request, and the status list entry taken for it on the main thread. */
export interface RowToSign {
  request: Record<string, unknown>;
  /** Absent: no status entry (an issuer without status lists). A dry run passes StatusLists.placeholder(). */
  status?: StatusAllocation;
}

/** Why a row's request was refused: its HttpProblem (below 500), as data that crosses threads. */
export interface Refusal {
  status: number;
  title: string;
  detail: string;
  /** The problem's other members, `errors` among them (validate-row.ts names the columns from it). */
  extra: Record<string, unknown>;
}

/** A row's signed credential, as CredentialService.sign gives it, or its refusal. */
export type SignedRow = { signed: SignedCredential } | { refused: Refusal };

/** The signing key a chunk is signed with: held in memory only, handed to the thread within the process. */
export interface SigningKeyMaterial {
  did: string;
  kid: string;
  privateKey: KeyObject;
}

/** What a signing thread is given once: what decides what is issued. */
export interface SigningSettings {
  issuing: IssuingSettings;
  maxBatchSize: number;
}

/** The refusal as the HttpProblem it was, for what reads problems (validate-row.ts rowErrorsOfProblem). */
export function problemOf(refusal: Refusal): HttpProblem {
  return new HttpProblem(refusal.status as HttpProblem['status'], refusal.title, refusal.detail, refusal.extra);
}

/**
 * Signs a chunk of rows, as CredentialService.sign would each. A refused request is the row's
 * answer; anything else (a bug, an error of 500 or more) fails the chunk, as checkRow lets it fail
 * the job.
 */
export async function signRows(
  rows: readonly RowToSign[],
  key: SigningKeyMaterial,
  now: Date,
  settings: SigningSettings,
): Promise<SignedRow[]> {
  const identity = { did: key.did, joseSigner: nodeJoseSigner(key.privateKey, key.kid) };
  const signed: SignedRow[] = [];
  for (const row of rows) {
    try {
      signed.push({
        signed: await signCredential(
          row.request,
          identity,
          now,
          settings.issuing,
          settings.maxBatchSize,
          () => row.status,
        ),
      });
    } catch (error) {
      if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
      signed.push({
        refused: { status: error.status, title: error.title, detail: error.detail, extra: { ...error.extra } },
      });
    }
  }
  return signed;
}
