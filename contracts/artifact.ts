import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The EVM version the registry is compiled for: widely deployed on public and permissioned chains. */
export const EVM_VERSION = 'cancun';

export interface ContractArtifact {
  contractName: string;
  sourceHash: string;
  compiler: string;
  evmVersion: string;
  abi: unknown[];
  bytecode: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE_FILE = 'SkillmarkRegistry.sol';
const CONTRACT_NAME = 'SkillmarkRegistry';
export const ARTIFACT_PATH = join(here, 'build', `${CONTRACT_NAME}.json`);

function readSource(): { source: string; sourceHash: string } {
  const source = readFileSync(join(here, SOURCE_FILE), 'utf8');
  return { source, sourceHash: createHash('sha256').update(source).update(EVM_VERSION).digest('hex') };
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Compiles the registry with the solc-js compiler shipped in the npm package (no download). */
export function compileRegistry(): ContractArtifact {
  const { source, sourceHash } = readSource();
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const input = {
    language: 'Solidity',
    sources: { [SOURCE_FILE]: { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: EVM_VERSION,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`Solidity compilation failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  const compiled = output.contracts[SOURCE_FILE]?.[CONTRACT_NAME];
  if (!compiled) throw new Error(`solc produced no ${CONTRACT_NAME}`);
  return {
    contractName: CONTRACT_NAME,
    sourceHash,
    compiler: solc.version(),
    evmVersion: EVM_VERSION,
    abi: compiled.abi,
    bytecode: `0x${compiled.evm.bytecode.object}`,
  };
}

/** The compiled registry, rebuilt when the Solidity source changed since the last build. */
export function registryArtifact(): ContractArtifact {
  const { sourceHash } = readSource();
  if (existsSync(ARTIFACT_PATH)) {
    const cached = JSON.parse(readFileSync(ARTIFACT_PATH, 'utf8')) as ContractArtifact;
    if (cached.sourceHash === sourceHash) return cached;
  }
  const artifact = compileRegistry();
  mkdirSync(dirname(ARTIFACT_PATH), { recursive: true });
  const tmp = `${ARTIFACT_PATH}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(artifact, null, 2));
  renameSync(tmp, ARTIFACT_PATH);
  return artifact;
}
