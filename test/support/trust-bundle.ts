import { createHash } from 'node:crypto';
import { didKeyOfEd25519 } from '../../core/ed25519.ts';
import {
  type InstitutionSnapshot,
  packHashes,
  TRUST_BUNDLE_TYPE,
  TRUST_BUNDLE_VERSION,
  type TrustBundlePayload,
} from '../../core/trust-bundle/payload.ts';

/** A deterministic 32-byte hash (0x hex) per label. */
export const hashOf = (label: string) => `0x${createHash('sha256').update(label).digest('hex')}`;

/** The did:key standing for synthetic institution `n`. */
export const institutionDid = (n: number) => didKeyOfEd25519(createHash('sha256').update(`institution ${n}`).digest());

export interface SyntheticSize {
  institutions: number;
  credentials: number;
  batchSize: number;
  revocations: number;
  /** Status lists each institution published (default 1; the first institution's is marked bits-only). */
  statusLists?: number;
}

/**
 * A bundle payload of the given size, as a chain holding that many institutions, batches and
 * revocations would give (the bench measures at sizes the local chain cannot hold in its time).
 * Credential `c` of batch `b` hashes from "credential b/c"; its root from "root b".
 */
export function syntheticTrustBundle(size: SyntheticSize, issuedAt: number): TrustBundlePayload {
  const batches = Math.ceil(size.credentials / size.batchSize);
  const roots = Array.from({ length: batches }, (_, b) => hashOf(`root ${b}`));
  const { packed, order } = packHashes(roots);
  const institutions: InstitutionSnapshot[] = Array.from({ length: size.institutions }, (_, i) => {
    const id = i + 1;
    const revoked = Array.from(
      { length: Math.ceil(size.revocations / size.institutions) },
      (_, r) => r * size.institutions + i,
    )
      .filter((r) => r < size.revocations)
      .map((r) => hashOf(`credential ${r % batches}/${Math.floor(r / batches)}`));
    const revocations = packHashes(revoked);
    const lists = Array.from({ length: size.statusLists ?? 1 }, (_, l) => hashOf(`status list ${id}/${l}`));
    const published = packHashes(lists);
    return {
      id,
      name: `Institution ${id}`,
      statusHistory: [[1, issuedAt - 86_400 * 365]],
      dids: [{ did: institutionDid(id) }],
      revocations: {
        hashes: revocations.packed,
        revokedAt: revocations.order.map(() => issuedAt - 3600),
        reason: revocations.order.map(() => 1),
      },
      statusLists: {
        keys: published.packed,
        bitsHashes: Buffer.concat(
          published.order.map((l) => Buffer.from(hashOf(`bits of ${id}/${l}`).slice(2), 'hex')),
        ).toString('base64url'),
        bitsOnly: published.order.map(() => (id === 1 ? 1 : 0)),
      },
    };
  });
  return {
    type: TRUST_BUNDLE_TYPE,
    version: TRUST_BUNDLE_VERSION,
    issuedAt,
    expiresAt: issuedAt + 14 * 86_400,
    registries: [
      {
        name: 'Synthetic registry',
        chainId: 31337,
        registry: `0x${'5f'.repeat(20)}`,
        asOf: { block: batches + size.revocations, time: issuedAt },
        institutions,
        anchors: {
          roots: packed,
          institution: order.map((b) => (b % size.institutions) + 1),
          anchoredAt: order.map((b) => issuedAt - 86_400 + b),
          batchSize: order.map(() => size.batchSize),
        },
      },
    ],
  };
}
