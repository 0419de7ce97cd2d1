import { randomInt, randomUUID } from 'node:crypto';
import { insertRows } from '../../core/insert-rows.ts';
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

/** Tries of a reservation, when another process filled the list or took an index first. */
const ATTEMPTS = 5;

export interface Allocation {
  listId: string;
  listUrl: string;
  index: number;
}

/**
 * Reserves up to `count` random free indexes of the open list (opening a new list when it is full),
 * in one transaction: drawn uniformly, so the order of the indexes says nothing about the order of
 * issuance, and recorded before any credential is signed with them, so that no index is ever handed
 * out twice (an index reserved and then not used stays unused, never reused).
 */
export async function reserveIndexes(
  db: IssuerDb,
  baseUrl: string,
  count: number,
  shape: ListShape = DEFAULT_LIST_SHAPE,
  now = new Date(),
): Promise<Allocation[]> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      const reserved = await db.transaction().execute(async (trx) => {
        const list = (await openList(trx, baseUrl)) ?? (await newList(trx, baseUrl, shape, now));
        const take = Math.min(count, list.capacity - list.allocated);
        const taken = await trx
          .updateTable('status_lists')
          .set((eb) => ({ allocated: eb('allocated', '+', take) }))
          .where('id', '=', list.id)
          .where('allocated', '=', list.allocated)
          .executeTakeFirst();
        if (taken.numUpdatedRows === 0n) return undefined; // another process took from it meanwhile
        const indexes = await freeIndexes(trx, list.id, list.size, take);
        await insertRows(
          trx,
          'status_list_entries',
          indexes.map((index) => ({ list_id: list.id, list_index: index })),
        );
        return indexes.map((index) => ({ listId: list.id, listUrl: list.url, index }));
      });
      if (reserved) return reserved;
    } catch (error) {
      lastError = error; // another process took an index first: draw again
    }
  }
  throw new Error(`no status list index could be reserved: ${(lastError as Error | undefined)?.message ?? 'busy'}`);
}

/** The newest list with room, under the issuer's current public URL (a list follows it when it moves). */
async function openList(db: IssuerDb, baseUrl: string) {
  return (
    db
      .selectFrom('status_lists')
      .select(['id', 'url', 'size', 'allocated', 'capacity'])
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
  const list = { id, url: `${baseUrl}/status-lists/${id}`, size: shape.size, allocated: 0, capacity: shape.capacity };
  await db
    .insertInto('status_lists')
    .values({
      ...list,
      purpose: STATUS_PURPOSE,
      created_at: now.toISOString(),
      published_list: null,
      published_version: 0,
      published_at: null,
      dirty: 0,
    })
    .execute();
  return list;
}

/** `count` distinct indexes no entry holds, drawn uniformly (the list is at most half taken, so draws rarely repeat). */
async function freeIndexes(db: IssuerDb, listId: string, size: number, count: number): Promise<number[]> {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const draws = new Set<number>();
    while (draws.size < count - chosen.size) {
      const index = randomInt(size);
      if (!chosen.has(index)) draws.add(index);
    }
    const taken = new Set(
      (
        await db
          .selectFrom('status_list_entries')
          .select('list_index')
          .where('list_id', '=', listId)
          .where('list_index', 'in', [...draws])
          .execute()
      ).map((r) => r.list_index),
    );
    for (const index of draws) if (!taken.has(index)) chosen.add(index);
  }
  return [...chosen];
}
