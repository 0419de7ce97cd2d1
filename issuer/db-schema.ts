import { type Generated, type Kysely, type Migration, sql } from 'kysely';
import { type AuditTables, auditLogMigration } from './audit/schema.ts';
import { batchProofsMigration } from './batch-proofs-migration.ts';
import { type CohortTables, cohortMigration, cohortRowsSignedOnceMigration } from './cohorts/schema.ts';
import { credentialDocumentsMigration } from './credential-documents-migration.ts';
import { credentialStatisticsMigration } from './reports/statistics-migration.ts';
import type { SearchField } from './search/fold.ts';
import { qualificationTermsMigration } from './search/qualification-terms-migration.ts';
import { credentialSearchMigration } from './search/search-migration.ts';
import type { QualificationField } from './search/terms-of-credential.ts';
import { type StatusListTables, statusListBitsOnlyMigration, statusListMigration } from './status-lists/schema.ts';
import { apiTokenMigration, type TokenTables } from './tokens/schema.ts';

export type CredentialStatus = 'pending' | 'anchored' | 'revoked';
/** `anchored`: mined, receipts handed out, still watched; `final`: enough confirmations (docs/ledger.md). */
export type BatchState = 'open' | 'sent' | 'anchored' | 'final';

/** The issuer's tables; cohort jobs keep theirs in issuer/cohorts/schema.ts. */
export interface IssuerTables extends CohortTables, TokenTables, AuditTables, StatusListTables {
  settings: { name: string; value: string };
  keys: { kid: string; kms: string; type: string; public_key_hex: string; meta: string | null };
  private_keys: { alias: string; type: string; sealed_private_key: string };
  identifiers: {
    did: string;
    provider: string;
    alias: string | null;
    controller_key_id: string | null;
    key_ids: string;
    services: string;
  };
  credentials: {
    id: string;
    credential_hash: string;
    subject_did: string | null;
    learner_reference: string | null;
    qualification_title: string;
    issued_at: string;
    status: CredentialStatus;
    batch_root: string | null;
    claim_code_hash: string;
    /** When the current claim code was handed out, if not with the credential (a renewed code). */
    claim_code_issued_at: string | null;
    revoked_at: string | null;
    revocation_reason: number | null;
    /** The revoking transaction while the revocation is read back from the chain; null once final. */
    revocation_tx: string | null;
    /** Its status list and index (issuer/status-lists/); null for credentials issued before status lists. */
    status_list_id: Generated<string | null>;
    status_list_index: Generated<number | null>;
    /** The key of its qualification's words in qualification_terms (issuer/search/); null only if never set. */
    qualification_key: Generated<string | null>;
  };
  /**
   * The signed credential (its text as issued), written once when it is stored: kept out of its
   * `credentials` row, which anchoring updates, so that each update rewrites a small row.
   */
  credential_jwts: { credential_id: string; jwt: string };
  /** The credential's Merkle proof (a JSON array of hex strings), written with its batch's root when the batch is closed. */
  credential_proofs: { credential_id: string; proof: string };
  batches: {
    merkle_root: string;
    size: number;
    state: BatchState;
    created_at: string;
    signed_tx: string | null;
    tx_hash: string | null;
    block_number: number | null;
    anchored_at: string | null;
    /** Times the root was anchored again because the chain had lost it. */
    reanchor_count: Generated<number>;
  };
  /** What the occupation report counts, one row per credential; the education level is never in the credential. */
  credential_statistics: {
    credential_id: string;
    /** The qualification's award date (YYYY-MM-DD): it puts the credential in a quarter. */
    awarded_on: string;
    occupation_code: string | null;
    occupation_title: string | null;
    /** The learner's education level code; null when none was given (counted as unknown). */
    education_level: string | null;
  };
  /** The folded words of each credential's learner name (issuer/search/). */
  credential_terms: { field: SearchField; term: string; credential_id: string };
  /** The folded words of each distinct qualification and occupation, by the key credentials.qualification_key names. */
  qualification_terms: { field: QualificationField; term: string; qualification_key: string };
}

