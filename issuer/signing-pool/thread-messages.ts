import type { RowToSign, SignedRow, SigningKeyMaterial } from './sign-row.ts';

/** From the pool to a signing thread: one chunk of a call, with the key current when the call began. */
export interface ChunkTask {
  chunk: number;
  key: SigningKeyMaterial;
  /** The issuance time, in milliseconds since 1970 (a Date crosses threads as one anyway). */
  now: number;
  rows: readonly RowToSign[];
}

/** From a signing thread: the chunk's rows in order, or what stopped it. */
export type ChunkDone = { chunk: number; rows: SignedRow[] } | { chunk: number; failure: string };
