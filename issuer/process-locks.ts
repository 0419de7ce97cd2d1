import { sql } from 'kysely';
import type { Dialect } from '../core/db.ts';
import type { IssuerDb } from './db-schema.ts';

/** The lock this process held is gone (its database connection was lost): the work must stop. */
export class LockLostError extends Error {}

/**
 * Locks between the issuer processes that share one PostgreSQL database (docs/scaling.md).
 *
 * Each lock is a PostgreSQL advisory lock taken inside a transaction of its own, held while the
 * work runs: it ends with the work, with a failed transaction, and with the process (a kill -9
 * closes its connection and the server drops the lock at once), and can never be left behind on a
 * pooled connection. The transaction writes nothing and holds no snapshot between statements, so
 * it keeps nothing from vacuum. Locks are named per schema: deployments in other schemas of the
 * same database do not wait for each other.
 *
 * On SQLite one process owns the database (the data dir's lock) and keeps its work in order
 * itself: the work just runs.
 */
export class ProcessLocks {
  constructor(
    private readonly db: IssuerDb,
    private readonly dialect: Dialect,
  ) {}

  /** Whether other processes may share the database, so that work is coordinated through it. */
  get shared(): boolean {
    return this.dialect === 'postgres';
  }

  /** Runs `work` holding the lock `name`, waiting while another process holds it. */
  async holding<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (!this.shared) return work();
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKey(name)})`.execute(trx);
      return work();
    });
  }

  /**
   * Runs `work` holding the lock `name` if no other process holds it, and answers its result;
   * answers undefined, without running it, if one does. `work` may call `stillHeld()` between its
   * steps: it throws LockLostError once the lock's connection is gone (the lock with it).
   */
  async ifFree<T>(
    name: string,
    work: (stillHeld: () => Promise<void>) => Promise<T>,
  ): Promise<{ value: T } | undefined> {
    if (!this.shared) return { value: await work(async () => undefined) };
    let lost: LockLostError | undefined;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_xact_lock(${lockKey(name)}) as locked`.execute(trx);
        if (!rows[0]?.locked) return undefined;
        const stillHeld = async () => {
          try {
            await sql`select 1`.execute(trx);
          } catch (error) {
            lost = new LockLostError(`lost the lock ${name}: ${(error as Error).message}`);
            throw lost;
          }
        };
        return { value: await work(stillHeld) };
      });
    } catch (error) {
      // The rollback after a lost connection fails too: say what happened first.
      throw lost ?? error;
    }
  }
}

/** The 64-bit key of a lock: its name in the current schema, hashed by the server. */
const lockKey = (name: string) => sql`hashtextextended(current_schema() || ${`:skillmark:${name}`}, 0)`;