export type IssuerDb = Kysely<IssuerTables>;

export const issuerMigrations: Record<string, Migration> = {
  '001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('keys')
        .addColumn('kid', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('kms', 'varchar(100)', (c) => c.notNull())
        .addColumn('type', 'varchar(50)', (c) => c.notNull())
        .addColumn('public_key_hex', 'text', (c) => c.notNull())
        .addColumn('meta', 'text')
        .execute();
      await db.schema
        .createTable('private_keys')
        .addColumn('alias', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('type', 'varchar(50)', (c) => c.notNull())
        .addColumn('sealed_private_key', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identifiers')
        .addColumn('did', 'varchar(500)', (c) => c.primaryKey())
        .addColumn('provider', 'varchar(100)', (c) => c.notNull())
        .addColumn('alias', 'varchar(200)', (c) => c.unique())
        .addColumn('controller_key_id', 'varchar(200)')
        .addColumn('key_ids', 'text', (c) => c.notNull())
        .addColumn('services', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('batches')
        .addColumn('merkle_root', 'varchar(66)', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('state', 'varchar(20)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('signed_tx', 'text')
        .addColumn('tx_hash', 'varchar(66)')
        .addColumn('block_number', 'integer')
        .addColumn('anchored_at', 'varchar(40)')
        .execute();
      await db.schema
        .createTable('credentials')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('credential_hash', 'varchar(66)', (c) => c.notNull().unique())
        .addColumn('jwt', 'text', (c) => c.notNull())
        .addColumn('subject_did', 'varchar(500)')
        .addColumn('learner_reference', 'varchar(200)')
        .addColumn('qualification_title', 'varchar(500)', (c) => c.notNull())
        .addColumn('issued_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('batch_root', 'varchar(66)', (c) => c.references('batches.merkle_root'))
        .addColumn('proof', 'text')
        .addColumn('claim_code_hash', 'varchar(66)', (c) => c.notNull().unique())
        .addColumn('revoked_at', 'varchar(40)')
        .addColumn('revocation_reason', 'integer')
        .execute();
      await db.schema
        .createIndex('credentials_pending')
        .on('credentials')
        .columns(['status', 'batch_root', 'issued_at'])
        .execute();
      await db.schema.createIndex('credentials_by_batch').on('credentials').column('batch_root').execute();
    },
  },
  '002_anchor_finality': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('batches')
        .addColumn('reanchor_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '003_claim_code_renewal': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('credentials').addColumn('claim_code_issued_at', 'varchar(40)').execute();
    },
  },
  '004_revocation_finality': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('credentials').addColumn('revocation_tx', 'varchar(66)').execute();
    },
  },
  '005_credential_statistics': credentialStatisticsMigration,
  '006_cohorts': cohortMigration,
  '007_credential_search': credentialSearchMigration,
  '008_api_tokens': apiTokenMigration,
  '009_audit_log': auditLogMigration,
  '010_cohort_rows_signed_once': cohortRowsSignedOnceMigration,
  '011_status_lists': statusListMigration,
  '012_status_list_bits_only': statusListBitsOnlyMigration,
  '013_revocations_watched': {
    // The revocations still read back from the chain are few, the credentials many: the anchoring
    // worker's watch and GET /anchoring find them through this index, not by reading every row
    // (measured: 12 ms a look over 10,000 credentials, each row holding its signed text).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('credentials_revocations_watched')
        .on('credentials')
        .column('revocation_tx')
        .where(sql.ref('revocation_tx'), 'is not', null)
        .execute();
    },
  },
  '014_credential_documents': credentialDocumentsMigration,
  '015_qualification_terms': qualificationTermsMigration,
  '016_batch_proofs': batchProofsMigration,
};
