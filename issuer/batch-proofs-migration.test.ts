/**
 * A batch closed before migration 016 (proofs were then written when it was mined) and not yet
 * mined gets its members' proofs from the migration, so its receipts verify once it is anchored;
 * on a SQLite file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { leafOf, rootFromProof, sha256 } from '../core/merkle.ts';
import { batchTree } from './batch-tree.ts';
import { type IssuerTables, issuerMigrations } from './db-schema.ts';

const BEFORE_016 = Object.fromEntries(Object.entries(issuerMigrations).filter(([name]) => name < '016'));
const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-batch-proofs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const hashes = Array.from({ length: 5 }, () => `0x${randomBytes(32).toString('hex')}`);
const root = `0x${batchTree(hashes).root.toString('hex')}`;

describe('migration 016: the proofs of a batch closed but not yet mined', () => {
  it('stores each member’s proof, which leads from its hash to the batch’s root', async () => {
    const old = await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: BEFORE_016 });
    await old.db
      .insertInto('batches')
      .values({ merkle_root: root, size: hashes.length, state: 'sent', created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    await old.db
      .insertInto('credentials')
      .values(
        hashes.map((hash, i) => ({
          id: `c-${i}`,
          credential_hash: hash,
          qualification_title: 'Plumbing',
          issued_at: '2026-12-01T00:00:00.000Z',
          status: 'pending' as const,
          batch_root: root,
          claim_code_hash: `code-${i}`,
          subject_did: null,
          learner_reference: `L-${i}`,
          revoked_at: null,
          revocation_reason: null,
          revocation_tx: null,
          claim_code_issued_at: null,
        })),
      )
      .execute();
    await old.db.destroy();

    const { db } = await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations });
    try {
      const proofs = await db
        .selectFrom('credential_proofs')
        .innerJoin('credentials', 'credentials.id', 'credential_proofs.credential_id')
        .select(['credential_hash', 'proof'])
        .execute();
      expect(proofs).toHaveLength(hashes.length);
      for (const { credential_hash, proof } of proofs) {
        const steps = (JSON.parse(proof) as string[]).map((step) => Buffer.from(step.slice(2), 'hex'));
        const leaf = leafOf(Buffer.from(credential_hash.slice(2), 'hex'), sha256);
        expect(`0x${rootFromProof(leaf, steps, sha256).toString('hex')}`).toBe(root);
      }
    } finally {
      await db.destroy();
    }
  });
});
