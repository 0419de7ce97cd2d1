import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../core/config.ts';
import { startVerifier, type Verifier } from '../../verifier/service.ts';
import { freePort } from './local-chain.ts';
import { PROJECT_ROOT, type RunningSystem, tempDir } from './system.ts';

const run = promisify(execFile);

/**
 * Runs the documented migration command (scripts/migrate-chain.ts, as the local authority) from
 * the system's ledger and registry to the chain at `toRpcUrl`: into `toRegistry` when given, else
 * into a registry it deploys. Returns its JSON report.
 */
export async function migrateChain(
  system: RunningSystem,
  fromRegistry: string,
  toRpcUrl: string,
  toRegistry?: string,
): Promise<any> {
  const args = [
    join(PROJECT_ROOT, 'scripts', 'migrate-chain.ts'),
    '--from',
    `http://127.0.0.1:${system.env.LEDGER_PORT}`,
    '--from-registry',
    fromRegistry,
    '--to',
    toRpcUrl,
    '--local-authority',
    '--json',
  ];
  if (toRegistry) args.push('--to-registry', toRegistry);
  const { stdout } = await run(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: PROJECT_ROOT });
  return JSON.parse(stdout);
}

/** A verifier (in this process) that trusts only the successor registry, declared to have taken over from the old one. */
export async function startSuccessorVerifier(
  successor: { chainId: number; registry: string; rpcUrl: string },
  predecessor: { chainId: number; registry: string },
  /** The issuer's origin on this machine, for its status lists. */
  issuerUrl?: string,
): Promise<Verifier> {
  return startVerifier({
    ...(issuerUrl ? { statusListLocalOrigins: [issuerUrl] } : {}),
    config: { ...loadConfig({}), dataDir: tempDir('skillmark-migrated-verifier-'), verifierPort: await freePort() },
    trust: {
      registries: [
        {
          name: 'Successor registry',
          chainId: successor.chainId,
          registry: successor.registry.toLowerCase(),
          rpcUrls: [successor.rpcUrl],
          migratedFrom: [{ chainId: predecessor.chainId, registry: predecessor.registry.toLowerCase() }],
        },
      ],
    },
  });
}
