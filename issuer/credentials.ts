import type { Selectable } from 'kysely';
import { RevocationReason, type RevocationReasonName } from '../contracts/registry.ts';
import { failpoint } from '../core/failpoint.ts';
import { HttpProblem } from '../core/http-problem.ts';
import { insertRows } from '../core/insert-rows.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { SHORT_ID, shortIdOf } from '../core/short-id.ts';
import { qualificationFieldsOf } from './certificate/certificate-content.ts';
import { claimCodeHash } from './claim-code.ts';
import { DEFAULT_ISSUING, type IssuingSettings } from './credential-to-sign.ts';
import type { CredentialStatus, IssuerDb, IssuerTables } from './db-schema.ts';
import { LedgerWriteError, type LedgerWriter } from './ledger-writer.ts';
import { qrCodeTextOf } from './qr-code.ts';
import { receiptOf, receiptsReady } from './receipts.ts';
import type { RevocationOutcome } from './revocations/outcome.ts';
import { revokeMany } from './revocations/revoke-many.ts';
import { type CredentialListing, listCredentials } from './search/search-credentials.ts';
import { insertQualificationTerms, TERM_ROWS_PER_STATEMENT } from './search/store-terms.ts';
import { distinctQualificationTerms } from './search/terms-of-credential.ts';
import { idsOfShortId } from './short-id-lookup.ts';
import {
  type IssuedCredential,
  type SignedCredential,
  type StatusAllocation,
  signCredential,
} from './sign-credential.ts';
import type { CurrentSigningKey } from './signing-key.ts';
import type { StatusLists } from './status-lists/status-lists.ts';

/** What a learner's wallet receives: the signed credential and the receipt of its anchor. */
export interface CredentialBundle {
  type: 'SkillmarkCredentialBundle';
  credential: string;
  anchorReceipt: AnchorReceipt;
  /** The same, as the text of one QR code (docs/qr.md). */
  qr?: string;
}

export type { IssuedCredential, SignedCredential } from './sign-credential.ts';

/** What stores a signed credential: its row, its signed text, its report row and its search terms. */
export type CredentialRows = Pick<SignedCredential, 'row' | 'document' | 'statistics' | 'terms'>;

/** Credentials inserted a statement at a time (13 columns each, under SQLite's 32,766 parameters). */
const STORE_CHUNK = 500;

export interface CredentialSummary {
  id: string;
  /** core/short-id.ts: what the wallet and the certificate show. */
  shortId: string;
  status: CredentialStatus;
  credentialHash: string;
  subject: { id?: string; learnerReference?: string };
  /** The learner's name as the signed credential states it (read from it: no column holds it). */
  learnerName?: string;
  qualification: string;
  issuedAt: string;
  revokedAt?: string;
  revocationReason?: RevocationReasonName;
}

const reasonName = (code: number | null): RevocationReasonName | undefined =>
  code === null
    ? undefined
    : (Object.keys(RevocationReason) as RevocationReasonName[]).find((k) => RevocationReason[k] === code);

type CredentialWithProof = Selectable<IssuerTables['credentials']> & { proof: string | null };

/** The learner's name in a credential this issuer signed; undefined if it names none or cannot be read. */
function learnerNameOf(jwt: string | undefined): string | undefined {
  if (jwt === undefined) return undefined;
  try {
    return qualificationFieldsOf(jwt).name;
  } catch {
    return undefined;
  }
}

function summary(row: Selectable<IssuerTables['credentials']>, jwt?: string): CredentialSummary {
  const learnerName = learnerNameOf(jwt);
  return {
    id: row.id,
    shortId: shortIdOf(row.credential_hash),
    status: row.status,
    credentialHash: row.credential_hash,
    subject: {
      ...(row.subject_did ? { id: row.subject_did } : {}),
      ...(row.learner_reference ? { learnerReference: row.learner_reference } : {}),
    },
    ...(learnerName ? { learnerName } : {}),
    qualification: row.qualification_title,
    issuedAt: row.issued_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.revocation_reason !== null ? { revocationReason: reasonName(row.revocation_reason) } : {}),
  };
}

/** Issuing, listing, claiming and revoking the institution's credentials. */
export class CredentialService {
  constructor(
    private readonly db: IssuerDb,
    private readonly signingKey: CurrentSigningKey,
    private readonly writer: LedgerWriter,
    private readonly ledger: { chainId: number; registry: string },
    /** ANCHOR_BATCH_SIZE: the largest batch, so the longest receipt proof a credential can get. */
    private readonly maxBatchSize: number,
    /** The format, education levels, issuable types and institution name issue requests are read with. */
    private readonly issuing: IssuingSettings = DEFAULT_ISSUING,
    /** Gives each new credential a status list entry and sets its bit when it is revoked; absent: per-hash revocation only. */
    private readonly statusLists?: StatusLists,
    private readonly log: (message: string) => void = console.error,
  ) {}

  readonly #revoking = new Set<string>();

