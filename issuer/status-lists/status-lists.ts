import type { CredentialFormatName } from '../../core/formats/index.ts';
import { Bitstring } from '../../core/status-list/bitstring.ts';
import {
  type BitstringStatusListEntry,
  bitstringCommitment,
  statusListEntry,
  statusListKey,
} from '../../core/status-list/entry.ts';
import type { IssuerDb } from '../db-schema.ts';
import type { LedgerWriter } from '../ledger-writer.ts';
import type { CurrentSigningKey } from '../signing-key.ts';
import { type Allocation, DEFAULT_LIST_SHAPE, type ListShape, reserveIndexes } from './allocation.ts';
import { signListCredential } from './list-credential.ts';
import { publishPending } from './publication.ts';

/**
 * Indexes reserved at a time: one transaction for this many credentials (a cohort's rows would
 * otherwise pay one each). Those a stop leaves unused are never used: one list in a thousand or so.
 */
const RESERVE = 64;

export interface ServedList {
  token: string;
  mediaType: string;
  /** How many times its bits were committed on the ledger (0: never, every bit clear). */
  version: number;
}

/**
 * The institution's W3C Bitstring Status Lists (docs/status-lists.md): an entry for each new
 * credential, the bit of each revoked one, the commitment on the ledger, and the signed list
 * credential the issuer serves.
 */
export class StatusLists {
  /** Commitments go out one at a time: two would only commit the same bits twice. */
  #publishing: Promise<unknown> = Promise.resolve();
  readonly #signed = new Map<string, { key: string; list: ServedList }>();
  #reserved: Allocation[] = [];
  #reserving: Promise<void> | undefined;

  constructor(
    private readonly db: IssuerDb,
    private readonly writer: LedgerWriter,
    private readonly signingKey: CurrentSigningKey,
    private readonly format: CredentialFormatName,
    /** The issuer's public URL: lists are served under it, at /status-lists/{id}. */
    private readonly baseUrl: string,
    private readonly shape: ListShape = DEFAULT_LIST_SHAPE,
  ) {}

