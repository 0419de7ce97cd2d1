import { leafOf, MERKLE_HASHES, rootFromProof } from './merkle.ts';

/**
 * An anchor receipt travels with its credential and lets anyone check, with nothing but the chain,
 * that the credential was part of a batch whose Merkle root an institution anchored.
 * Format documented in docs/anchor-receipt.md.
 */
export interface AnchorReceipt {
  type: 'SkillmarkAnchorReceipt';
  credentialHash: string;
  hashAlgorithm: 'sha256';
  merkleRoot: string;
  proof: string[];
  /** EIP-155 chain id of the chain holding the registry. */
  chainId: number;
  registry: string;
  transactionHash: string;
  blockNumber: number;
  /** Block time of the anchoring transaction (ISO 8601). */
  anchoredAt: string;
}

export class ReceiptFormatError extends Error {}

const HASH32 = /^0x[0-9a-f]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** A proof longer than this would be a batch of more than 2^40 credentials. */
const MAX_PROOF_LENGTH = 40;

function field<T>(value: unknown, name: string, valid: (v: unknown) => v is T, expected: string): T {
  if (!valid(value)) throw new ReceiptFormatError(`anchor receipt: "${name}" must be ${expected}`);
  return value;
}
const isHash = (v: unknown): v is string => typeof v === 'string' && HASH32.test(v);
const isAddress = (v: unknown): v is string => typeof v === 'string' && ADDRESS.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** An ISO 8601 date-time with an explicit offset (the RFC 3339 profile that toISOString() writes). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const isDate = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 40 && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));
const isProof = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_PROOF_LENGTH && v.every(isHash);

/** Validates untrusted input as a receipt; throws ReceiptFormatError saying what is wrong. */
export function parseReceipt(input: unknown): AnchorReceipt {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ReceiptFormatError('anchor receipt must be a JSON object');
  }
  const r = input as Record<string, unknown>;
  if (r.type !== 'SkillmarkAnchorReceipt')
    throw new ReceiptFormatError('anchor receipt: "type" must be "SkillmarkAnchorReceipt"');
  if (r.hashAlgorithm !== 'sha256') throw new ReceiptFormatError('anchor receipt: "hashAlgorithm" must be "sha256"');
  return {
    type: 'SkillmarkAnchorReceipt',
    credentialHash: field(r.credentialHash, 'credentialHash', isHash, 'a 0x-prefixed 32-byte lowercase hex string'),
    hashAlgorithm: 'sha256',
    merkleRoot: field(r.merkleRoot, 'merkleRoot', isHash, 'a 0x-prefixed 32-byte lowercase hex string'),
    proof: field(r.proof, 'proof', isProof, `a list of at most ${MAX_PROOF_LENGTH} 32-byte hex strings`),
    chainId: field(r.chainId, 'chainId', isCount, 'a non-negative integer'),
    registry: field(r.registry, 'registry', isAddress, 'a 0x-prefixed 20-byte address'),
    transactionHash: field(r.transactionHash, 'transactionHash', isHash, 'a 0x-prefixed 32-byte lowercase hex string'),
    blockNumber: field(r.blockNumber, 'blockNumber', isCount, 'a non-negative integer'),
    anchoredAt: field(r.anchoredAt, 'anchoredAt', isDate, 'an ISO 8601 date-time'),
  };
}

const bytes = (hex: string) => Buffer.from(hex.slice(2), 'hex');

/** True when the receipt's proof leads from this credential hash to the receipt's root. */
export function proofLeadsToRoot(receipt: AnchorReceipt, credentialHash: string): boolean {
  const hash = MERKLE_HASHES[receipt.hashAlgorithm];
  const root = rootFromProof(leafOf(bytes(credentialHash), hash), receipt.proof.map(bytes), hash);
  return `0x${root.toString('hex')}` === receipt.merkleRoot;
}

export type ReceiptProblem = 'malformed' | 'other_credential' | 'proof_mismatch';

/** A receipt checked against a credential: usable, or what is wrong with it. */
export type ReceiptForCredential =
  | { ok: true; receipt: AnchorReceipt }
  | { ok: false; problem: 'malformed'; detail: string }
  | { ok: false; problem: 'other_credential'; detail: string; found: string }
  | { ok: false; problem: 'proof_mismatch'; detail: string };

/**
 * Whether untrusted input is a receipt for this credential whose proof leads to its root: the one
 * check a receipt gets offline (whether the root is on the ledger, only the ledger can tell).
 */
export function receiptFor(input: unknown, credentialHash: string): ReceiptForCredential {
  let receipt: AnchorReceipt;
  try {
    receipt = parseReceipt(input);
  } catch (error) {
    if (!(error instanceof ReceiptFormatError)) throw error;
    return { ok: false, problem: 'malformed', detail: error.message };
  }
  if (receipt.credentialHash !== credentialHash) {
    return {
      ok: false,
      problem: 'other_credential',
      detail: `the receipt is for credential ${receipt.credentialHash}`,
      found: receipt.credentialHash,
    };
  }
  if (!proofLeadsToRoot(receipt, credentialHash))
    return { ok: false, problem: 'proof_mismatch', detail: "the receipt's proof does not lead to its root" };
  return { ok: true, receipt };
}
