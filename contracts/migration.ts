import type { EventLog, Provider } from 'ethers';
import { didHash, InstitutionStatus, Registry } from './registry.ts';

export interface MigrationPlan {
  sourceChainId: number;
  institutions: {
    did: string;
    name: string;
    signer: string;
    status: keyof typeof InstitutionStatus;
    sourceId: number;
  }[];
  anchors: { root: string; sourceInstitutionId: number; batchSize: number; anchoredAt: number }[];
  revocations: { sourceInstitutionId: number; credentialHash: string; reason: number }[];
  /** Signing DIDs added after accreditation (signing-key rotation). */
  dids: { sourceInstitutionId: number; did: string }[];
  /** DIDs reported compromised, with the time their key counts as compromised from (unix seconds). */
  compromises: { did: string; since: number }[];
  /** Each status list's latest commitment (SHA-256 of its bits), by the institution's source id. */
  statusLists: { sourceInstitutionId: number; listKey: string; bitsHash: string; bitsOnly: boolean }[];
}

export interface MigrationReport {
  institutionsAccredited: number;
  statusesCopied: number;
  anchorsImported: number;
  anchorsAlreadyPresent: number;
  revocationsCopied: number;
  didsAdded: number;
  compromisesCopied: number;
  statusListsCopied: number;
  transactions: number;
}

/** Anchors per importAnchors transaction: keeps each one far below block gas limits. */
const CHUNK = 100;

type Args<T> = { args: T } & EventLog;

/**
 * Everything a registry on a retiring chain knows, read from its events: institutions (with their
 * latest status and first anchoring key), anchored roots with their original times, revocations.
 */
export async function readSourceRegistry(
  provider: Provider,
  address: string,
  options: { fromBlock?: number; institutionDid?: string } = {},
): Promise<MigrationPlan> {
  const registry = new Registry(address, provider);
  const c = registry.contract;
  const from = options.fromBlock ?? 0;
  const sourceChainId = Number((await provider.getNetwork()).chainId);
  const accredited = (await c.queryFilter(c.filters.InstitutionAccredited!(), from)) as Args<{
    institutionId: bigint;
    signer: string;
    did: string;
    name: string;
  }>[];
  const institutions = [];
  for (const event of accredited) {
    if (options.institutionDid && event.args.did !== options.institutionDid) continue;
    const current = await registry.institution(Number(event.args.institutionId));
    institutions.push({
      did: event.args.did,
      name: event.args.name,
      signer: event.args.signer,
      status: current.status,
      sourceId: Number(event.args.institutionId),
    });
  }
  const wanted = new Set(institutions.map((i) => i.sourceId));
  const anchored = (await c.queryFilter(c.filters.RootAnchored!(), from)) as Args<{
    root: string;
    institutionId: bigint;
    batchSize: bigint;
    anchoredAt: bigint;
  }>[];
  const imported = (await c.queryFilter(c.filters.AnchorImported!(), from)) as Args<{
    root: string;
    institutionId: bigint;
    batchSize: bigint;
    anchoredAt: bigint;
  }>[];
  const anchors = [...anchored, ...imported]
    .map((e) => ({
      root: e.args.root,
      sourceInstitutionId: Number(e.args.institutionId),
      batchSize: Number(e.args.batchSize),
      anchoredAt: Number(e.args.anchoredAt),
    }))
    .filter((a) => wanted.has(a.sourceInstitutionId));
  const revoked = (await c.queryFilter(c.filters.CredentialRevoked!(), from)) as Args<{
    institutionId: bigint;
    credentialHash: string;
    reason: bigint;
  }>[];
  const revocations = revoked
    .map((e) => ({
      sourceInstitutionId: Number(e.args.institutionId),
      credentialHash: e.args.credentialHash,
      reason: Number(e.args.reason),
    }))
    .filter((r) => wanted.has(r.sourceInstitutionId));
  const added = (await c.queryFilter(c.filters.DidAdded!(), from)) as Args<{ institutionId: bigint; did: string }>[];
  const dids = added
    .map((e) => ({ sourceInstitutionId: Number(e.args.institutionId), did: e.args.did }))
    .filter((d) => wanted.has(d.sourceInstitutionId));
  const compromises = [];
  for (const did of [...institutions.map((i) => i.did), ...dids.map((d) => d.did)]) {
    const since = await registry.didCompromisedSince(did);
    if (since !== 0) compromises.push({ did, since });
  }
  const published = (await c.queryFilter(c.filters.StatusListPublished!(), from)) as Args<{
    institutionId: bigint;
    listKey: string;
    bitsHash: string;
  }>[];
  // Events come in chain order: the last one of a list is its latest commitment.
  const marked = (await c.queryFilter(c.filters.StatusListMarkedBitsOnly!(), from)) as Args<{
    institutionId: bigint;
    listKey: string;
  }>[];
  // A list marked bits-only stays so: the per-hash record copied beside it does not answer for it.
  const bitsOnly = new Set(marked.map((e) => `${Number(e.args.institutionId)}|${e.args.listKey}`));
  const latest = new Map<string, MigrationPlan['statusLists'][number]>();
  for (const e of published) {
    const sourceInstitutionId = Number(e.args.institutionId);
    if (!wanted.has(sourceInstitutionId)) continue;
    const key = `${sourceInstitutionId}|${e.args.listKey}`;
    latest.set(key, {
      sourceInstitutionId,
      listKey: e.args.listKey,
      bitsHash: e.args.bitsHash,
      bitsOnly: bitsOnly.has(key),
    });
  }
  return { sourceChainId, institutions, anchors, revocations, dids, compromises, statusLists: [...latest.values()] };
}

