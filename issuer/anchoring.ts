import { setTimeout as sleep } from 'node:timers/promises';
import { Transaction } from 'ethers';
import { sql } from 'kysely';
import { failpoint } from '../core/failpoint.ts';
import { buildTree, leafOf, sha256 } from '../core/merkle.ts';
import { LedgerWriteError, type LedgerWriter } from './ledger-writer.ts';
import type { IssuerDb, IssuerTables } from './schema.ts';

export interface AnchoringOptions {
  /** Close a batch when this many credentials wait ... */
  maxBatchSize: number;
  /** ... or when the oldest has waited this long. */
  maxWaitMs: number;
  /** Blocks on top of the anchoring block before its receipts are handed out (reorg safety). */
  confirmations?: number;
  pollMs?: number;
  log?: (message: string) => void;
}

/** What the anchoring worker is doing, for operators (GET /anchoring). */
export interface AnchoringStatus {
  pendingCredentials: number;
  oldestPendingSince?: string;
  batchesInFlight: number;
  lastAnchoredAt?: string;
  lastError?: { message: string; at: string; attempts: number };
}

type Batch = IssuerTables['batches'];
const hex = (b: Buffer) => `0x${b.toString('hex')}`;
const bytes = (h: string) => Buffer.from(h.slice(2), 'hex');

/** Merkle tree of a batch: leaves are the double-hashed credential hashes. */
export function batchTree(credentialHashes: readonly string[]) {
  return buildTree(credentialHashes.map((h) => leafOf(bytes(h), sha256)), sha256);
}

/**
 * Anchors pending credentials in Merkle batches, one registry transaction per batch.
 *
 * Crash safety: each step is a durable state change made before the next step's side effect.
 * A batch is `open` (credentials assigned, root known), then `sent` (the signed transaction is
 * stored before it is broadcast), then `anchored` (receipts written). After a crash the worker
 * resumes each batch from its stored state; a stored transaction is re-broadcast, never re-signed
 * while it may still be mined, and the registry refuses a root anchored twice.
 */
export class AnchoringWorker {
  #stopped = true;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  readonly #log: (message: string) => void;
  #lastError: AnchoringStatus['lastError'];

  constructor(private readonly db: IssuerDb, private readonly writer: LedgerWriter, private readonly options: AnchoringOptions) {
    this.#log = options.log ?? ((m) => console.log(m));
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#loop;
  }

