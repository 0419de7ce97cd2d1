import { HttpProblem } from '../core/http-problem.ts';
import { claimCodeHash, newClaimCode } from './claim-code.ts';
import type { IssuerDb } from './db-schema.ts';

const DAY_MS = 86_400_000;

export interface ClaimCodeGrant {
  code: string;
  expiresAt: string;
}

/**
 * The life of claim codes: each expires a set number of days after it was handed out (with the
 * credential, or later by renew), and renewing hands out a new code that replaces the old one.
 */
export class ClaimCodes {
  constructor(
    private readonly db: IssuerDb,
    private readonly ttlDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  expiryOf(handedOutAt: Date | string): string {
    return new Date(new Date(handedOutAt).getTime() + this.ttlDays * DAY_MS).toISOString();
  }

  /** Whether a code handed out then has expired by now. */
  expired(handedOutAt: Date | string): boolean {
    return this.expiryOf(handedOutAt) <= this.now().toISOString();
  }

  /** Whether the code names a credential, and whether it may still be used. */
  async check(code: string): Promise<'unknown' | 'expired' | 'current'> {
    const row = await this.db
      .selectFrom('credentials')
      .select(['issued_at', 'claim_code_issued_at'])
      .where('claim_code_hash', '=', claimCodeHash(code))
      .executeTakeFirst();
    if (!row) return 'unknown';
    return this.expired(row.claim_code_issued_at ?? row.issued_at) ? 'expired' : 'current';
  }

  /** A new code for the credential; the old one stops working at once. */
  async renew(credentialId: string): Promise<ClaimCodeGrant> {
    const row = await this.db
      .selectFrom('credentials')
      .select('status')
      .where('id', '=', credentialId)
      .executeTakeFirst();
    if (!row)
      throw new HttpProblem(404, 'Unknown credential', `No credential with id ${credentialId} was issued here.`);
    if (row.status === 'revoked')
      throw new HttpProblem(409, 'Credential revoked', 'The credential is revoked: there is nothing left to collect.');
    const code = newClaimCode();
    const now = this.now();
    await this.db
      .updateTable('credentials')
      .set({ claim_code_hash: claimCodeHash(code), claim_code_issued_at: now.toISOString() })
      .where('id', '=', credentialId)
      .execute();
    return { code, expiresAt: this.expiryOf(now) };
  }
}
