import { createHash } from 'node:crypto';

const sha256Hex = (data: Uint8Array | string) => `0x${createHash('sha256').update(data).digest('hex')}`;

/** The one status purpose the issuer gives today (W3C Bitstring Status List v1.0). */
export const STATUS_PURPOSE = 'revocation';

/** A credential's `credentialStatus` entry (W3C Bitstring Status List v1.0 § 2.1). */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  /** A decimal integer as a string, as the specification has it. */
  statusListIndex: string;
  statusListCredential: string;
}

export function statusListEntry(listUrl: string, index: number): BitstringStatusListEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: STATUS_PURPOSE,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** The list's key on the ledger: SHA-256 of its URL, as every credential on the list names it. */
export const statusListKey = (listUrl: string): string => sha256Hex(listUrl);

/** What the ledger commits to: SHA-256 of the list's uncompressed bits (not of the signed token, which varies). */
export const bitstringCommitment = (bytes: Uint8Array): string => sha256Hex(bytes);