  /** Ask for a pass now (e.g. after issuing), instead of at the next poll. */
  nudge(): void {
    this.#wake?.();
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (!this.#stopped) {
      try {
        await this.runOnce();
        failures = 0;
        this.#lastError = undefined;
      } catch (error) {
        failures++;
        const message = (error as Error).message.split('\n')[0]!;
        this.#lastError = { message, at: new Date().toISOString(), attempts: failures };
        if (failures === 1 || failures % 10 === 0) this.#log(`anchoring: ${message} (attempt ${failures}, will retry)`);
      }
      // Back off while the ledger fails: 0.25 s, 0.5 s, 1 s ... up to 30 s.
      const delay = failures === 0 ? (this.options.pollMs ?? 250) : Math.min(30_000, 250 * 2 ** Math.min(failures, 7));
      const timer = new AbortController();
      await new Promise<void>((resolve) => {
        this.#wake = () => {
          timer.abort();
          resolve();
        };
        sleep(delay, undefined, { signal: timer.signal }).then(resolve, resolve);
      });
    }
  }

  async status(): Promise<AnchoringStatus> {
    const pending = await this.db
      .selectFrom('credentials')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('issued_at').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const inFlight = await this.db
      .selectFrom('batches')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('state', '!=', 'anchored')
      .executeTakeFirstOrThrow();
    const last = await this.db.selectFrom('batches').select('anchored_at').where('state', '=', 'anchored').orderBy('anchored_at', 'desc').limit(1).executeTakeFirst();
    return {
      pendingCredentials: Number(pending.count),
      ...(pending.oldest ? { oldestPendingSince: String(pending.oldest) } : {}),
      batchesInFlight: Number(inFlight.count),
      ...(last?.anchored_at ? { lastAnchoredAt: last.anchored_at } : {}),
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
    };
  }

  /** One pass: finish sent batches, close a batch if one is due, send open batches. */
  async runOnce(now = new Date()): Promise<void> {
    for (const batch of await this.#batchesIn('sent')) await this.#advanceSent(batch);
    await this.#closeBatchIfDue(now);
    for (const batch of await this.#batchesIn('open')) await this.#send(batch);
  }

  #batchesIn(state: Batch['state']): Promise<Batch[]> {
    return this.db.selectFrom('batches').selectAll().where('state', '=', state).orderBy('created_at').execute();
  }

  async #closeBatchIfDue(now: Date): Promise<void> {
    const closed = await this.db.transaction().execute(async (trx) => {
      const waiting = await trx
        .selectFrom('credentials')
        .select(['id', 'credential_hash', 'issued_at'])
        .where('status', '=', 'pending')
        .where('batch_root', 'is', null)
        .orderBy('issued_at')
        .limit(this.options.maxBatchSize)
        .execute();
      if (waiting.length === 0) return false;
      const oldest = Date.parse(waiting[0]!.issued_at);
      if (waiting.length < this.options.maxBatchSize && now.getTime() - oldest < this.options.maxWaitMs) return false;
      const root = hex(batchTree(waiting.map((c) => c.credential_hash)).root);
      await trx.insertInto('batches').values({ merkle_root: root, size: waiting.length, state: 'open', created_at: now.toISOString() }).execute();
      for (let i = 0; i < waiting.length; i += 500) {
        const ids = waiting.slice(i, i + 500).map((c) => c.id);
        await trx.updateTable('credentials').set({ batch_root: root }).where('id', 'in', ids).execute();
      }
      return true;
    });
    if (closed) failpoint('anchor:after-batch');
  }

  async #send(batch: Batch): Promise<void> {
    if (await this.#alreadyAnchored(batch)) return;
    let signed: { signedTx: string; txHash: string };
    try {
      signed = await this.writer.sign('anchor', [batch.merkle_root, batch.size]);
    } catch (error) {
      if (error instanceof LedgerWriteError && (await this.#alreadyAnchored(batch))) return;
      throw error;
    }
    await this.db
      .updateTable('batches')
      .set({ state: 'sent', signed_tx: signed.signedTx, tx_hash: signed.txHash })
      .where('merkle_root', '=', batch.merkle_root)
      .where('state', '=', 'open')
      .execute();
    await this.writer.broadcast(signed.signedTx);
    failpoint('anchor:after-broadcast');
    await this.#advanceSent({ ...batch, state: 'sent', signed_tx: signed.signedTx, tx_hash: signed.txHash });
  }

  async #advanceSent(batch: Batch): Promise<void> {
    const receipt = await this.writer.receipt(batch.tx_hash!);
    if (receipt && receipt.status === 1) {
      if ((await receipt.confirmations()) < (this.options.confirmations ?? 1)) return;
      failpoint('anchor:before-finalize');
      return this.#finalize(batch, batch.tx_hash!, receipt.blockNumber);
    }
    if (receipt) {
      // Reverted: either an earlier transaction anchored the root, or the registry refused it.
      if (await this.#alreadyAnchored(batch)) return;
      this.#log(`anchoring: transaction ${batch.tx_hash} for batch ${batch.merkle_root} reverted; signing it again`);
      return this.#reopen(batch);
    }
    const tx = await this.writer.provider.getTransaction(batch.tx_hash!);
    if (tx) return; // still waiting to be mined
    const minedNonce = await this.writer.provider.getTransactionCount(this.writer.address, 'latest');
    const ourNonce = Transaction.from(batch.signed_tx!).nonce;
    if (minedNonce > ourNonce) {
      // Our nonce was used by another transaction: ours can never be mined.
      if (!(await this.#alreadyAnchored(batch))) await this.#reopen(batch);
      return;
    }
    await this.writer.broadcast(batch.signed_tx!); // dropped from the mempool (e.g. node restart): send again
  }

  async #reopen(batch: Batch): Promise<void> {
    await this.db
      .updateTable('batches')
      .set({ state: 'open', signed_tx: null, tx_hash: null })
      .where('merkle_root', '=', batch.merkle_root)
      .execute();
  }

  /** If the root is on chain already (found through its event), record it and say so. */
  async #alreadyAnchored(batch: Batch): Promise<boolean> {
    const anchor = await this.writer.registry.anchorOf(batch.merkle_root);
    if (anchor.institutionId === 0) return false;
    const contract = this.writer.registry.contract;
    const [event] = await contract.queryFilter(contract.filters.RootAnchored!(batch.merkle_root));
    if (!event) throw new LedgerWriteError(`root ${batch.merkle_root} is anchored but its event was not found`);
    await this.#finalize(batch, event.transactionHash, event.blockNumber);
    return true;
  }

  async #finalize(batch: Batch, txHash: string, blockNumber: number): Promise<void> {
    const anchoredAt = (await this.writer.blockTime(blockNumber)).toISOString();
    const members = await this.db
      .selectFrom('credentials')
      .select(['id', 'credential_hash'])
      .where('batch_root', '=', batch.merkle_root)
      .orderBy('id')
      .execute();
    const tree = batchTree(members.map((m) => m.credential_hash));
    if (hex(tree.root) !== batch.merkle_root) throw new Error(`batch ${batch.merkle_root}: stored credentials do not rebuild its root`);
    await this.db.transaction().execute(async (trx) => {
      // One statement per 500 credentials, not one per credential: batches run to the thousands.
      for (let start = 0; start < members.length; start += 500) {
        const chunk = members.slice(start, start + 500);
        const proofs = sql.join(chunk.map((m, i) => sql`when id = ${m.id} then ${JSON.stringify(tree.proofHex(start + i))}`), sql` `);
        await trx
          .updateTable('credentials')
          .set({ proof: sql<string>`case ${proofs} end` })
          .where('id', 'in', chunk.map((m) => m.id))
          .execute();
      }
      await trx.updateTable('credentials').set({ status: 'anchored' }).where('batch_root', '=', batch.merkle_root).where('status', '=', 'pending').execute();
      await trx
        .updateTable('batches')
        .set({ state: 'anchored', tx_hash: txHash, block_number: blockNumber, anchored_at: anchoredAt })
        .where('merkle_root', '=', batch.merkle_root)
        .execute();
    });
    this.#log(`anchoring: batch of ${members.length} anchored in block ${blockNumber} (root ${batch.merkle_root.slice(0, 12)}…)`);
  }
}