  /** Signs a qualification credential and stores it, pending anchoring, in one step. */
  async issue(request: Record<string, unknown>, now = new Date()): Promise<IssuedCredential> {
    const signed = await this.sign(request, now);
    await this.db.transaction().execute((trx) => this.store(trx, [signed]));
    failpoint('issue:after-store');
    return signed.issued;
  }

  /**
   * Status list entries for `count` credentials about to be signed elsewhere (a cohort's page, in
   * the signing pool), from one reservation; none where the issuer keeps no status lists.
   */
  async statusEntries(count: number): Promise<(StatusAllocation | undefined)[]> {
    const lists = this.statusLists;
    if (!lists) return new Array(count).fill(undefined);
    await lists.reserveAhead(count);
    const entries: StatusAllocation[] = [];
    for (let i = 0; i < count; i++) entries.push(await lists.allocate());
    return entries;
  }

  /**
   * Checks and signs an issue request, storing nothing: `store` then keeps it, in a transaction of
   * the caller's (a cohort stores a page of credentials with its rows, issuer/cohorts/issue-page.ts).
   */
  async sign(
    request: Record<string, unknown>,
    now = new Date(),
    /** false for a credential only checked, never issued (a cohort's dry run): it takes no status list index (a placeholder as long). */
    withStatus = true,
  ): Promise<SignedCredential> {
    return signCredential(request, this.signingKey.current(), now, this.issuing, this.maxBatchSize, () =>
      withStatus ? this.statusLists?.allocate() : this.statusLists?.placeholder(),
    );
  }

  /**
   * Stores signed credentials, pending anchoring, with their report and search rows, in the
   * caller's transaction: the occupation report never counts a credential that was not stored,
   * nor misses one.
   */
  async store(trx: IssuerDb, signed: readonly CredentialRows[]): Promise<void> {
    // SQLite allows 32766 parameters a statement: 500 rows of at most 13 columns stay under it.
    for (let i = 0; i < signed.length; i += STORE_CHUNK) {
      const chunk = signed.slice(i, i + STORE_CHUNK);
      await insertRows(
        trx,
        'credentials',
        chunk.map((s) => s.row),
      );
      await insertRows(
        trx,
        'credential_jwts',
        chunk.map((s) => s.document),
      );
      await insertRows(
        trx,
        'credential_statistics',
        chunk.flatMap((s) => (s.statistics ? [s.statistics] : [])),
      );
      const terms = chunk.flatMap((s) => s.terms.name);
      for (let j = 0; j < terms.length; j += TERM_ROWS_PER_STATEMENT)
        await insertRows(trx, 'credential_terms', terms.slice(j, j + TERM_ROWS_PER_STATEMENT));
      await insertQualificationTerms(trx, distinctQualificationTerms(chunk.map((s) => s.terms)));
    }
  }

  /**
   * The credential's id, given it or its short id (as a clerk reads it off a certificate or a
   * learner's wallet): found by the hash range it opens, on the hash's index.
   */
  async idOf(idOrShortId: string): Promise<string> {
    if (!SHORT_ID.test(idOrShortId)) return idOrShortId;
    const found = await idsOfShortId(this.db, idOrShortId);
    if (found.length === 0)
      throw new HttpProblem(404, 'Unknown credential', `No credential with short id ${idOrShortId} was issued here.`);
    if (found.length > 1)
      throw new HttpProblem(
        409,
        'Short id shared',
        `More than one credential has the short id ${idOrShortId}: use the full id (search by the learner's name to find it).`,
      );
    return found[0]!;
  }

