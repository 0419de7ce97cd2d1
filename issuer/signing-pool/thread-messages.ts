import type { RowToSign, SignedRow, SigningKeyMaterial, SigningSettings } from './sign-row.ts';

/** What a signing thread is started with: the settings, and whether to warm up first (SigningPool.warm). */
export interface ThreadSettings extends SigningSettings {
  warm: boolean;
}

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
