import { join } from 'node:path';
import { connectLedger } from '../contracts/provider.ts';
import type { SkillmarkConfig } from '../core/config.ts';
import { openDatabase } from '../core/db.ts';
import { loadMasterKey } from '../core/secret-box.ts';
import { listen, type RunningServer } from '../core/serve.ts';
import { ensureAdminToken } from './admin-token.ts';
import { AnchoringWorker } from './anchoring.ts';
import { createIssuerApp } from './app.ts';
import { AuditLog } from './audit/audit-log.ts';
import { ClaimCodes } from './claim-codes.ts';
import { ClaimGuard } from './claim-guard.ts';
import { CohortJobs } from './cohorts/jobs.ts';
import { CredentialService } from './credentials.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
import { createIssuerAgent, loadInstitutionIdentity } from './identity.ts';
import { rotateLedgerKey } from './key-rotation.ts';
import { LedgerWriter } from './ledger-writer.ts';
import { ProcessLocks } from './process-locks.ts';
import { OccupationReports } from './reports/occupation-reports.ts';
import { CurrentSigningKey, SigningKeyRotator } from './signing-key.ts';
import { SigningPool } from './signing-pool/pool.ts';
import { StatusLists } from './status-lists/status-lists.ts';
import { ApiTokens } from './tokens/api-tokens.ts';

export interface LedgerTarget {
  /** One or more RPC endpoints of the chain; several fail over. */
  rpcUrls: string[];
  chainId: number;
  registry: string;
}

export interface IssuerOptions {
  config: SkillmarkConfig;
  ledger: LedgerTarget;
  institutionName: string;
  /** SKILLMARK_ADMIN_TOKEN: an operator-chosen admin token. */
  adminToken?: string;
  /** SKILLMARK_MASTER_KEY: the key that seals private keys; else a 0600 key file in the data dir. */
  masterKey?: string;
  log?: (message: string) => void;
  /** The clock of claim codes and abuse limits; injected by tests. */
  now?: () => Date;
}

export interface Issuer {
  db: IssuerDb;
  did: string;
  ledgerAddress: string;
  /** Set on the very first start only: the generated admin token, to show once. */
  adminTokenCreated?: string;
  /** Starts anchoring and the HTTP API. */
  start(): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** Opens (or on first start creates) the institution's database, keys and identity. */
export async function openIssuer(options: IssuerOptions): Promise<Issuer> {
  const { config, ledger } = options;
  const log = options.log ?? ((m: string) => console.log(m));
  const { db, dialect } = await openDatabase<IssuerTables>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    name: 'issuer',
    migrations: issuerMigrations,
  });
  const box = loadMasterKey(join(config.dataDir, 'issuer-master.key'), options.masterKey);
  // Several issuer processes may share a PostgreSQL database (docs/scaling.md): what they must not
  // do at the same time is coordinated through it.
  const locks = new ProcessLocks(db, dialect);
  const agent = createIssuerAgent(db, box);
  // Processes started at once on a new database create one institution identity, not one each.
  const { identity, token } = await locks.holding('opening', async () => ({
    identity: await loadInstitutionIdentity(agent, db, box),
    token: await ensureAdminToken(db, box, options.adminToken),
  }));
  const provider = connectLedger(ledger.rpcUrls, ledger.chainId);
  const writer = new LedgerWriter(provider, identity.ledgerWallet.connect(provider), ledger.registry, (work) =>
    locks.holding('ledger account', work),
  );
  const signingKey = new CurrentSigningKey(identity);
  const rotator = new SigningKeyRotator(agent, db, box, writer, signingKey);
  const statusLists = new StatusLists(db, writer, signingKey, config.credentialFormat, config.issuerPublicUrl);
  // One set of settings for both: the signing pool's threads issue exactly what the service would.
  const issuing = {
    defaultFormat: config.credentialFormat,
    educationLevels: config.educationLevels,
    issuableTypes: config.issuableTypes,
    institutionName: options.institutionName,
  };
  const credentials = new CredentialService(
    db,
    signingKey,
    writer,
    ledger,
    config.batchMaxSize,
    issuing,
    statusLists,
    log,
  );
  const signingPool = new SigningPool({
    signingKey,
    issuing,
    maxBatchSize: config.batchMaxSize,
    threads: config.signingThreads,
  });
  const worker = new AnchoringWorker(db, writer, {
    maxBatchSize: config.batchMaxSize,
    maxWaitMs: config.batchMaxWaitMs,
    // While a cohort issues, only full batches close: it takes as few transactions as the batch size allows.
    onlyFullBatches: (trx) => cohortJobs.issuingAnywhere(trx),
    confirmations: config.anchorConfirmations,
    watchStatusLists: () =>
      statusLists.watch().catch((error: unknown) => log(`status lists not committed yet: ${(error as Error).message}`)),
    locks,
    log,
  });
  const claimCodes = new ClaimCodes(db, config.claimCodeTtlDays, options.now);
  const cohortJobs = new CohortJobs({
    db,
    credentials,
    signingPool,
    box,
    locks,
    log,
  });
  let server: RunningServer | undefined;

  return {
    db,
    did: identity.did,
    ledgerAddress: identity.ledgerWallet.address,
    adminTokenCreated: token.created,
    async start() {
      const millis = () => (options.now?.() ?? new Date()).getTime();
      const app = createIssuerApp({
        credentials,
        claimCodes,
        claimGuard: new ClaimGuard({ now: millis }),
        rateLimit: { perMinute: config.issuerRateLimitPerMinute, trustProxy: config.trustProxy, now: millis },
        verifyAdminToken: token.verify,
        apiTokens: new ApiTokens(db, box, options.now),
        audit: new AuditLog(db, options.now),
        institution: { name: options.institutionName, chainId: ledger.chainId, registry: ledger.registry },
        signingDid: () => signingKey.current().did,
        rotateSigningKey: (body) => rotator.rotate(body),
        reportSigningKeyCompromise: (body) => rotator.reportCompromise(body),
        ledgerAddress: () => writer.address,
        rotateLedgerKey: () => rotateLedgerKey(agent, db, box, writer),
        publicUrl: config.issuerPublicUrl,
        ...(config.verifierPublicUrl ? { verifierUrl: config.verifierPublicUrl } : {}),
        onIssued: () => worker.nudge(),
        statusLists,
        anchoringStatus: () => worker.status(),
        reports: new OccupationReports(
          db,
          { educationLevels: config.educationLevels, suppressionThreshold: config.reportSuppressionThreshold },
          { name: options.institutionName, signer: () => signingKey.current() },
        ),
        cohorts: {
          jobs: cohortJobs,
          uploadDir: join(config.dataDir, 'cohort-uploads'),
          db,
          box,
          claimCodes,
          publicUrl: config.issuerPublicUrl,
        },
        log,
      });
      server = await listen(app, config.host, config.issuerPort, {
        maxConnections: config.maxConnections,
        maxPerClient: config.maxConnectionsPerClient,
        ...(config.tls ? { tls: config.tls } : {}),
      });
      worker.start();
      // Lists whose revocations a stop or a ledger outage kept off the ledger are committed now.
      statusLists
        .publish()
        .catch((error: unknown) => log(`status lists not committed yet: ${(error as Error).message}`));
      await cohortJobs.start();
      return server;
    },
    async stop() {
      await server?.close();
      await cohortJobs.stop();
      await signingPool.close();
      await worker.stop();
      provider.destroy();
      await db.destroy();
    },
  };
}
