import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Wallet } from 'ethers';
import { ensureLocalAccreditation, ensureLocalDeployment } from '../../contracts/deployment.ts';
import { credentialHash } from '../../core/credential-hash.ts';
import { openDatabase } from '../../core/db.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from '../../issuer/db-schema.ts';
import { LedgerWriter } from '../../issuer/ledger-writer.ts';
import { startTestChain, type TestChain } from './local-chain.ts';
import { tempDir } from './system.ts';

/** An issuer's database (a real SQLite file) and ledger writer on a fresh local chain, accredited. */
export interface IssuerLedger {
  chain: TestChain;
  db: IssuerDb;
  writer: LedgerWriter;
  /** A JSON-RPC call to the node (anvil's evm_snapshot, evm_revert, evm_mine). */
  rpc(method: string, params?: unknown[]): Promise<any>;
  /** Stores a pending credential (its JWT a placeholder) and returns its id and hash. */
  storeCredential(): Promise<{ id: string; hash: string }>;
  stop(): Promise<void>;
}

export async function startIssuerLedger(): Promise<IssuerLedger> {
  const chain = await startTestChain();
  const dataDir = tempDir('skillmark-issuer-ledger-');
  const db = (await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations })).db;
  const deployment = await ensureLocalDeployment(chain.provider, chain.dataDir);
  const wallet = Wallet.createRandom().connect(chain.provider);
  await ensureLocalAccreditation(chain.provider, deployment, {
    address: wallet.address,
    did: 'did:web:college.example',
    name: 'College',
  });
  const writer = new LedgerWriter(chain.provider, wallet as unknown as Wallet, deployment.registry);
  return {
    chain,
    db,
    writer,
    rpc: (method, params = []) => chain.provider.send(method, params),
    async storeCredential() {
      const id = randomUUID();
      const hash = credentialHash(`jwt-${id}`);
      await db
        .insertInto('credentials')
        .values({
          id,
          credential_hash: hash,
          subject_did: null,
          learner_reference: id,
          qualification_title: 'Electrician',
          issued_at: new Date().toISOString(),
          status: 'pending',
          batch_root: null,
          claim_code_hash: `0x${randomBytes(32).toString('hex')}`,
          claim_code_issued_at: null,
          revoked_at: null,
          revocation_reason: null,
        })
        .execute();
      await db
        .insertInto('credential_jwts')
        .values({ credential_id: id, jwt: `jwt-${id}` })
        .execute();
      return { id, hash };
    },
    async stop() {
      await db.destroy();
      await chain.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
