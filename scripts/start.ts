import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalAccreditation, ensureLocalDeployment, type LedgerDeployment } from '../contracts/deployment.ts';
import { type LocalNode, startLocalNode } from '../contracts/local-node.ts';
import { connectLedger, connectProvider, fetchChainId } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { lockDataDir } from '../core/data-dir-lock.ts';
import { whenLauncherGone } from '../core/launcher-watch.ts';
import { assertPortFree } from '../core/ports.ts';
import { type LedgerTarget, openIssuer } from '../issuer/index.ts';
import { startVerifierProcess } from '../verifier/child-process.ts';

/**
 * `npm start`: the whole system on embedded defaults — a local ledger node (unless LEDGER_RPC_URL
 * is set), the registry contract (deployed once, then reused), the issuer (in this process) and
 * the verifier (in a child process of its own).
 */

/** Whatever hangs while stopping, the whole system is down within 10 s of a signal. */
const STOP_DEADLINE_MS = 8000;

/** The chain id from the first endpoint that answers: one dead endpoint must not stop the start. */
async function firstChainId(rpcUrls: string[]): Promise<number> {
  const failures: string[] = [];
  for (const url of rpcUrls) {
    try {
      return await fetchChainId(url);
    } catch (error) {
      failures.push(`${url}: ${(error as Error).message}`);
    }
  }
  throw new Error(`no ledger endpoint answered (${failures.join('; ')})`);
}

/** The settings, or the start refused in one line saying which setting is wrong (not a stack trace). */
function settings(): ReturnType<typeof loadConfig> {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Skillmark could not start: ${error.message}`);
    process.exit(1);
  }
}

/**
 * The certificates the verifier trusts beyond the usual ones: the issuer's own, and those a
 * NODE_EXTRA_CA_CERTS of the machine already names (set system-wide on some, where the issuer's
 * certificate was left out and every status list of the issuer "could not be fetched").
 */
function extraCaCertificates(dataDir: string, issuerCertificate: string, already: string | undefined): string {
  if (!already) return issuerCertificate;
  const combined = join(dataDir, 'extra-ca-certificates.pem');
  let theirs = '';
  try {
    theirs = readFileSync(already, 'utf8');
  } catch {
    console.error(
      `NODE_EXTRA_CA_CERTS names ${already}, which cannot be read: only the issuer's certificate is added.`,
    );
  }
  writeFileSync(combined, `${theirs.trimEnd()}\n${readFileSync(issuerCertificate, 'utf8')}`, { mode: 0o600 });
  return combined;
}

