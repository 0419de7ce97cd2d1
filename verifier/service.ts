import type { SkillmarkConfig } from '../core/config.ts';
import { openDatabase } from '../core/db.ts';
import { listen, type RunningServer } from '../core/serve.ts';
import { createVerifierApp } from './app.ts';
import { ChallengeStore, type VerifierTables, verifierMigrations } from './challenges.ts';
import { DidKeyResolver, type DidKeyResolverOptions } from './did-key-resolver.ts';
import { LedgerReader } from './ledger-reader.ts';
import { StatusListFetcher } from './status-list-fetch.ts';
import type { TrustConfig } from './trust.ts';
import { BundleBackedLedgerReader } from './trust-bundle/bundle-backed-ledger-reader.ts';
import type { TrustBundleSetting } from './trust-bundle/settings.ts';

export interface VerifierOptions {
  config: SkillmarkConfig;
  trust: TrustConfig;
  challengeTtlMs?: number;
  /** Unused challenges one client (address) may hold at once (0: no cap). */
  challengesPerClient?: number;
  clockSkewSeconds?: number;
  /** Requests per minute per client (0: no limit). */
  rateLimitPerMinute?: number;
  trustProxy?: boolean;
  /** How long ledger answers are reused (see LedgerReaderOptions). */
  ledgerCacheTtlMs?: number;
  /** DID resolution: which did:ethr chain is accepted, and the node asked whether an identity changed. */
  didResolver?: DidKeyResolverOptions;
  /** http origins on loopback addresses status lists may be fetched from (VERIFIER_STATUS_LIST_LOCAL_ORIGINS). */
  statusListLocalOrigins?: string[];
  /** Answers the ledger checks when the ledger cannot be reached (docs/trust-bundle.md). */
  trustBundle?: TrustBundleSetting;
  log?: (message: string) => void;
}

export interface Verifier {
  server: RunningServer;
  stop(): Promise<void>;
}

/** Starts the verifier: challenges in the database, everything else derived per request. */
export async function startVerifier(options: VerifierOptions): Promise<Verifier> {
  const { config } = options;
  const { db } = await openDatabase<VerifierTables>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    name: 'verifier',
    migrations: verifierMigrations,
    durability: 'normal',
  });
  const now = () => new Date();
  const readerOptions = { cacheTtlMs: options.ledgerCacheTtlMs };
  const ledger = options.trustBundle
    ? new BundleBackedLedgerReader(
        options.trust,
        options.trustBundle.index,
        options.trustBundle.policy,
        now,
        readerOptions,
      )
    : new LedgerReader(options.trust, readerOptions);
  const challenges = new ChallengeStore(db, options.challengeTtlMs ?? 5 * 60_000, {
    perClient: options.challengesPerClient ?? 100,
  });
  const app = createVerifierApp({
    context: {
      keys: new DidKeyResolver(options.didResolver),
      ledger,
      statusLists: new StatusListFetcher({ localOrigins: options.statusListLocalOrigins ?? [] }),
      now,
      clockSkewSeconds: options.clockSkewSeconds ?? 60,
    },
    challenges,
    rateLimit: { perMinute: options.rateLimitPerMinute ?? 1200, trustProxy: options.trustProxy },
    log: options.log,
  });
  const server = await listen(app, config.host, config.verifierPort, {
    maxConnections: config.maxConnections,
    maxPerClient: config.maxConnectionsPerClient,
    ...(config.tls ? { tls: config.tls } : {}),
  });
  return {
    server,
    async stop() {
      await server.close();
      ledger.destroy();
      await db.destroy();
    },
  };
}