/**
 * Replays a plan on the target registry with its authority's key. Idempotent: institutions known
 * by DID, roots already present and credentials already revoked are skipped, so an interrupted
 * migration is finished by running it again.
 */
export async function applyMigration(
  plan: MigrationPlan,
  target: Registry,
  progress: (message: string) => void = () => {},
): Promise<MigrationReport> {
  const report: MigrationReport = {
    institutionsAccredited: 0,
    statusesCopied: 0,
    anchorsImported: 0,
    anchorsAlreadyPresent: 0,
    revocationsCopied: 0,
    didsAdded: 0,
    compromisesCopied: 0,
    statusListsCopied: 0,
    transactions: 0,
  };
  const call = async (method: string, ...args: unknown[]) => {
    await (await target.contract.getFunction(method)(...args)).wait();
    report.transactions++;
  };
  const targetIdOf = new Map<number, number>();
  for (const institution of plan.institutions) {
    let id = await target.institutionOfDid(institution.did);
    if (id === 0) {
      await call('accredit', institution.signer, institution.did, institution.name);
      id = await target.institutionOfDid(institution.did);
      report.institutionsAccredited++;
      progress(`accredited ${institution.name} (${institution.did}) as institution ${id}`);
    }
    if ((await target.institution(id)).status !== institution.status && institution.status !== 'Unknown') {
      await call('setStatus', id, InstitutionStatus[institution.status]);
      report.statusesCopied++;
    }
    targetIdOf.set(institution.sourceId, id);
  }
  // Signing DIDs and compromise reports go before the anchors: no anchor may count on the new
  // registry for a key that was reported stolen on the old one.
  for (const { sourceInstitutionId, did } of plan.dids) {
    const targetId = targetIdOf.get(sourceInstitutionId);
    if (targetId === undefined || (await target.institutionOfDid(did)) !== 0) continue;
    await call('addDid', targetId, did);
    report.didsAdded++;
  }
  for (const { did, since } of plan.compromises) {
    const current = await target.didCompromisedSince(did);
    if (current !== 0 && current <= since) continue;
    await call('reportDidCompromised', didHash(did), since);
    report.compromisesCopied++;
  }
  const missing = [];
  for (const anchor of plan.anchors) {
    if ((await target.anchorOf(anchor.root)).institutionId === 0) missing.push(anchor);
    else report.anchorsAlreadyPresent++;
  }
  for (const [sourceId, targetId] of targetIdOf) {
    const mine = missing.filter((a) => a.sourceInstitutionId === sourceId);
    for (let i = 0; i < mine.length; i += CHUNK) {
      const chunk = mine.slice(i, i + CHUNK);
      await call(
        'importAnchors',
        targetId,
        chunk.map((a) => a.root),
        chunk.map((a) => a.batchSize),
        chunk.map((a) => a.anchoredAt),
        plan.sourceChainId,
      );
      report.anchorsImported += chunk.length;
      progress(`imported ${report.anchorsImported}/${missing.length} anchors`);
    }
    const revocations = [];
    for (const r of plan.revocations.filter((r) => r.sourceInstitutionId === sourceId)) {
      if ((await target.revocation(targetId, r.credentialHash)).revokedAt === 0) revocations.push(r);
    }
    for (const reason of new Set(revocations.map((r) => r.reason))) {
      const hashes = revocations.filter((r) => r.reason === reason).map((r) => r.credentialHash);
      for (let i = 0; i < hashes.length; i += CHUNK) {
        await call('revokeFor', targetId, hashes.slice(i, i + CHUNK), reason);
        report.revocationsCopied += hashes.slice(i, i + CHUNK).length;
      }
    }
    const did = plan.institutions.find((i) => i.sourceId === sourceId)!.did;
    const lists = [];
    for (const l of plan.statusLists.filter((l) => l.sourceInstitutionId === sourceId)) {
      const there = await target.statusListOf(did, l.listKey);
      if (there.bitsHash !== l.bitsHash || there.bitsOnly !== l.bitsOnly) lists.push(l);
    }
    for (let i = 0; i < lists.length; i += CHUNK) {
      const chunk = lists.slice(i, i + CHUNK);
      await call(
        'importStatusLists',
        targetId,
        chunk.map((l) => l.listKey),
        chunk.map((l) => l.bitsHash),
        chunk.map((l) => l.bitsOnly),
      );
      report.statusListsCopied += chunk.length;
    }
  }
  return report;
}
