import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultSigningThreads } from '../../core/config.ts';
import type { CurrentSigningKey } from '../signing-key.ts';
import type { RowToSign, SignedRow, SigningSettings } from './sign-row.ts';
import type { ChunkDone, ChunkTask, ThreadSettings } from './thread-messages.ts';

export interface SigningPoolOptions extends SigningSettings {
  /** Read once as each call begins: all its rows are signed with that key, even while a rotation switches keys. */
  signingKey: Pick<CurrentSigningKey, 'current'>;
  /** SIGNING_THREADS (config.signingThreads): at most this many threads sign at once. */
  threads?: number;
  /** Rows a thread is sent at a time. */
  chunkRows?: number;
  /** Threads all idle this long end (the next call starts them again), freeing their memory. */
  idleMs?: number;
}

/** A call the pool could not finish: nothing of it was kept; the caller asks again. */
export class SigningPoolError extends Error {}

/**
 * Chunks a thread holds at once (sent, not yet answered): the pool holds at most threads × this
 * many in flight, the rest of a call waits in its queue. Enough for a thread to sign two pages of a
 * cohort job without the main thread: it sends more only between its synchronous SQLite writes,
 * which take tens of milliseconds a page. With 2 chunks of 50 a thread sat idle meanwhile
 * (npm run bench signing-pool, signing while storing: 1.13x the main thread alone; 8 of 100: see
 * docs/cohorts.md).
 */
const CHUNKS_PER_THREAD = 8;
const CHUNK_ROWS = 100;
const IDLE_MS = 60_000;

interface Call {
  rows: SignedRow[];
  remaining: number;
  settled: boolean;
  resolve: (rows: SignedRow[]) => void;
  reject: (error: Error) => void;
}

interface Chunk {
  call: Call;
  offset: number;
  task: ChunkTask;
}

interface Thread {
  worker: Worker;
  inFlight: Map<number, Chunk>;
  /** The uncaught error that ended it, if one did. */
  fault?: string;
}

/**
 * A signing thread running worker.ts. A bundled build (test/support/build-system.ts) puts the path
 * of its compiled worker here at build time. From source, the thread registers tsx itself: on
 * Node 20 a thread's `--import` hooks come too late for its own entry file.
 */
