import { setTimeout as sleep } from 'node:timers/promises';
import { keccak256, Transaction } from 'ethers';
import type { Selectable } from 'kysely';
import { failpoint } from '../core/failpoint.ts';
import { batchProofs } from './batch-tree.ts';
import type { IssuerDb, IssuerTables } from './db-schema.ts';
import { type FinalityRule, isFinal } from './finality.ts';
import { LedgerWriteError, type LedgerWriter } from './ledger-writer.ts';
import type { ProcessLocks } from './process-locks.ts';
import { watchRevocations } from './revocation-watch.ts';

export interface AnchoringOptions {
  /** Close a batch when this many credentials wait ... */
  maxBatchSize: number;
  /** ... or when the oldest has waited this long. */
  maxWaitMs: number;
  /**
   * Confirmations (the anchoring block included) before receipts are handed out, so that a verifier
   * reading any current node finds the root.
   */
  confirmations?: number;
  /**
   * An anchored batch is final, and no longer read back, once it is also this old. The embedded
   * node saves its state once a second, so a kill -9 loses its newest blocks however many
   * confirmations they had.
   */
  finalityDelayMs?: number;
  /** How often anchored, not yet final batches are read back from the chain. */
  watchIntervalMs?: number;
  pollMs?: number;
  /**
   * Whether only full batches close now, however long credentials have waited (while a cohort is
   * issuing: it takes as few transactions as the batch size allows); asked within the transaction
   * that closes the batch, through `trx`.
   */
  onlyFullBatches?: (trx: IssuerDb) => Promise<boolean>;
  /**
   * Where several issuer processes share the database: one pass at a time among them all
   * (docs/scaling.md). By default each pass just runs.
   */
  locks?: ProcessLocks;
  log?: (message: string) => void;
  /** Reads the status list commitments back from the chain, committing again what it lost (issuer/status-lists/). */
  watchStatusLists?: () => Promise<void>;
}

/** What the anchoring worker is doing, for operators (GET /anchoring). */
export interface AnchoringStatus {
  pendingCredentials: number;
  oldestPendingSince?: string;
  batchesInFlight: number;
  /** Batches whose receipts are out but that are not final yet: still read back from the chain. */
  batchesAwaitingFinality: number;
  /** How many times a root that the chain had lost was anchored again. */
  reanchored: number;
  /** Revocations recorded but not final yet: still read back from the chain. */
  revocationsAwaitingFinality: number;
  lastAnchoredAt?: string;
  lastError?: { message: string; at: string; attempts: number };
}

type Batch = Selectable<IssuerTables['batches']>;
const DEFAULT_FINALITY_DELAY_MS = 10_000;
/** Proofs inserted a statement at a time (2 columns each, far under SQLite's 32,766 parameters). */
const PROOFS_CHUNK = 2000;

/**
 * Anchors pending credentials in Merkle batches, one registry transaction per batch.
 *
 * Crash safety: each step is a durable state change made before the next step's side effect.
 * A batch is `open` (credentials assigned, root known), then `sent` (the signed transaction is
 * stored before it is broadcast), then `anchored` (mined, receipts written), then `final`. After a
 * crash the worker resumes each batch from its stored state; a stored transaction is re-broadcast,
 * never re-signed while it may still be mined, and the registry refuses a root anchored twice.
 * Until a batch is final the worker reads it back from the chain and anchors its root again if the
 * chain lost it (docs/ledger.md).
 *
 * Several processes on one PostgreSQL database: each pass holds the database lock `anchoring`, so
 * one process at a time closes, sends and finalises batches, and a pass a process did not finish
 * (killed mid-batch) is finished by the next pass of any process, from the stored states above.
 */
export class AnchoringWorker {
  #stopped = true;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  readonly #log: (message: string) => void;
  #lastError: AnchoringStatus['lastError'];
  #nextWatch = 0;

