import { Contract, ContractFactory, type ContractRunner, Interface, id, isError, type Signer } from 'ethers';
import { registryArtifact } from './artifact.ts';

/** Accreditation status as stored on chain (enum SkillmarkRegistry.Status). */
export const InstitutionStatus = { Unknown: 0, Accredited: 1, Suspended: 2, Withdrawn: 3 } as const;
export type InstitutionStatusName = keyof typeof InstitutionStatus;
export const statusName = (value: number): InstitutionStatusName =>
  (Object.keys(InstitutionStatus) as InstitutionStatusName[]).find((k) => InstitutionStatus[k] === value) ?? 'Unknown';

export { RevocationReason, type RevocationReasonName } from './revocation-reason.ts';

export interface CredentialFacts {
  anchor: { institutionId: number; anchoredAt: number; batchSize: number };
  issuerInstitutionId: number;
  issuerStatus: InstitutionStatusName;
  issuerStatusSince: number;
  issuerName: string;
  revocation: { revokedAt: number; reason: number };
  /** When the issuer DID's key was reported compromised (unix seconds); 0: never. */
  issuerDidCompromisedSince: number;
}

/** The latest commitment to a status list: SHA-256 of its bits; ZeroHash when none was published. */
export interface StatusListCommitment {
  /** The institution the issuer DID is registered for; 0: none. */
  institutionId: number;
  bitsHash: string;
  /**
   * True once the institution published the list with revocations recorded by bits only (no
   * per-hash revocation): the per-hash record then no longer answers for this list.
   */
  bitsOnly: boolean;
}

export interface Institution {
  id: number;
  status: InstitutionStatusName;
  statusSince: number;
  did: string;
  name: string;
}

let cachedInterface: Interface | undefined;
export function registryInterface(): Interface {
  cachedInterface ??= new Interface(registryArtifact().abi as never);
  return cachedInterface;
}

/** The on-chain key of a DID: keccak-256 of its UTF-8 bytes. */
export const didHash = (did: string): string => id(did);

/**
 * What the refusals an institution meets before, or after, its accreditation mean, for the staff who
 * read the issuer's log and `GET /anchoring`: they are the accreditation authority's to lift.
 */
function inPlainWords(name: string, args: readonly unknown[]): string {
  if (name === 'InstitutionNotAccredited')
    return `: institution ${args[0]} is ${statusName(Number(args[1])).toLowerCase()} on the registry; only the accreditation authority can restore its accreditation`;
  if (name === 'NotSigner')
    return `: ${args[0]} is not the ledger key of any institution on the registry; the accreditation authority accredits an institution's key`;
  return '';
}

/**
 * Turns a revert into its custom error's name and arguments, e.g. `NotSigner(0xabc…)`, followed by
 * what it means where an institution's staff may meet it.
 */
export function describeContractError(error: unknown): string {
  const data =
    (error as { data?: string; info?: { error?: { data?: string } } })?.data ??
    (error as { info?: { error?: { data?: string } } })?.info?.error?.data;
  if (typeof data === 'string' && data.length >= 10) {
    const parsed = registryInterface().parseError(data);
    if (parsed) return `${parsed.name}(${parsed.args.map(String).join(', ')})${inPlainWords(parsed.name, parsed.args)}`;
  }
  if (isError(error, 'CALL_EXCEPTION') && error.revert) return `${error.revert.name}(${error.revert.args.join(', ')})`;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export async function deployRegistry(
  deployer: Signer,
  authority: string,
): Promise<{ address: string; blockNumber: number }> {
  const artifact = registryArtifact();
  const factory = new ContractFactory(artifact.abi as never, artifact.bytecode, deployer);
  const contract = await factory.deploy(authority);
  const receipt = await contract.deploymentTransaction()!.wait();
  return { address: await contract.getAddress(), blockNumber: receipt!.blockNumber };
}

/** Typed access to a deployed SkillmarkRegistry. */
export class Registry {
  readonly contract: Contract;

  constructor(
    readonly address: string,
    runner: ContractRunner,
  ) {
    this.contract = new Contract(address, registryInterface(), runner);
  }

  async credentialFacts(
    root: string,
    issuerDid: string,
    credentialHash: string,
    blockTag?: number,
  ): Promise<CredentialFacts> {
    const f = await this.contract
      .getFunction('credentialFacts')
      .staticCall(root, didHash(issuerDid), credentialHash, blockTag === undefined ? {} : { blockTag });
    return {
      anchor: {
        institutionId: Number(f.anchor.institutionId),
        anchoredAt: Number(f.anchor.anchoredAt),
        batchSize: Number(f.anchor.batchSize),
      },
      issuerInstitutionId: Number(f.issuerInstitutionId),
      issuerStatus: statusName(Number(f.issuerStatus)),
      issuerStatusSince: Number(f.issuerStatusSince),
      issuerName: String(f.issuerName),
      revocation: { revokedAt: Number(f.revocation.revokedAt), reason: Number(f.revocation.reason) },
      issuerDidCompromisedSince: Number(f.issuerDidCompromisedSince),
    };
  }

  /** The revocation institution `institutionId` recorded for `credentialHash` (revokedAt 0: none). */
  async revocation(
    institutionId: number,
    credentialHash: string,
    blockTag?: number,
  ): Promise<{ revokedAt: number; reason: number }> {
    const r = await this.contract
      .getFunction('getRevocation')
      .staticCall(institutionId, credentialHash, blockTag === undefined ? {} : { blockTag });
    return { revokedAt: Number(r.revokedAt), reason: Number(r.reason) };
  }

  /** The latest commitment to the status list `listKey` of the institution `issuerDid` is registered for. */
  async statusListOf(issuerDid: string, listKey: string, blockTag?: number): Promise<StatusListCommitment> {
    const [institutionId, bitsHash, bitsOnly] = await this.contract
      .getFunction('statusListStateOf')
      .staticCall(didHash(issuerDid), listKey, blockTag === undefined ? {} : { blockTag });
    return { institutionId: Number(institutionId), bitsHash: String(bitsHash), bitsOnly: Boolean(bitsOnly) };
  }

  async institution(institutionId: number): Promise<Institution> {
    const i = await this.contract.getFunction('getInstitution').staticCall(institutionId);
    return {
      id: institutionId,
      status: statusName(Number(i.status)),
      statusSince: Number(i.statusSince),
      did: i.did,
      name: i.name,
    };
  }

  async institutionOfSigner(address: string): Promise<number> {
    return Number(await this.contract.getFunction('institutionOfSigner').staticCall(address));
  }

  async institutionOfDid(did: string): Promise<number> {
    return Number(await this.contract.getFunction('institutionOfDid').staticCall(didHash(did)));
  }

  /** When `did`'s key was reported compromised (unix seconds); 0: never. */
  async didCompromisedSince(did: string): Promise<number> {
    return Number(await this.contract.getFunction('didCompromisedSince').staticCall(didHash(did)));
  }

  async anchorOf(root: string): Promise<{ institutionId: number; anchoredAt: number; batchSize: number }> {
    const a = await this.contract.getFunction('getAnchor').staticCall(root);
    return { institutionId: Number(a.institutionId), anchoredAt: Number(a.anchoredAt), batchSize: Number(a.batchSize) };
  }
}