async function main(): Promise<void> {
  const config = settings();
  const env = process.env;
  const institutionName = env.INSTITUTION_NAME?.trim() || 'Skillmark Demo Training Centre';
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    if (why) console.log(`${why}: stopping Skillmark…`);
    setTimeout(() => {
      console.error(`Skillmark did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.`);
      process.exit(code || 1);
    }, STOP_DEADLINE_MS).unref();
    for (const stop of stops.reverse()) await stop().catch((e: Error) => console.error(`while stopping: ${e.message}`));
    if (why) console.log('Skillmark stopped.');
    process.exit(code);
  };
  // Also while starting: what is already up is stopped, the ledger node and verifier die with us.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(0, `${signal} received`));
  whenLauncherGone(() => void shutdown(0, 'npm start was stopped'));

  try {
    const unlock = lockDataDir(config.dataDir);
    stops.push(async () => unlock());
    // Refuse before starting anything, rather than fail half-way with a ledger already touched.
    await assertPortFree(config.host, config.issuerPort, 'set ISSUER_PORT to a free port.');
    await assertPortFree(config.host, config.verifierPort, 'set VERIFIER_PORT to a free port.');
    let ledger: LedgerTarget;
    let node: LocalNode | undefined;
    let deployment: LedgerDeployment | undefined;
    if (config.ledgerRpcUrl) {
      const rpcUrls = config.ledgerRpcUrl
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      if (!config.registryAddress)
        throw new ConfigError(
          'LEDGER_RPC_URL is set, so REGISTRY_ADDRESS must name the registry contract on that chain.',
        );
      ledger = { rpcUrls, chainId: await firstChainId(rpcUrls), registry: config.registryAddress };
    } else {
      if (config.anchorConfirmations > 1)
        throw new ConfigError(
          `ANCHOR_CONFIRMATIONS is ${config.anchorConfirmations}, but the embedded ledger makes a block only for a new transaction, so a batch would wait for its further confirmations until the next one: leave it at 1 with the embedded ledger (set it with LEDGER_RPC_URL, for a real chain)`,
        );
      node = await startLocalNode({ dataDir: config.dataDir, port: config.ledgerPort });
      stops.push(() => node!.stop());
      const provider = connectProvider(node.rpcUrl, node.chainId);
      deployment = await ensureLocalDeployment(provider, config.dataDir);
      provider.destroy();
      ledger = { rpcUrls: [node.rpcUrl], chainId: node.chainId, registry: deployment.registry };
    }

    const issuer = await openIssuer({
      config,
      ledger,
      institutionName,
      adminToken: env.SKILLMARK_ADMIN_TOKEN,
      masterKey: env.SKILLMARK_MASTER_KEY,
    });
    stops.push(() => issuer.stop());
    if (deployment) {
      const provider = connectProvider(ledger.rpcUrls[0]!, ledger.chainId);
      await ensureLocalAccreditation(provider, deployment, {
        address: issuer.ledgerAddress,
        did: issuer.did,
        name: institutionName,
      });
      provider.destroy();
    } else {
      const provider = connectLedger(ledger.rpcUrls, ledger.chainId);
      if ((await new Registry(ledger.registry, provider).institutionOfSigner(issuer.ledgerAddress)) === 0) {
        console.warn(
          `! The institution's ledger address ${issuer.ledgerAddress} is not accredited on registry ${ledger.registry} yet: credentials stay pending until the authority accredits it (and the address holds gas).`,
        );
      }
      provider.destroy();
    }
    const issuerServer = await issuer.start();

    const trust = env.VERIFIER_TRUST_FILE
      ? undefined
      : {
          registries: [
            {
              name: node ? 'Local development registry' : 'Configured registry',
              chainId: ledger.chainId,
              registry: ledger.registry.toLowerCase(),
              rpcUrls: ledger.rpcUrls,
              // The embedded node makes blocks only on demand: an old head does not mean it is behind.
              ...(node ? { maxHeadAgeSeconds: 0 } : {}),
            },
          ],
        };
    // The verifier beside the issuer fetches its status lists from this machine (only that origin).
    const issuerOrigin = new URL(config.issuerPublicUrl);
    const localIssuer = /^(127\.\d+\.\d+\.\d+|\[::1\])$/.test(issuerOrigin.hostname);
    const verifierEnv = {
      ...env,
      ...(localIssuer && env.VERIFIER_STATUS_LIST_LOCAL_ORIGINS === undefined
        ? { VERIFIER_STATUS_LIST_LOCAL_ORIGINS: issuerOrigin.origin }
        : {}),
      // Over HTTPS with a certificate of its own (self-signed on a small installation), the issuer's
      // lists are fetched trusting that certificate too, beside any the machine already adds.
      ...(config.tls && env.TLS_CERT_FILE
        ? { NODE_EXTRA_CA_CERTS: extraCaCertificates(config.dataDir, env.TLS_CERT_FILE, env.NODE_EXTRA_CA_CERTS) }
        : {}),
    };
    const verifier = await startVerifierProcess({ dataDir: config.dataDir, env: verifierEnv, trust });
    stops.push(() => verifier.stop());
    // Stopped on its own (a crash, or a Ctrl+C that reached it first): the system stops as a whole.
    void verifier.exited.then((end) => shutdown(end === 0 ? 0 : 1, `The verifier stopped (${end})`));

    console.log(
      [
        '',
        'Skillmark is running',
        `  issuer     ${issuerServer.url}   (${institutionName}, ${issuer.did})`,
        `  verifier   ${verifier.url}`,
        `  ledger     ${ledger.rpcUrls.join(', ')}   chain ${ledger.chainId}, registry ${ledger.registry}${node ? ' (local node)' : ''}`,
        `  data dir   ${config.dataDir}`,
        ...(issuer.adminTokenCreated
          ? [
              '',
              `  Admin token (shown once, only its hash is stored):`,
              `    ${issuer.adminTokenCreated}`,
              '  Set SKILLMARK_ADMIN_TOKEN to choose your own instead.',
            ]
          : []),
        '',
        'Press Ctrl+C to stop.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`Skillmark could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

await main();
