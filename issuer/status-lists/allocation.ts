import { randomInt, randomUUID } from 'node:crypto';
import { MIN_LIST_SIZE } from '../../core/status-list/bitstring.ts';
import { STATUS_PURPOSE } from '../../core/status-list/entry.ts';
import type { IssuerDb } from '../db-schema.ts';

export interface ListShape {
  /** Bits in each new list; never below the specification's minimum outside tests. */
  size: number;
  /**
   * Indexes a list hands out before the next list opens. Half the size: a random draw then hits a
   * free index at least every other time, and a full list still hides each bit among twice as many.
   */
  capacity: number;
}

export const DEFAULT_LIST_SHAPE: ListShape = { size: MIN_LIST_SIZE, capacity: MIN_LIST_SIZE / 2 };

/** Draws before giving up on a list: with at most half of it taken, 64 misses in a row is chance 2^-64. */
const DRAWS = 64;
/** Tries of a whole allocation, when another process filled the list or took the index first. */
const ATTEMPTS = 5;

export interface Allocation {
  listId: string;
  listUrl: string;
  index: number;
}

/**
 * Gives `credentialId` a random free index of the open list (opening a new list when it is full):
 * drawn uniformly, so the order of the indexes says nothing about the order of issuance, and kept
 * in the database before the credential is signed, so that no index is ever handed out twice (a
 * credential that is then not stored leaves its index unused, never reused).
 */
export async function allocateIndex(
  db: IssuerDb,
  baseUrl: string,
  credentialId: string,
  shape: ListShape = DEFAULT_LIST_SHAPE,
  now = new Date(),
): Promise<Allocation> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      const allocated = await db.transaction().execute(async (trx) => {
        const list = (await openList(trx, baseUrl)) ?? (await newList(trx, baseUrl, shape, now));
        const index = await freeIndex(trx, list.id, list.size);
        if (index === undefined) return undefined;
        const taken = await trx
          .updateTable('status_lists')
          .set((eb) => ({ allocated: eb('allocated', '+', 1) }))
          .where('id', '=', list.id)
          .where((eb) => eb('allocated', '<', eb.ref('capacity')))
          .executeTakeFirst();
        if (taken.numUpdatedRows === 0n) return undefined;
        await trx
          .insertInto('status_list_entries')
          .values({ list_id: list.id, list_index: index, credential_id: credentialId })
          .execute();
        return { listId: list.id, listUrl: list.url, index };
      });
      if (allocated) return allocated;
    } catch (error) {
      lastError = error; // another process took the index first: draw again
    }
  }
  throw new Error(
    `no status list index could be allocated: ${(lastError as Error | undefined)?.message ?? 'lists full'}`,
  );
}

/** The newest list with room, under the issuer's current public URL (a list follows it when it moves). */
async function openList(db: IssuerDb, baseUrl: string) {
  return (
    db
      .selectFrom('status_lists')
      .select(['id', 'url', 'size'])
      .where('purpose', '=', STATUS_PURPOSE)
      // The ids after the prefix are lower-case UUIDs: all sort below 'g'.
      .where('url', '>=', `${baseUrl}/status-lists/`)
      .where('url', '<', `${baseUrl}/status-lists/g`)
      .where((eb) => eb('allocated', '<', eb.ref('capacity')))
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

async function newList(db: IssuerDb, baseUrl: string, shape: ListShape, now: Date) {
  const id = randomUUID();
  const list = { id, url: `${baseUrl}/status-lists/${id}`, size: shape.size };
  await db
    .insertInto('status_lists')
    .values({
      ...list,
      purpose: STATUS_PURPOSE,
      allocated: 0,
      capacity: shape.capacity,
      created_at: now.toISOString(),
      published_list: null,
      published_version: 0,
      published_at: null,
      dirty: 0,
    })
    .execute();
  return list;
}

async function freeIndex(db: IssuerDb, listId: string, size: number): Promise<number | undefined> {
  for (let draw = 0; draw < DRAWS; draw += 1) {
    const index = randomInt(size);
    const used = await db
      .selectFrom('status_list_entries')
      .select('list_index')
      .where('list_id', '=', listId)
      .where('list_index', '=', index)
      .executeTakeFirst();
    if (!used) return index;
  }
  return undefined;
}
