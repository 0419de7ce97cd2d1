import type { Kysely, Migration } from 'kysely';
import { batchProofs } from './batch-tree.ts';

/** The tables this migration reads and writes, as they are when it runs. */
type Db = Kysely<{
  batches: { merkle_root: string; state: string };
  credentials: { id: string; credential_hash: string; batch_root: string | null };
  credential_proofs: { credential_id: string; proof: string };
}>;

/** Proofs inserted a statement at a time (2 columns each, far under SQLite's 32,766 parameters). */
const PROOFS_CHUNK = 2000;

/**
 * A batch's receipt proofs are stored when it is closed, with its root, rather than rebuilt when
 * it is mined (issuer/anchoring.ts). Batches closed before and not yet mined get theirs here; the
 * mined ones have them already.
 */
export const batchProofsMigration: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as unknown as Db;
    const waiting = await db
      .selectFrom('batches')
      .select('merkle_root')
      .where('state', 'in', ['open', 'sent'])
      .execute();
    for (const { merkle_root } of waiting) {
      const members = await db
        .selectFrom('credentials')
        .select(['id', 'credential_hash'])
        .where('batch_root', '=', merkle_root)
        .execute();
      const { root, proofs } = batchProofs(members.map((m) => m.credential_hash));
      if (root !== merkle_root) throw new Error(`batch ${merkle_root}: its stored credentials do not rebuild its root`);
      for (let i = 0; i < members.length; i += PROOFS_CHUNK)
        await db
          .insertInto('credential_proofs')
          .values(members.slice(i, i + PROOFS_CHUNK).map((m, j) => ({ credential_id: m.id, proof: proofs[i + j]! })))
          .onConflict((oc) => oc.column('credential_id').doNothing())
          .execute();
    }
  },
};