  constructor(
    private readonly db: IssuerDb,
    private readonly writer: LedgerWriter,
    private readonly options: AnchoringOptions,
  ) {
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
      let closed = false;
      try {
        closed = await this.#pass();
        failures = 0;
        this.#lastError = undefined;
      } catch (error) {
        failures++;
        const message = (error as Error).message.split('\n')[0]!;
        this.#lastError = { message, at: new Date().toISOString(), attempts: failures };
        if (failures === 1 || failures % 10 === 0) this.#log(`anchoring: ${message} (attempt ${failures}, will retry)`);
      }
      // A cohort leaves many full batches waiting: the next one is closed at once, not a poll later.
      if (closed) continue;
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

  /** A pass, unless another process is making one: the next poll tries again. */
  /** Says whether it closed a batch: then another may be due at once. */
  async #pass(): Promise<boolean> {
    const pass = async () => {
      const now = new Date();
      const closed = await this.runOnce(now);
      if (now.getTime() >= this.#nextWatch) {
        await this.watchAnchors(now);
        await watchRevocations(this.db, this.writer, this.#finality, now, this.#log);
        await this.options.watchStatusLists?.();
        this.#nextWatch = now.getTime() + (this.options.watchIntervalMs ?? 1000);
      }
      return closed;
    };
    if (this.options.locks) return (await this.options.locks.ifFree('anchoring', pass))?.value ?? false;
    return pass();
  }

  async status(): Promise<AnchoringStatus> {
    const pending = await this.db
      .selectFrom('credentials')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('issued_at').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const states = await this.db
      .selectFrom('batches')
      .select((eb) => [
        'state',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('reanchor_count').as('reanchored'),
      ])
      .groupBy('state')
      .execute();
    const count = (...of: Batch['state'][]) =>
      states.filter((s) => of.includes(s.state)).reduce((sum, s) => sum + Number(s.count), 0);
    const revocations = await this.db
      .selectFrom('credentials')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('revocation_tx', 'is not', null)
      .executeTakeFirstOrThrow();
    const last = await this.db
      .selectFrom('batches')
      .select('anchored_at')
      .where('state', 'in', ['anchored', 'final'])
      .orderBy('anchored_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      pendingCredentials: Number(pending.count),
      ...(pending.oldest ? { oldestPendingSince: String(pending.oldest) } : {}),
      batchesInFlight: count('open', 'sent'),
      batchesAwaitingFinality: count('anchored'),
      reanchored: states.reduce((sum, s) => sum + Number(s.reanchored ?? 0), 0),
      revocationsAwaitingFinality: Number(revocations.count),
      ...(last?.anchored_at ? { lastAnchoredAt: last.anchored_at } : {}),
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
    };
  }

  /** One pass: finish sent batches, close a batch if one is due, send open batches. */
  /** One step of every batch under way, and one batch closed if one is due; says whether it closed one. */
  async runOnce(now = new Date()): Promise<boolean> {
    for (const batch of await this.#batchesIn('sent')) await this.#advanceSent(batch);
    const closed = await this.#closeBatchIfDue(now);
    for (const batch of await this.#batchesIn('open')) await this.#send(batch);
    return closed;
  }

  #batchesIn(state: Batch['state']): Promise<Batch[]> {
    return this.db.selectFrom('batches').selectAll().where('state', '=', state).orderBy('created_at').execute();
  }

  async #closeBatchIfDue(now: Date): Promise<boolean> {
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
      if (
        waiting.length < this.options.maxBatchSize &&
        (now.getTime() - oldest < this.options.maxWaitMs || (await this.options.onlyFullBatches?.(trx)))
      )
        return false;
      // The tree is built once, here: its root is anchored, its proofs are the receipts' (handed out once mined).
      const { root, proofs } = batchProofs(waiting.map((c) => c.credential_hash));
      await trx
        .insertInto('batches')
        .values({ merkle_root: root, size: waiting.length, state: 'open', created_at: now.toISOString() })
        .execute();
      for (let i = 0; i < waiting.length; i += 500) {
        const ids = waiting.slice(i, i + 500).map((c) => c.id);
        await trx.updateTable('credentials').set({ batch_root: root }).where('id', 'in', ids).execute();
      }
      for (let i = 0; i < waiting.length; i += PROOFS_CHUNK)
        await trx
          .insertInto('credential_proofs')
          .values(waiting.slice(i, i + PROOFS_CHUNK).map((c, j) => ({ credential_id: c.id, proof: proofs[i + j]! })))
          .onConflict((oc) => oc.column('credential_id').doUpdateSet((eb) => ({ proof: eb.ref('excluded.proof') })))
          .execute();
      return true;
    });
    if (closed) failpoint('anchor:after-batch');
    return closed;
  }

  async #send(batch: Batch): Promise<void> {
    if (await this.#alreadyAnchored(batch)) return;
    let signed: { signedTx: string; txHash: string };
    try {
      // Stored before it is broadcast: after a crash it is sent again, never signed again while it may be mined.
      signed = await this.writer.signAndBroadcast('anchor', [batch.merkle_root, batch.size], (tx) =>
        this.db
          .updateTable('batches')
          .set({ state: 'sent', signed_tx: tx.signedTx, tx_hash: tx.txHash })
          .where('merkle_root', '=', batch.merkle_root)
          .where('state', '=', 'open')
          .execute()
          .then(() => undefined),
      );
    } catch (error) {
      if (error instanceof LedgerWriteError && (await this.#alreadyAnchored(batch))) return;
      throw error;
    }
    failpoint('anchor:after-broadcast');
    await this.#advanceSent({ ...batch, state: 'sent', signed_tx: signed.signedTx, tx_hash: signed.txHash });
  }

  async #advanceSent(batch: Batch): Promise<void> {
    const receipt = await this.writer.receipt(batch.tx_hash!);
    if (receipt && receipt.status === 1) {
      // A mined receipt is one confirmation: the ledger is asked for its head only when more are required.
      const required = this.options.confirmations ?? 1;
      if (required > 1 && (await receipt.confirmations()) < required) return;
      failpoint('anchor:before-finalize');
      return this.#finalize(batch, batch.tx_hash!, receipt.blockNumber);
    }
    if (receipt) {
      // Reverted: either an earlier transaction anchored the root, or the registry refused it.
      if (await this.#alreadyAnchored(batch)) return;
      this.#log(`anchoring: transaction ${batch.tx_hash} for batch ${batch.merkle_root} reverted; signing it again`);
      return this.#reopen(batch);
    }
    if (await this.writer.provider.getTransaction(batch.tx_hash!)) return; // still waiting to be mined
    const ours = Transaction.from(batch.signed_tx!);
    // Looked at and sent again before any other transaction of the account (another process's
    // revocation) can take the same nonce.
    const resent = await this.writer.holdingNonce(async () => {
      const nextNonce = await this.writer.provider.getTransactionCount(this.writer.address, 'pending');
      if (ours.from !== this.writer.address || ours.nonce !== nextNonce) return false;
      // Dropped from the mempool, or lost with its block (node restart, reorganisation): send it again.
      await this.writer.broadcast(batch.signed_tx!);
      return true;
    });
    if (resent) return;
    // Its nonce went to another transaction, or one before it was lost for good (a gap nothing
    // fills), or the key was rotated since: it can never be mined.
    if (!(await this.#alreadyAnchored(batch))) await this.#reopen(batch);
  }

  /** Confirmations and age that make an anchor (or a revocation) final. */
  get #finality(): FinalityRule {
    return {
      confirmations: this.options.confirmations ?? 1,
      delayMs: this.options.finalityDelayMs ?? DEFAULT_FINALITY_DELAY_MS,
    };
  }

  /**
   * Reads every anchored, not yet final batch back from the chain. A batch is final once its block
   * has enough confirmations and is old enough; a batch whose root the chain no longer has (a block
   * lost by a node restarted from an older state, a reorganisation) is anchored again with the same
   * tree, so the receipts already handed out verify again once it is back.
   */
  async watchAnchors(now = new Date()): Promise<void> {
    const batches = await this.#batchesIn('anchored');
    if (batches.length === 0) return;
    const head = await this.writer.provider.getBlockNumber();
    for (const batch of batches) {
      const onChain = await this.#whereAnchored(batch);
      if (!onChain) await this.#reanchor(batch);
      else if (onChain.txHash !== batch.tx_hash || onChain.blockNumber !== batch.block_number)
        await this.#moved(batch, onChain);
      else if (
        isFinal(this.#finality, { number: onChain.blockNumber, timeMs: Date.parse(batch.anchored_at!) }, head, now)
      ) {
        await this.db
          .updateTable('batches')
          .set({ state: 'final' })
          .where('merkle_root', '=', batch.merkle_root)
          .where('state', '=', 'anchored')
          .execute();
      }
    }
  }

  /** The transaction and block that hold the batch's root now, or undefined if the chain lacks it. */
  async #whereAnchored(batch: Batch): Promise<{ txHash: string; blockNumber: number } | undefined> {
    const receipt = await this.writer.receipt(batch.tx_hash!);
    if (receipt?.status === 1) return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
    return this.#anchorEvent(batch.merkle_root);
  }

  async #reanchor(batch: Batch): Promise<void> {
    // The same bytes when they can still be mined (the receipts handed out name their hash), else
    // signed anew.
    const resend = batch.signed_tx !== null && batch.tx_hash === keccak256(batch.signed_tx);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('batches')
        .set((eb) => ({
          state: resend ? 'sent' : 'open',
          ...(resend ? {} : { signed_tx: null, tx_hash: null }),
          block_number: null,
          anchored_at: null,
          reanchor_count: eb('reanchor_count', '+', 1),
        }))
        .where('merkle_root', '=', batch.merkle_root)
        .where('state', '=', 'anchored')
        .execute();
      await trx
        .updateTable('credentials')
        .set({ status: 'pending' })
        .where('batch_root', '=', batch.merkle_root)
        .where('status', '=', 'anchored')
        .execute();
    });
    this.#log(
      `anchoring: the ledger no longer has the root of a batch of ${batch.size} (block ${batch.block_number} was lost); anchoring it again (root ${batch.merkle_root.slice(0, 12)}…)`,
    );
  }

  /** A reorganisation mined the root again elsewhere: record where (the receipts rely on the root only). */
  async #moved(batch: Batch, onChain: { txHash: string; blockNumber: number }): Promise<void> {
    const anchoredAt = (await this.writer.blockTime(onChain.blockNumber)).toISOString();
    await this.db
      .updateTable('batches')
      .set({ tx_hash: onChain.txHash, block_number: onChain.blockNumber, anchored_at: anchoredAt })
      .where('merkle_root', '=', batch.merkle_root)
      .execute();
    this.#log(
      `anchoring: root ${batch.merkle_root.slice(0, 12)}… moved from block ${batch.block_number} to block ${onChain.blockNumber}`,
    );
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
    const onChain = await this.#anchorEvent(batch.merkle_root);
    if (!onChain) return false;
    await this.#finalize(batch, onChain.txHash, onChain.blockNumber);
    return true;
  }

  async #anchorEvent(root: string): Promise<{ txHash: string; blockNumber: number } | undefined> {
    const anchor = await this.writer.registry.anchorOf(root);
    if (anchor.institutionId === 0) return undefined;
    const contract = this.writer.registry.contract;
    const [event] = await contract.queryFilter(contract.filters.RootAnchored!(root));
    if (!event) throw new LedgerWriteError(`root ${root} is anchored but its event was not found`);
    return { txHash: event.transactionHash, blockNumber: event.blockNumber };
  }

  async #finalize(batch: Batch, txHash: string, blockNumber: number): Promise<void> {
    const anchoredAt = (await this.writer.blockTime(blockNumber)).toISOString();
    // The members' proofs were stored with the batch when it was closed: their status, one statement.
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('credentials')
        .set({ status: 'anchored' })
        .where('batch_root', '=', batch.merkle_root)
        .where('status', '=', 'pending')
        .execute();
      await trx
        .updateTable('batches')
        .set({ state: 'anchored', tx_hash: txHash, block_number: blockNumber, anchored_at: anchoredAt })
        .where('merkle_root', '=', batch.merkle_root)
        .execute();
    });
    this.#log(
      `anchoring: batch of ${batch.size} anchored in block ${blockNumber} (root ${batch.merkle_root.slice(0, 12)}…)`,
    );
  }
}