  /** Newest first, narrowed by the filters; `before` (+ `beforeId`) continues a listing (issuer/search/). */
  async list(options: CredentialListing): Promise<CredentialSummary[]> {
    const rows = await listCredentials(this.db, options);
    if (rows.length === 0) return [];
    const documents = await this.db
      .selectFrom('credential_jwts')
      .select(['credential_id', 'jwt'])
      .where(
        'credential_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const jwtOf = new Map(documents.map((d) => [d.credential_id, d.jwt]));
    return rows.map((row) => summary(row, jwtOf.get(row.id)));
  }

  async get(
    id: string,
  ): Promise<CredentialSummary & { credential: string; anchorReceipt?: AnchorReceipt; qr?: string }> {
    const row = await this.#withDocuments().where('credentials.id', '=', id).executeTakeFirst();
    if (!row) throw new HttpProblem(404, 'Unknown credential', `No credential with id ${id} was issued here.`);
    const receipt = await this.#receipt(row);
    const qr = receipt && qrCodeTextOf(row.jwt, receipt);
    return {
      ...summary(row, row.jwt),
      credential: row.jwt,
      ...(receipt ? { anchorReceipt: receipt } : {}),
      ...(qr ? { qr } : {}),
    };
  }

  /** The learner's collection: the bundle once anchored; 202-style pending before; gone if revoked. */
  async claim(code: string): Promise<{ state: 'ready'; bundle: CredentialBundle } | { state: 'pending' | 'revoked' }> {
    const row = await this.#withDocuments().where('claim_code_hash', '=', claimCodeHash(code)).executeTakeFirst();
    if (!row)
      throw new HttpProblem(
        404,
        'Unknown claim code',
        'No credential matches this claim code. Check the code on your certificate.',
      );
    if (row.status === 'revoked') return { state: 'revoked' };
    const receipt = await this.#receipt(row);
    if (!receipt) return { state: 'pending' };
    const qr = qrCodeTextOf(row.jwt, receipt);
    return {
      state: 'ready',
      bundle: { type: 'SkillmarkCredentialBundle', credential: row.jwt, anchorReceipt: receipt, ...(qr ? { qr } : {}) },
    };
  }

  /**
   * Revokes on the ledger, then records it; a pending credential is also kept out of any batch.
   * If the ledger already holds the revocation (a retry after a crash), the record is repaired
   * from the ledger instead of failing.
   */
  async revoke(
    id: string,
    reason: RevocationReasonName,
  ): Promise<{ transactionHash?: string; revokedAt: string; reason: RevocationReasonName }> {
    const row = await this.db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpProblem(404, 'Unknown credential', `No credential with id ${id} was issued here.`);
    if (row.status === 'revoked')
      throw new HttpProblem(409, 'Already revoked', `Credential ${id} was revoked at ${row.revoked_at}.`);
    if (this.#revoking.has(id))
      throw new HttpProblem(409, 'Revocation in progress', `Credential ${id} is being revoked by another request.`);
    this.#revoking.add(id);
    try {
      const done = await this.#revokeOnLedger(row.credential_hash, reason);
      await this.db
        .updateTable('credentials')
        // Read back from the chain until final (anchoring worker): a lost block is revoked again.
        .set({
          status: 'revoked',
          revoked_at: done.revokedAt,
          revocation_reason: RevocationReason[done.reason],
          revocation_tx: done.transactionHash ?? null,
        })
        .where('id', '=', id)
        .execute();
      await this.#setStatusBits([id]);
      return done;
    } finally {
      this.#revoking.delete(id);
    }
  }

  /**
   * Many at once, a chunk per ledger transaction, with the guarantees of `revoke` for each; a mass
   * revocation of credentials carrying a status entry by their bits only (issuer/revocations/).
   */
  async revokeMany(ids: readonly string[], reason: RevocationReasonName): Promise<RevocationOutcome[]> {
    const { outcomes, byBits } = await revokeMany(this.db, this.writer, this.#revoking, ids, reason, this.statusLists);
    await this.#setStatusBits(
      outcomes.flatMap((o) => (o.outcome === 'revoked' && !byBits.has(o.id.toLowerCase()) ? [o.id.toLowerCase()] : [])),
    );
    return outcomes;
  }

  /**
   * Commits the revoked credentials' status list bits on the ledger. The revocation already holds
   * (on the ledger, per hash): a failure here leaves the lists marked, committed at the next
   * revocation or start, and is logged rather than failing the request.
   */
  async #setStatusBits(ids: string[]): Promise<void> {
    if (!this.statusLists || ids.length === 0) return;
    await this.statusLists.revoked(ids).catch((error: unknown) => {
      this.log(`status lists not yet committed on the ledger (retried later): ${(error as Error).message}`);
    });
  }

  async #revokeOnLedger(
    hash: string,
    reason: RevocationReasonName,
  ): Promise<{ transactionHash?: string; revokedAt: string; reason: RevocationReasonName }> {
    let mined;
    try {
      mined = await this.writer.send('revoke', [hash, RevocationReason[reason]]);
    } catch (error) {
      if (!(error instanceof LedgerWriteError) || !error.message.includes('AlreadyRevoked')) throw error;
      const institutionId = await this.writer.registry.institutionOfSigner(this.writer.address);
      const onChain = await this.writer.registry.revocation(institutionId, hash);
      return {
        revokedAt: new Date(onChain.revokedAt * 1000).toISOString(),
        reason: reasonName(onChain.reason) ?? 'unspecified',
      };
    }
    return {
      transactionHash: mined.hash,
      revokedAt: (await this.writer.blockTime(mined.blockNumber)).toISOString(),
      reason,
    };
  }

  /** Credentials with their signed text and, once in a batch, their proof (a receipt needs the batch mined too). */
  #withDocuments() {
    return this.db
      .selectFrom('credentials')
      .innerJoin('credential_jwts', 'credential_jwts.credential_id', 'credentials.id')
      .leftJoin('credential_proofs', 'credential_proofs.credential_id', 'credentials.id')
      .selectAll('credentials')
      .select(['credential_jwts.jwt', 'credential_proofs.proof']);
  }

  async #receipt(row: CredentialWithProof): Promise<AnchorReceipt | undefined> {
    if (!row.batch_root || !row.proof) return undefined;
    const batch = await this.db
      .selectFrom('batches')
      .selectAll()
      .where('merkle_root', '=', row.batch_root)
      .executeTakeFirst();
    return batch && receiptsReady(batch.state) ? receiptOf(row, batch, this.ledger) : undefined;
  }
}