  /**
   * A random free index for a credential about to be signed: its `credentialStatus`, and the list
   * and index its row keeps (credentials.status_list_id, status_list_index).
   */
  async allocate(): Promise<{ entry: BitstringStatusListEntry; listId: string; index: number }> {
    while (this.#reserved.length === 0) await this.#reserve(RESERVE);
    const { listId, listUrl, index } = this.#reserved.pop()!;
    return { entry: statusListEntry(listUrl, index), listId, index };
  }

  /**
   * Makes sure the next `count` allocations are already reserved, in as few transactions as the
   * open list allows: a cohort asks for a chunk's worth at once rather than RESERVE at a time
   * (each reservation is a durable commit; measured, 157 of them were a tenth of a 10,000-row
   * cohort's time on SQLite).
   */
  async reserveAhead(count: number): Promise<void> {
    while (this.#reserved.length < count) await this.#reserve(count - this.#reserved.length);
  }

  /** One reservation at a time: a caller arriving meanwhile waits for it, then looks again. */
  async #reserve(count: number): Promise<void> {
    this.#reserving ??= reserveIndexes(this.db, this.baseUrl, count, this.shape)
      .then((reserved) => {
        this.#reserved.push(...reserved);
      })
      .finally(() => {
        this.#reserving = undefined;
      });
    await this.#reserving;
  }

  /**
   * An entry as long as any real one, for a credential signed only to be checked (a cohort's dry
   * run): it takes no index, and the checks that depend on the credential's size (one QR code) see
   * the size it will have.
   */
  placeholder(): { entry: BitstringStatusListEntry; listId: string; index: number } {
    const index = this.shape.size - 1;
    return { entry: statusListEntry(`${this.baseUrl}/status-lists/${'0'.repeat(36)}`, index), listId: '', index };
  }

  /**
   * Marks the lists of these (now revoked) credentials as changed and commits them on the ledger,
   * in one transaction for all of them. Credentials issued before status lists hold no entry and
   * are left to their per-hash revocation.
   */
  async revoked(credentialIds: readonly string[]): Promise<number> {
    for (let i = 0; i < credentialIds.length; i += 500) {
      const ids = credentialIds.slice(i, i + 500);
      await this.db
        .updateTable('status_lists')
        .set((eb) => ({ dirty: eb('dirty', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('credentials')
            .select('status_list_id')
            .where('id', 'in', ids)
            .where('status_list_id', 'is not', null),
        )
        .execute();
    }
    return this.publish();
  }

  /**
   * Marks the lists of these credentials, about to be revoked by their bits only (no per-hash
   * revocation), so that every commitment of them marks them so on the ledger. Done before any of
   * their bits is set: no commitment holding such a bit can go out unmarked.
   */
  async markBitsOnly(listIds: readonly string[]): Promise<void> {
    for (let i = 0; i < listIds.length; i += 500)
      await this.db
        .updateTable('status_lists')
        .set({ bits_only: 1 })
        .where('id', 'in', listIds.slice(i, i + 500))
        .execute();
  }

  /** Commits every list with revocations not yet on the ledger (also after a failure, at start). */
  publish(): Promise<number> {
    const run = this.#publishing.then(() => publishPending(this.db, this.writer));
    this.#publishing = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the committed lists back from the chain, as the anchoring worker does with anchors and
   * revocations: a list whose commitment the chain lost (a block dropped, a node restarted from an
   * older state) or never recorded (a crash after sending) is committed again. Run by the
   * anchoring worker's watch.
   */
  async watch(): Promise<void> {
    const lists = await this.db
      .selectFrom('status_lists')
      .select(['id', 'url', 'published_list', 'dirty', 'bits_only'])
      .where((eb) => eb.or([eb('published_list', 'is not', null), eb('dirty', '>', 0)]))
      .execute();
    if (lists.length === 0) return;
    const did = this.signingKey.current().did;
    let lost = false;
    for (const list of lists) {
      if (list.dirty > 0 || list.published_list === null) {
        lost ||= list.dirty > 0;
        continue;
      }
      const onChain = await this.writer.registry.statusListOf(did, statusListKey(list.url));
      const same = onChain.bitsHash === bitstringCommitment(Bitstring.decode(list.published_list).bytes);
      if (same && (list.bits_only === 0 || onChain.bitsOnly)) continue;
      await this.db
        .updateTable('status_lists')
        .set((eb) => ({ dirty: eb('dirty', '+', 1) }))
        .where('id', '=', list.id)
        .execute();
      lost = true;
    }
    if (lost) await this.publish();
  }

  /**
   * The lists as last committed: a list with no revocation left to commit (`dirty` 0) holds on the
   * ledger every bit set before, in the transaction `published_tx`, mined at `published_at`.
   */
  committed(listIds: readonly string[]) {
    return this.db
      .selectFrom('status_lists')
      .select(['id', 'dirty', 'published_at', 'published_tx'])
      .where('id', 'in', listIds)
      .execute();
  }

  /** The signed list credential as last committed, or undefined for an unknown list. */
  async served(listId: string): Promise<ServedList | undefined> {
    const row = await this.db
      .selectFrom('status_lists')
      .select(['url', 'purpose', 'size', 'created_at', 'published_list', 'published_version', 'published_at'])
      .where('id', '=', listId)
      .executeTakeFirst();
    if (!row) return undefined;
    const identity = this.signingKey.current();
    // Signed again only when the committed bits or the signing key change.
    const key = `${row.published_version}:${row.published_at}:${identity.did}`;
    const cached = this.#signed.get(listId);
    if (cached?.key === key) return cached.list;
    const signed = await signListCredential(
      {
        url: row.url,
        purpose: row.purpose,
        encodedList: row.published_list ?? new Bitstring(row.size).encode(),
        publishedAt: new Date(row.published_at ?? row.created_at),
      },
      this.format,
      identity,
    );
    const list = { ...signed, version: row.published_version };
    this.#signed.set(listId, { key, list });
    return list;
  }
}
