import { readDeployment } from '../contracts/deployment.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { readTrustConfigFile, type TrustConfig } from './trust.ts';

/**
 * The trusted registries from the environment: VERIFIER_TRUST_FILE, else the registry that
 * `npm start` deployed in the data dir, on LEDGER_RPC_URL or the embedded node.
 */
export function trustFromEnvironment(env: NodeJS.ProcessEnv, dataDir: string): TrustConfig {
  if (env.VERIFIER_TRUST_FILE) return readTrustConfigFile(env.VERIFIER_TRUST_FILE);
  const deployment = readDeployment(dataDir);
  if (!deployment)
    throw new ConfigError(
      `Set VERIFIER_TRUST_FILE, or SKILLMARK_DATA_DIR to a data dir where \`npm start\` deployed a registry (none in ${dataDir}).`,
    );
  if (env.LEDGER_RPC_URL) {
    const rpcUrls = env.LEDGER_RPC_URL.split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    return {
      registries: [
        {
          name: 'Local development registry',
          chainId: deployment.chainId,
          registry: deployment.registry.toLowerCase(),
          rpcUrls,
        },
      ],
    };
  }
  // The embedded node makes blocks only on demand: an old head does not mean it is behind.
  const rpcUrls = [`http://127.0.0.1:${loadConfig(env).ledgerPort}`];
  return {
    registries: [
      {
        name: 'Local development registry',
        chainId: deployment.chainId,
        registry: deployment.registry.toLowerCase(),
        rpcUrls,
        maxHeadAgeSeconds: 0,
      },
    ],
  };
}
