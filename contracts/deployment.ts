import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type JsonRpcProvider, parseEther } from 'ethers';
import { deployRegistry, Registry } from './registry.ts';

/** Where the registry lives; kept in the data dir so a restart reuses the same contract. */
export interface LedgerDeployment {
  chainId: number;
  registry: string;
  deployedAtBlock: number;
  authority: string;
}

export const deploymentFile = (dataDir: string) => join(dataDir, 'ledger', 'deployment.json');

export function readDeployment(dataDir: string): LedgerDeployment | undefined {
  const file = deploymentFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LedgerDeployment) : undefined;
}

function writeDeployment(dataDir: string, deployment: LedgerDeployment): void {
  const file = deploymentFile(dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(deployment, null, 2));
  renameSync(`${file}.tmp`, file);
}

/**
 * On the local development chain the first unlocked dev account acts as the accreditation
 * authority. The registry is deployed once; later starts find it at the recorded address.
 */
export async function ensureLocalDeployment(provider: JsonRpcProvider, dataDir: string): Promise<LedgerDeployment> {
  const chainId = Number((await provider.getNetwork()).chainId);
  const existing = readDeployment(dataDir);
  if (existing && existing.chainId === chainId && (await provider.getCode(existing.registry)) !== '0x') return existing;
  const authority = await provider.getSigner(0);
  const { address, blockNumber } = await deployRegistry(authority, await authority.getAddress());
  const deployment = {
    chainId,
    registry: address,
    deployedAtBlock: blockNumber,
    authority: await authority.getAddress(),
  };
  writeDeployment(dataDir, deployment);
  return deployment;
}

/** Local chain only: the authority accredits the local institution and gives its key gas money. */
export async function ensureLocalAccreditation(
  provider: JsonRpcProvider,
  deployment: LedgerDeployment,
  institution: { address: string; did: string; name: string },
): Promise<void> {
  const authority = await provider.getSigner(deployment.authority);
  const registry = new Registry(deployment.registry, authority);
  const id = await registry.institutionOfSigner(institution.address);
  if (id === 0) {
    await (
      await registry.contract.getFunction('accredit')(institution.address, institution.did, institution.name)
    ).wait();
  } else if ((await registry.institution(id)).status === 'Unknown') {
    throw new Error(`institution ${id} is unknown to the registry`);
  }
  if ((await provider.getBalance(institution.address)) < parseEther('1')) {
    await (await authority.sendTransaction({ to: institution.address, value: parseEther('100') })).wait();
  }
}
