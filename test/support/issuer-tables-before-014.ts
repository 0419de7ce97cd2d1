import type { IssuerTables } from '../../issuer/db-schema.ts';

/**
 * The issuer's tables before migration 014 moved each credential's signed text and proof out of
 * its row (issuer/credential-documents-migration.ts): for tests that fill a database migrated only
 * that far.
 */
export type IssuerTablesBefore014 = Omit<IssuerTables, 'credentials'> & {
  credentials: IssuerTables['credentials'] & { jwt: string; proof: string | null };
};
