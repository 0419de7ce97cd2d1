import { ZeroHash } from 'ethers';
import { type StatusListCommitment, statusName } from '../../contracts/registry.ts';
import {
  findHash,
  HASH_BYTES,
  type InstitutionSnapshot,
  type RegistrySnapshot,
  type TrustBundlePayload,
} from '../../core/trust-bundle/payload.ts';
import type { RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';

interface Institution {
  snapshot: InstitutionSnapshot;
  revoked: Buffer;
  /** The keys of its status lists' commitments, with their bits hashes and marks at the same positions; absent from older bundles. */
  statusLists?: { keys: Buffer; bitsHashes: Buffer; bitsOnly: readonly number[] };
}

interface Registry {
  snapshot: RegistrySnapshot;
  roots: Buffer;
  institutions: Map<number, Institution>;
  /** Signing DID -> its institution and compromise time (0: never). */
  dids: Map<string, { institution: Institution; compromisedSince: number }>;
}

/** What a bundle's registry says about one credential: its facts, or that it does not know the issuer. */
export type BundleAnswer = { facts: Omit<RegistryFacts, 'trusted'> } | { unknownIssuer: true };

/**
 * What a bundle's registry says about an issuer's status list: the latest commitment, or that it
 * does not know the issuer, or that it was made before bundles held status lists.
 */
export type BundleStatusListAnswer =
  | { commitment: StatusListCommitment }
  | { unknownIssuer: true }
  | { noStatusLists: true };

const bytes32 = (hex: string) => Buffer.from(hex.slice(2), 'hex');
const key = (chainId: number, registry: string) => `${chainId}|${registry.toLowerCase()}`;

/** A bundle's registries, indexed for lookups (binary searches over the packed hashes). */
export class TrustBundleIndex {
  readonly #registries = new Map<string, Registry>();

  constructor(readonly payload: TrustBundlePayload) {
    for (const snapshot of payload.registries) {
      const institutions = new Map<number, Institution>();
      const dids = new Map<string, { institution: Institution; compromisedSince: number }>();
      for (const s of snapshot.institutions) {
        const institution: Institution = {
          snapshot: s,
          revoked: Buffer.from(s.revocations.hashes, 'base64url'),
          ...(s.statusLists
            ? {
                statusLists: {
                  keys: Buffer.from(s.statusLists.keys, 'base64url'),
                  bitsHashes: Buffer.from(s.statusLists.bitsHashes, 'base64url'),
                  bitsOnly: s.statusLists.bitsOnly,
                },
              }
            : {}),
        };
        institutions.set(s.id, institution);
        for (const d of s.dids) dids.set(d.did, { institution, compromisedSince: d.compromisedSince ?? 0 });
      }
      const roots = Buffer.from(snapshot.anchors.roots, 'base64url');
      this.#registries.set(key(snapshot.chainId, snapshot.registry), { snapshot, roots, institutions, dids });
    }
  }

  /** Whether the bundle holds this trusted registry. */
  covers(trusted: TrustedRegistry): boolean {
    return this.#registries.has(key(trusted.chainId, trusted.registry));
  }

  /**
   * The registry's answer as of the bundle, shaped as a node's (RegistryFacts); undefined when the
   * bundle does not hold the registry. A root it lacks comes with a head that says "behind": it may
   * have been anchored after the bundle was made.
   */
  answer(trusted: TrustedRegistry, root: string, issuerDid: string, credentialHash: string): BundleAnswer | undefined {
    const registry = this.#registries.get(key(trusted.chainId, trusted.registry));
    if (!registry) return undefined;
    const issuer = registry.dids.get(issuerDid);
    if (!issuer) return { unknownIssuer: true };
    const { snapshot: inst } = issuer.institution;
    const [status, since] = inst.statusHistory[inst.statusHistory.length - 1]!;
    const at = root === ZeroHash ? -1 : findHash(registry.roots, bytes32(root));
    const { anchors } = registry.snapshot;
    const revokedAt = findHash(issuer.institution.revoked, bytes32(credentialHash));
    const facts = {
      anchor:
        at < 0
          ? { institutionId: 0, anchoredAt: 0, batchSize: 0 }
          : {
              institutionId: anchors.institution[at]!,
              anchoredAt: anchors.anchoredAt[at]!,
              batchSize: anchors.batchSize[at]!,
            },
      issuerInstitutionId: inst.id,
      issuerStatus: statusName(status),
      issuerStatusSince: since,
      issuerName: inst.name,
      revocation:
        revokedAt < 0
          ? { revokedAt: 0, reason: 0 }
          : { revokedAt: inst.revocations.revokedAt[revokedAt]!, reason: inst.revocations.reason[revokedAt]! },
      issuerDidCompromisedSince: issuer.compromisedSince,
    };
    const { asOf } = registry.snapshot;
    const missingRoot = at < 0 && root !== ZeroHash;
    return {
      facts: missingRoot ? { ...facts, head: { blockNumber: asOf.block, time: asOf.time, syncing: true } } : facts,
    };
  }

  /**
   * The latest commitment the issuer's institution made to status list `listKey` as of the bundle,
   * shaped as a node's answer (a list it never published: bits hash zero); undefined when the
   * bundle does not hold the registry.
   */
  statusList(trusted: TrustedRegistry, issuerDid: string, listKey: string): BundleStatusListAnswer | undefined {
    const registry = this.#registries.get(key(trusted.chainId, trusted.registry));
    if (!registry) return undefined;
    const issuer = registry.dids.get(issuerDid);
    if (!issuer) return { unknownIssuer: true };
    const { snapshot, statusLists } = issuer.institution;
    if (!statusLists) return { noStatusLists: true };
    const at = findHash(statusLists.keys, bytes32(listKey));
    if (at < 0) return { commitment: { institutionId: snapshot.id, bitsHash: ZeroHash, bitsOnly: false } };
    const bitsHash = `0x${statusLists.bitsHashes.subarray(at * HASH_BYTES, (at + 1) * HASH_BYTES).toString('hex')}`;
    return { commitment: { institutionId: snapshot.id, bitsHash, bitsOnly: statusLists.bitsOnly[at] === 1 } };
  }
}