function newThread(settings: ThreadSettings): Worker {
  const bundled = process.env.SKILLMARK_SIGNING_WORKER_BUNDLE;
  if (bundled) return new Worker(bundled, { workerData: settings, execArgv: [] });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(pathToFileURL(join(import.meta.dirname, 'worker.ts')).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`, {
    eval: true,
    workerData: settings,
    execArgv: [],
  });
}

/**
 * Checks and signs cohort rows in worker threads (issuer/signing-pool/worker.ts), exactly as
 * CredentialService.sign would on the main thread, which meanwhile stores earlier rows: the
 * machine's other cores sign. Threads start on first use (or warm()) and end after a while idle or at close().
 * The signing key reaches them in memory only, with each chunk; the settings that decide what is
 * issued once, as data, when a thread starts.
 */
export class SigningPool {
  readonly #threads: Thread[] = [];
  readonly #queue: Chunk[] = [];
  readonly #calls = new Set<Call>();
  readonly #maxThreads: number;
  readonly #chunkRows: number;
  readonly #idleMs: number;
  #nextChunk = 0;
  #idle: NodeJS.Timeout | undefined;

  constructor(private readonly options: SigningPoolOptions) {
    this.#maxThreads = Math.max(1, options.threads ?? defaultSigningThreads());
    this.#chunkRows = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
    this.#idleMs = options.idleMs ?? IDLE_MS;
  }

  /**
   * Each row's signed credential or refusal, in the order given. Rejects with SigningPoolError if
   * a thread stopped while it held rows of this call, or with the error a row met if it was not a
   * refusal (as checkRow lets it through).
   */
  signRows(rows: readonly RowToSign[], now: Date = new Date()): Promise<SignedRow[]> {
    if (rows.length === 0) return Promise.resolve([]);
    const identity = this.options.signingKey.current();
    if (!identity.privateKey)
      return Promise.reject(new SigningPoolError(`the signing key of ${identity.did} cannot be handed to a thread`));
    const key = { did: identity.did, kid: identity.kid, privateKey: identity.privateKey };
    return new Promise<SignedRow[]>((resolve, reject) => {
      const call: Call = { rows: new Array(rows.length), remaining: 0, settled: false, resolve, reject };
      this.#calls.add(call);
      for (let offset = 0; offset < rows.length; offset += this.#chunkRows) {
        const task = {
          chunk: this.#nextChunk++,
          key,
          now: now.getTime(),
          rows: rows.slice(offset, offset + this.#chunkRows),
        };
        this.#queue.push({ call, offset, task });
        call.remaining++;
      }
      this.#dispatch();
    });
  }

  /**
   * Starts the threads before the first call, so that loading them (a few hundred milliseconds) is
   * not waited for then, and has them compile the signing code with throwaway signatures
   * (warm-up.ts): a cohort job does it as it begins reading its file. Idle, they end as threads
   * started by a call do, and never keep the process running.
   */
  warm(): void {
    while (this.#threads.length < this.#maxThreads) this.#startThread(true).worker.unref();
    this.#dispatch();
  }

  /** Ends the threads; calls not finished are rejected. A later call starts threads again. */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    this.#queue.length = 0;
    for (const call of this.#calls)
      this.#settle(call, new SigningPoolError('the signing pool closed before these rows were signed'));
    const threads = this.#threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      if (this.#queue[0]!.call.settled) {
        this.#queue.shift();
        continue;
      }
      const thread = this.#freeThread();
      if (!thread) break;
      const chunk = this.#queue.shift()!;
      try {
        thread.worker.postMessage(chunk.task);
      } catch (error) {
        // A request that cannot cross threads (no cohort row makes one): its call fails, not the pool.
        this.#settle(chunk.call, error as Error);
        continue;
      }
      thread.inFlight.set(chunk.task.chunk, chunk);
      thread.worker.ref();
    }
    clearTimeout(this.#idle);
    if (this.#threads.some((t) => t.inFlight.size > 0)) return;
    this.#idle = setTimeout(() => this.#endIdleThreads(), this.#idleMs).unref();
  }

  /** An idle thread, else a new one while there are fewer than allowed, else the least busy with room. */
  #freeThread(): Thread | undefined {
    const idle = this.#threads.find((t) => t.inFlight.size === 0);
    if (idle) return idle;
    if (this.#threads.length < this.#maxThreads) return this.#startThread();
    const least = this.#threads.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    return least.inFlight.size < CHUNKS_PER_THREAD ? least : undefined;
  }

  /** A new thread; `warm`: it compiles the signing code with throwaway signatures first (warm-up.ts). */
  #startThread(warm = false): Thread {
    const settings: ThreadSettings = { issuing: this.options.issuing, maxBatchSize: this.options.maxBatchSize, warm };
    const thread: Thread = { worker: newThread(settings), inFlight: new Map() };
    thread.worker.on('message', (done: ChunkDone) => this.#done(thread, done));
    thread.worker.on('error', (error) => {
      thread.fault = error.message;
    });
    thread.worker.on('exit', (code) => this.#exited(thread, code));
    this.#threads.push(thread);
    return thread;
  }

  #done(thread: Thread, done: ChunkDone): void {
    const chunk = thread.inFlight.get(done.chunk);
    thread.inFlight.delete(done.chunk);
    // An idle thread does not keep the process alive: a stop never waits for it.
    if (thread.inFlight.size === 0) thread.worker.unref();
    if (chunk && !chunk.call.settled) {
      if ('failure' in done) this.#settle(chunk.call, new Error(done.failure));
      else {
        const { call } = chunk;
        for (let i = 0; i < done.rows.length; i++) call.rows[chunk.offset + i] = done.rows[i]!;
        if (--call.remaining === 0) this.#settle(call);
      }
    }
    this.#dispatch();
  }

  /** A thread that ended on its own (a fault, an exit): its calls fail, and a new thread takes the queue. */
  #exited(thread: Thread, code: number): void {
    const at = this.#threads.indexOf(thread);
    if (at === -1) return; // ended by the pool
    this.#threads.splice(at, 1);
    const reason = thread.fault ?? `exit code ${code}`;
    for (const chunk of thread.inFlight.values())
      this.#settle(
        chunk.call,
        new SigningPoolError(`a signing thread stopped (${reason}) before it signed these rows; none was kept`),
      );
    this.#dispatch();
  }

  #settle(call: Call, error?: Error): void {
    if (call.settled) return;
    call.settled = true;
    this.#calls.delete(call);
    if (error) call.reject(error);
    else call.resolve(call.rows);
  }

  #endIdleThreads(): void {
    if (this.#threads.some((t) => t.inFlight.size > 0)) return;
    for (const thread of this.#threads.splice(0)) void thread.worker.terminate();
  }
}
