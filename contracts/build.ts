import { ARTIFACT_PATH, registryArtifact } from './artifact.ts';

const artifact = registryArtifact();
console.log(
  `Compiled ${artifact.contractName} with solc ${artifact.compiler} (${artifact.evmVersion}) -> ${ARTIFACT_PATH.replace(`${process.cwd()}/`, '')}`,
);
