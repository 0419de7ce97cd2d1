/**
 * The content of a trust bundle (docs/trust-bundle.md): what the trusted registries said at one
 * block, enough to answer the verifier's ledger checks offline. Hashes are packed (32 bytes each,
 * sorted, base64url) so a million credentials in batches stay a few hundred kilobytes, and lookups
 * are binary searches.
 */
export const TRUST_BUNDLE_TYPE = 'SkillmarkTrustBundle';
export const TRUST_BUNDLE_VERSION = 1;

/** Sorted 32-byte hashes, concatenated and base64url-encoded. */
export type PackedHashes = string;

export interface InstitutionSnapshot {
  id: number;
  name: string;
  /** Accreditation history, oldest first: [status code, since (unix s)]; the last one is current. */
  statusHistory: [number, number][];
  /** The DIDs it signs with, sorted; `compromisedSince` (unix s) when the key was reported compromised. */
  dids: { did: string; compromisedSince?: number }[];
  /** Its revocations: hashes sorted, with their times (unix s) and reason codes at the same positions. */
  revocations: { hashes: PackedHashes; revokedAt: number[]; reason: number[] };
  /**
   * The latest commitment to each status list it published (docs/status-lists.md): the lists' keys
   * sorted, each list's bits hash at the same position (32 bytes each, concatenated, base64url) and
   * its bits-only mark (1: marked). A list not named was never published: its bits are all clear.
   * Absent from bundles made before status lists were exported: such a bundle cannot answer for them.
   */
  statusLists?: { keys: PackedHashes; bitsHashes: string; bitsOnly: number[] };
}

export interface RegistrySnapshot {
  name: string;
  chainId: number;
  /** Lower-case 0x address. */
  registry: string;
  migratedFrom?: { chainId: number; registry: string }[];
  /** The block everything below was read at, and its time (unix s). */
  asOf: { block: number; time: number };
  /** Sorted by id. */
  institutions: InstitutionSnapshot[];
  /** Anchored roots sorted, with their institution, time (unix s) and batch size at the same positions. */
  anchors: { roots: PackedHashes; institution: number[]; anchoredAt: number[]; batchSize: number[] };
}

export interface TrustBundlePayload {
  type: typeof TRUST_BUNDLE_TYPE;
  version: typeof TRUST_BUNDLE_VERSION;
  /** Unix seconds. */
  issuedAt: number;
  expiresAt: number;
  registries: RegistrySnapshot[];
}

export const HASH_BYTES = 32;

/** Packs 0x-hex hashes, sorted and without duplicates, with the order used to sort parallel lists. */
export function packHashes(hexHashes: readonly string[]): { packed: PackedHashes; order: number[] } {
  const buffers = hexHashes.map((h) => Buffer.from(h.replace(/^0x/, ''), 'hex'));
  const order = buffers.map((_, i) => i).sort((a, b) => Buffer.compare(buffers[a]!, buffers[b]!));
  return { packed: Buffer.concat(order.map((i) => buffers[i]!)).toString('base64url'), order };
}

/** The position of `hash` in packed, sorted hashes; -1 when absent. */
export function findHash(packed: Buffer, hash: Buffer): number {
  let low = 0;
  let high = packed.length / HASH_BYTES - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const cmp = Buffer.compare(packed.subarray(middle * HASH_BYTES, (middle + 1) * HASH_BYTES), hash);
    if (cmp === 0) return middle;
    if (cmp < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
