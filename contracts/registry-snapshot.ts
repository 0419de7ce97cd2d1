import type { EventLog, Provider } from 'ethers';
import type { InstitutionSnapshot, RegistrySnapshot } from '../core/trust-bundle/payload.ts';
import { packHashes } from '../core/trust-bundle/payload.ts';
import { didHash, Registry } from './registry.ts';

/** Blocks per log query: within what public RPC providers allow. */
const BLOCK_RANGE = 10_000;

export interface SnapshotOptions {
  /** The registry's deployment block, or any block before its first event (default 0). */
  fromBlock?: number;
  /** Told what is being read, for a progress line on long reads. */
  progress?: (line: string) => void;
}

type Args = { args: Record<string, unknown> } & EventLog;

/**
 * An institution's latest commitment to each of its status lists, from the events in chain order
 * (a later publication replaces an earlier one), with the lists ever marked bits-only.
 */
function statusListsOf(
  institutionId: number,
  published: readonly Args[],
  marked: readonly Args[],
): NonNullable<InstitutionSnapshot['statusLists']> {
  const latest = new Map<string, string>();
  for (const e of published)
    if (Number(e.args.institutionId) === institutionId) latest.set(String(e.args.listKey), String(e.args.bitsHash));
  const bitsOnly = new Set(
    marked.filter((e) => Number(e.args.institutionId) === institutionId).map((e) => String(e.args.listKey)),
  );
  const keys = [...latest.keys()];
  const { packed, order } = packHashes(keys);
  return {
    keys: packed,
    bitsHashes: Buffer.concat(order.map((i) => Buffer.from(latest.get(keys[i]!)!.slice(2), 'hex'))).toString(
      'base64url',
    ),
    bitsOnly: order.map((i) => (bitsOnly.has(keys[i]!) ? 1 : 0)),
  };
}

/**
 * What one registry says at `block`, read from its events (as chain migration does) and its view
 * functions: institutions with their accreditation history, signing DIDs and compromise reports,
 * anchored roots and revocations. Every read is pinned to `block`, so the snapshot is of one moment.
 */
export async function snapshotRegistry(
  provider: Provider,
  trusted: Pick<RegistrySnapshot, 'name' | 'chainId' | 'registry' | 'migratedFrom'>,
  block: number,
  options: SnapshotOptions = {},
): Promise<RegistrySnapshot> {
  const registry = new Registry(trusted.registry, provider);
  const c = registry.contract;
  const progress = options.progress ?? (() => {});
  const names = [
    'InstitutionAccredited',
    'InstitutionStatusChanged',
    'DidAdded',
    'RootAnchored',
    'AnchorImported',
    'CredentialRevoked',
    'StatusListPublished',
    'StatusListMarkedBitsOnly',
  ] as const;
  const events = Object.fromEntries(names.map((n) => [n, [] as Args[]])) as Record<(typeof names)[number], Args[]>;
  const from = options.fromBlock ?? 0;
  for (let start = from; start <= block; start += BLOCK_RANGE) {
    const end = Math.min(block, start + BLOCK_RANGE - 1);
    progress(`${trusted.name}: reading blocks ${start}-${end} of ${from}-${block}`);
    const logs = (await c.queryFilter('*', start, end)) as Args[];
    for (const log of logs)
      if (log.fragment && log.fragment.name in events) events[log.fragment.name as (typeof names)[number]].push(log);
  }
  progress(
    `${trusted.name}: ${events.InstitutionAccredited.length} institution(s), ${events.RootAnchored.length + events.AnchorImported.length} anchor(s), ${events.CredentialRevoked.length} revocation(s), ${events.StatusListPublished.length} status list publication(s)`,
  );
  const blockTimes = new Map<number, number>();
  const timeOf = async (n: number) => {
    if (!blockTimes.has(n)) blockTimes.set(n, (await provider.getBlock(n))!.timestamp);
    return blockTimes.get(n)!;
  };
  const institutions: InstitutionSnapshot[] = [];
  for (const accredited of events.InstitutionAccredited) {
    const id = Number(accredited.args.institutionId);
    const dids = [
      String(accredited.args.did),
      ...events.DidAdded.filter((e) => Number(e.args.institutionId) === id).map((e) => String(e.args.did)),
    ].sort();
    const revoked = events.CredentialRevoked.filter((e) => Number(e.args.institutionId) === id);
    const { packed, order } = packHashes(revoked.map((e) => String(e.args.credentialHash)));
    const revokedAt = await Promise.all(revoked.map((e) => timeOf(e.blockNumber)));
    institutions.push({
      id,
      name: (await registry.contract.getFunction('getInstitution').staticCall(id, { blockTag: block })).name,
      statusHistory: events.InstitutionStatusChanged.filter((e) => Number(e.args.institutionId) === id).map((e) => [
        Number(e.args.status),
        Number(e.args.since),
      ]),
      dids: await Promise.all(
        dids.map(async (did) => {
          const since = Number(
            await registry.contract.getFunction('didCompromisedSince').staticCall(didHash(did), { blockTag: block }),
          );
          return since === 0 ? { did } : { did, compromisedSince: since };
        }),
      ),
      revocations: {
        hashes: packed,
        revokedAt: order.map((i) => revokedAt[i]!),
        reason: order.map((i) => Number(revoked[i]!.args.reason)),
      },
      statusLists: statusListsOf(id, events.StatusListPublished, events.StatusListMarkedBitsOnly),
    });
  }
  institutions.sort((a, b) => a.id - b.id);
  const anchored = [...events.RootAnchored, ...events.AnchorImported];
  const { packed, order } = packHashes(anchored.map((e) => String(e.args.root)));
  return {
    ...trusted,
    asOf: { block, time: await timeOf(block) },
    institutions,
    anchors: {
      roots: packed,
      institution: order.map((i) => Number(anchored[i]!.args.institutionId)),
      anchoredAt: order.map((i) => Number(anchored[i]!.args.anchoredAt)),
      batchSize: order.map((i) => Number(anchored[i]!.args.batchSize)),
    },
  };
}
