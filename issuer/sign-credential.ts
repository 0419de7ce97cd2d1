import type { Insertable } from 'kysely';
import { v7 as timeOrderedUuid } from 'uuid';
import { credentialHash } from '../core/credential-hash.ts';
import type { CredentialFormatName } from '../core/formats/index.ts';
import type { BitstringStatusListEntry } from '../core/status-list/entry.ts';
import { claimCodeHash, newClaimCode } from './claim-code.ts';
import { credentialToSign, type IssuingSettings } from './credential-to-sign.ts';
import type { IssuerTables } from './db-schema.ts';
import type { SigningIdentity } from './identity.ts';
import { refuseIfNoQrCodeHoldsIt } from './qr-code.ts';
import { fromQualification } from './reports/statistics-of-credential.ts';
import { type CredentialSearchRows, searchRowsOfSubject } from './search/terms-of-credential.ts';

export interface IssuedCredential {
  id: string;
  jwt: string;
  credentialHash: string;
  claimCode: string;
  format: CredentialFormatName;
  /** The media type of `jwt` (its format's), for envelopes. */
  mediaType: string;
}

/** A credential signed and checked, with the rows that will store it (CredentialService.sign). */
export interface SignedCredential {
  issued: IssuedCredential;
  row: Insertable<IssuerTables['credentials']>;
  /** Its signed text's row: the same text as `issued.jwt`, kept apart from `row` (issuer/credential-documents-migration.ts). */
  document: Insertable<IssuerTables['credential_jwts']>;
  /** Only a credential issued from a qualification counts in the occupation report. */
  statistics?: Insertable<IssuerTables['credential_statistics']>;
  /** The words it is found by: its qualification's are stored once for every credential of that qualification. */
  terms: CredentialSearchRows;
}

/** A credential's status list entry and where its row keeps it (issuer/status-lists/status-lists.ts). */
export interface StatusAllocation {
  entry: BitstringStatusListEntry;
  listId: string;
  index: number;
}

/**
 * Checks and signs an issue request, touching no database: what CredentialService.sign does once
 * it has the signing key, on the main thread or in a signing thread (issuer/signing-pool/).
 * `status` is asked for only once the request passed its checks, so a refused request takes no
 * status list index.
 */
export async function signCredential(
  request: Record<string, unknown>,
  identity: Pick<SigningIdentity, 'did' | 'joseSigner'>,
  now: Date,
  issuing: IssuingSettings,
  /** ANCHOR_BATCH_SIZE: the signed credential must fit one QR code with the longest receipt proof. */
  maxBatchSize: number,
  status: () => Promise<StatusAllocation | undefined> | StatusAllocation | undefined,
): Promise<SignedCredential> {
  const { credential, format, educationLevel, record } = await credentialToSign(request, identity.did, now, issuing);
  // Time-ordered (UUIDv7): new rows go to the end of every index keyed by the credential's id
  // (credentials, search terms, report rows) instead of anywhere in it. Measured: a cohort's
  // inserts took a third of the time a random id's did. The id is the institution's own (its API
  // and files), never in the credential, and the time it carries is the issue time, which the
  // credential states anyway.
  const id = timeOrderedUuid();
  const allocated = await status();
  // A VC 2.0 credential sent whole may carry status entries of its own: the list entry joins them.
  const own = credential.credentialStatus;
  const credentialStatus = allocated && (own === undefined ? allocated.entry : [...[own].flat(), allocated.entry]);
  const jwt = await format.sign(
    { ...credential, ...(credentialStatus ? { credentialStatus } : {}) } as unknown as Record<string, unknown>,
    identity.did,
    identity.joseSigner,
  );
  const claimCode = newClaimCode();
  const hash = credentialHash(jwt);
  refuseIfNoQrCodeHoldsIt(jwt, hash, maxBatchSize);
  const statistics = fromQualification(record.qualification);
  const terms = searchRowsOfSubject(id, record.subject);
  return {
    issued: { id, jwt, credentialHash: hash, claimCode, format: format.name, mediaType: format.mediaType },
    row: {
      id,
      credential_hash: hash,
      subject_did: record.subjectId ?? null,
      learner_reference: record.learnerReference ?? null,
      qualification_title: record.title,
      issued_at: now.toISOString(),
      status: 'pending',
      batch_root: null,
      claim_code_hash: claimCodeHash(claimCode),
      revoked_at: null,
      revocation_reason: null,
      status_list_id: allocated?.listId ?? null,
      status_list_index: allocated?.index ?? null,
      qualification_key: terms.qualificationKey,
    },
    document: { credential_id: id, jwt },
    ...(statistics
      ? { statistics: { credential_id: id, ...statistics, education_level: educationLevel ?? null } }
      : {}),
    terms,
  };
}
