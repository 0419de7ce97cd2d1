import { inflateRawSync } from 'node:zlib';
import { decode as base45 } from '@digitalbazaar/base45';
import { decode as cbor } from 'cborg';
import { getAddress } from 'ethers';
import { credentialHash } from '../credential-hash.ts';
import { leafOf, MERKLE_HASHES, rootFromProof } from '../merkle.ts';
import { type AnchorReceipt, parseReceipt, ReceiptFormatError } from '../receipt.ts';
import {
  DEFLATE_DICTIONARY,
  MAX_INFLATED_BYTES,
  MAX_PROOF_STEPS,
  MAX_QR_TEXT_LENGTH,
  QR_ALPHANUMERIC,
  QR_BUNDLE_PREFIX,
  VERSIONED_PREFIX,
} from './format.ts';
import { type QrBundle, QrBundleError } from './types.ts';

/** The CBOR array's items, in order (docs/qr.md). */
const FIELDS = [
  'header',
  'payload',
  'signature',
  'chainId',
  'registry',
  'transactionHash',
  'blockNumber',
  'anchoredAt',
  'proof',
] as const;

const syntax = (detail: string) => new QrBundleError('syntax', `not a Skillmark QR code: ${detail}`);
const content = (detail: string) => new QrBundleError('content', `the QR code's content is malformed: ${detail}`);

function bytesAt(items: unknown[], index: number, length?: (n: number) => boolean, expected = 'bytes'): Buffer {
  const value = items[index];
  if (!(value instanceof Uint8Array) || (length && !length(value.length))) {
    throw content(`item ${index} (${FIELDS[index]}) must be ${expected}`);
  }
  return Buffer.from(value);
}

function countAt(items: unknown[], index: number): number {
  const value = items[index];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw content(`item ${index} (${FIELDS[index]}) must be an unsigned integer`);
  }
  return value;
}

/** The binary form out of the text: prefix, base45, then inflated with the size capped. */
function binaryOf(text: string): Buffer {
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw syntax(`${text.length} characters is more than any QR code holds (${MAX_QR_TEXT_LENGTH})`);
  }
  const prefix = VERSIONED_PREFIX.exec(text);
  if (!prefix) throw syntax(`it does not start with "${QR_BUNDLE_PREFIX}"`);
  if (prefix[0] !== QR_BUNDLE_PREFIX) {
    throw new QrBundleError(
      'version',
      `this QR code is in version ${prefix[1]} of the Skillmark QR form; only version 1 ("${QR_BUNDLE_PREFIX}") is read here`,
    );
  }
  const body = text.slice(QR_BUNDLE_PREFIX.length);
  if (!QR_ALPHANUMERIC.test(body)) throw syntax('it holds characters outside the base45 alphabet');
  let compressed: Uint8Array;
  try {
    compressed = base45(body);
  } catch (error) {
    throw syntax(`it is not valid base45 (${(error as Error).message.replace(/\.$/, '').toLowerCase()})`);
  }
  try {
    return inflateRawSync(compressed, { dictionary: DEFLATE_DICTIONARY, maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw content(`it inflates to more than ${MAX_INFLATED_BYTES} bytes`);
    }
    throw content('it is not deflate data');
  }
}

function itemsOf(binary: Buffer): unknown[] {
  let value: unknown;
  try {
    value = cbor(binary, {
      strict: true,
      allowIndefinite: false,
      allowUndefined: false,
      allowNaN: false,
      allowInfinity: false,
      allowBigInt: false,
      rejectDuplicateMapKeys: true,
    });
  } catch {
    throw content('it is not one well-formed CBOR item');
  }
  if (!Array.isArray(value) || value.length !== FIELDS.length) {
    throw content(`it must be a CBOR array of ${FIELDS.length} items`);
  }
  return value;
}

/**
 * The credential (its exact token, so its hash is the anchored one) and anchor receipt a QR text
 * carries. Throws QrBundleError saying what is wrong; never anything else for any input string.
 */
export function decodeQrBundle(text: string): QrBundle {
  const items = itemsOf(binaryOf(text));
  const credential = [0, 1, 2].map((index) => bytesAt(items, index).toString('base64url')).join('.');
  const proofBytes = bytesAt(
    items,
    8,
    (n) => n % 32 === 0 && n / 32 <= MAX_PROOF_STEPS,
    `at most ${MAX_PROOF_STEPS} 32-byte hashes`,
  );
  const proof = Array.from({ length: proofBytes.length / 32 }, (_, i) => proofBytes.subarray(i * 32, i * 32 + 32));
  const hash = credentialHash(credential);
  const root = rootFromProof(
    leafOf(Buffer.from(hash.slice(2), 'hex'), MERKLE_HASHES.sha256),
    proof,
    MERKLE_HASHES.sha256,
  );
  const anchoredAtSeconds = countAt(items, 7);
  if (anchoredAtSeconds * 1000 > 8.64e15)
    throw content('item 7 (anchoredAt) is past the last date JavaScript can hold');
  const receipt: AnchorReceipt = {
    type: 'SkillmarkAnchorReceipt',
    credentialHash: hash,
    hashAlgorithm: 'sha256',
    merkleRoot: `0x${root.toString('hex')}`,
    proof: proof.map((step) => `0x${step.toString('hex')}`),
    chainId: countAt(items, 3),
    registry: getAddress(`0x${bytesAt(items, 4, (n) => n === 20, '20 bytes').toString('hex')}`),
    transactionHash: `0x${bytesAt(items, 5, (n) => n === 32, '32 bytes').toString('hex')}`,
    blockNumber: countAt(items, 6),
    anchoredAt: new Date(anchoredAtSeconds * 1000).toISOString(),
  };
  try {
    return { credential, anchorReceipt: parseReceipt(receipt) };
  } catch (error) {
    if (error instanceof ReceiptFormatError) throw content(error.message);
    throw error;
  }
}
