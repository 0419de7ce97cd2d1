import { parseArgs } from 'node:util';
import { applyMigration, readSourceRegistry } from '../contracts/migration.ts';
import { connectProvider, fetchChainId } from '../contracts/provider.ts';
import { deployRegistry, Registry } from '../contracts/registry.ts';
import { authoritySigner } from './authority-key.ts';

const HELP = `Re-anchor a registry's history on another chain (e.g. when a network is retired).

Usage:
  npm run migrate-chain -- --from <rpc-url> --from-registry <address> --to <rpc-url> [--to-registry <address>]
                           [--institution <did>] [--from-block <n>] [--keystore <file> | --local-authority] [--json]

Reads every accredited institution, anchored root (with its original time) and revocation from the
source registry's events, then, as the target registry's authority: accredits the institutions
(same DID, name and anchoring key), copies their status, imports the anchors with their original
times (importAnchors) and repeats the revocations (revokeFor). Already present items are skipped,
so an interrupted run is completed by running it again.

Without --to-registry a new registry is deployed on the target chain.
The target authority's key comes from --keystore <file> (an encrypted Ethereum keystore, its
passphrase from AUTHORITY_KEYSTORE_PASSPHRASE or asked for; npm run authority -- new-key makes one),
else AUTHORITY_PRIVATE_KEY, or, on a local development chain, from its first unlocked account with
--local-authority.

Afterwards, verifiers add "migratedFrom": [{"chainId": <old>, "registry": "<old address>"}] to the
new registry's entry in their trust file; receipts naming the old chain keep verifying.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        'from-registry': { type: 'string' },
        to: { type: 'string' },
        'to-registry': { type: 'string' },
        institution: { type: 'string' },
        'from-block': { type: 'string' },
        'local-authority': { type: 'boolean' },
        keystore: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.from || !values['from-registry'] || !values.to) {
    console.error(`--from, --from-registry and --to are required.\n\n${HELP}`);
    return 2;
  }
  const log = (message: string) => {
    if (!values.json) console.log(message);
  };
  const source = connectProvider(values.from, await fetchChainId(values.from), { timeoutMs: 30_000 });
  const targetChainId = await fetchChainId(values.to);
  const target = connectProvider(values.to, targetChainId, { timeoutMs: 30_000 });
  try {
    const authority = await authoritySigner(target, {
      keystore: values.keystore ?? process.env.AUTHORITY_KEYSTORE,
      ...(values['local-authority'] ? { local: 0 } : {}),
    });
    let targetAddress = values['to-registry'];
    if (!targetAddress) {
      targetAddress = (await deployRegistry(authority, await authority.getAddress())).address;
      log(`Deployed a new registry on chain ${targetChainId} at ${targetAddress}`);
    }
    const fromBlock = values['from-block'] === undefined ? undefined : Number(values['from-block']);
    const plan = await readSourceRegistry(source, values['from-registry'], {
      fromBlock,
      institutionDid: values.institution,
    });
    log(
      `Source chain ${plan.sourceChainId}: ${plan.institutions.length} institution(s), ${plan.anchors.length} anchor(s), ${plan.revocations.length} revocation(s)`,
    );
    const report = await applyMigration(plan, new Registry(targetAddress, authority), log);
    const result = {
      targetChainId,
      targetRegistry: targetAddress,
      sourceChainId: plan.sourceChainId,
      sourceRegistry: values['from-registry'],
      ...report,
    };
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      log(
        `Done: ${report.anchorsImported} anchor(s) imported (${report.anchorsAlreadyPresent} already there), ${report.revocationsCopied} revocation(s), ${report.institutionsAccredited} institution(s) accredited, ${report.didsAdded} signing DID(s) added, ${report.compromisesCopied} compromise report(s) copied, in ${report.transactions} transaction(s).`,
      );
      log(
        `Trust file entry for verifiers: ${JSON.stringify({ name: 'Migrated registry', chainId: targetChainId, registry: targetAddress, rpcUrls: [values.to], migratedFrom: [{ chainId: plan.sourceChainId, registry: values['from-registry'] }] })}`,
      );
    }
    return 0;
  } finally {
    source.destroy();
    target.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Migration failed: ${error.message.split('\n')[0]}`);
    process.exit(1);
  },
);
