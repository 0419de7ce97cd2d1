import QRCode from 'qrcode';
import { sha256 } from '../merkle.ts';
import type { AnchorReceipt } from '../receipt.ts';
import { encodeQrBundle, qrBundleBinary } from './encode.ts';
import { QR_BUNDLE_PREFIX, QR_V40_M_CAPACITY } from './format.ts';

/** The smallest QR version (1-40) that holds the text at error correction M; undefined when none does. */
export function qrVersionAtM(text: string): number | undefined {
  if (text.length > QR_V40_M_CAPACITY) return undefined;
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
}

/** Proof steps of the deepest leaf in a batch of this many credentials (core/merkle.ts: a balanced tree). */
export const proofDepthOf = (batchSize: number): number => Math.ceil(Math.log2(Math.max(batchSize, 1)));

/** Bytes that deflate cannot shrink, as hashes are. */
const incompressible = (seed: string, length: number): string =>
  `0x${Array.from({ length: Math.ceil(length / 32) }, (_, i) => sha256(Buffer.from(`${seed}${i}`)).toString('hex'))
    .join('')
    .slice(0, length * 2)}`;

type ReceiptButHash = Omit<AnchorReceipt, 'credentialHash'>;

/**
 * The worst-case receipt but its credential hash, per proof depth: made once, as its hashes cost
 * a tenth of signing a cohort row when made per call (profiled, 16 of 148 µs).
 */
const worstCaseReceipts = new Map<number, ReceiptButHash>();

function worstCaseReceiptButHash(depth: number): ReceiptButHash {
  let receipt = worstCaseReceipts.get(depth);
  if (!receipt) {
    receipt = {
      type: 'SkillmarkAnchorReceipt',
      hashAlgorithm: 'sha256',
      merkleRoot: incompressible('root', 32),
      proof: Object.freeze(Array.from({ length: depth }, (_, i) => incompressible(`proof${i}`, 32))) as string[],
      chainId: Number.MAX_SAFE_INTEGER,
      registry: incompressible('registry', 20),
      transactionHash: incompressible('transaction', 32),
      blockNumber: Number.MAX_SAFE_INTEGER,
      anchoredAt: '9999-12-31T23:59:59.000Z',
    };
    worstCaseReceipts.set(depth, receipt);
  }
  return receipt;
}

/** The largest receipt a credential can get in a batch of this many: the longest proof and the widest numbers. */
export function worstCaseReceipt(credentialHash: string, batchSize: number): AnchorReceipt {
  const { type, ...rest } = worstCaseReceiptButHash(proofDepthOf(batchSize));
  return { type, credentialHash, ...rest };
}

/** The length of the QR text this credential will have at most, once anchored in a batch of up to `batchSize`. */
export function worstCaseQrLength(credential: string, credentialHash: string, batchSize: number): number {
  return encodeQrBundle({ credential, anchorReceipt: worstCaseReceipt(credentialHash, batchSize) }).length;
}

/** The most bytes deflate can make of `n` (zlib's conservative deflateBound, stored blocks and all). */
export const deflateBound = (n: number): number => n + ((n + 7) >> 3) + ((n + 63) >> 6) + 5;

/** The length of base45's text for `n` bytes: three characters for each two, two for a last one. */
export const base45Length = (n: number): number => Math.floor(n / 2) * 3 + (n % 2) * 2;

/** The length of a CBOR head (RFC 8949 § 3.1) of a byte string of `n` bytes. */
const cborHeadLength = (n: number): number => (n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 2 ** 32 ? 5 : 9);

/** A compact JWS of one byte a part: its bundle's length less three two-byte strings is the receipt's share. */
const ONE_BYTE_PARTS = 'AA.AA.AA';
const receiptShares = new Map<number, number>();

/**
 * The length of qrBundleBinary's bytes for a compact JWS in canonical base64url, as the issuer's
 * signers write it, with the worst-case receipt of a batch of up to `batchSize`: counted, not
 * encoded. The receipt's share is encoded once per proof depth; each part adds its bytes and their
 * CBOR head (encoding it all per credential took 9 of 75 µs a cohort row, bench sign).
 */
export function worstCaseBundleLength(jwsParts: readonly string[], batchSize: number): number {
  const depth = proofDepthOf(batchSize);
  let share = receiptShares.get(depth);
  if (share === undefined) {
    const anchorReceipt = worstCaseReceipt('', batchSize);
    share = qrBundleBinary({ credential: ONE_BYTE_PARTS, anchorReceipt }).length - 3 * (1 + 1);
    receiptShares.set(depth, share);
  }
  let length = share;
  for (const part of jwsParts) {
    const bytes = Math.floor((part.length * 3) / 4);
    length += cborHeadLength(bytes) + bytes;
  }
  return length;
}

/**
 * Whether the largest QR code surely holds this credential once anchored in a batch of up to
 * `batchSize`, judged without compressing it: deflate never makes the bundle longer than its
 * bound. Most credentials pass here, and a cohort's rows skip the level-9 compression the exact
 * length needs (profiled: an eighth of a cohort's CPU).
 */
export function qrCodeSurelyHolds(credential: string, batchSize: number): boolean {
  const parts = credential.split('.');
  if (parts.length !== 3) return false;
  const bound = QR_BUNDLE_PREFIX.length + base45Length(deflateBound(worstCaseBundleLength(parts, batchSize)));
  return bound <= QR_V40_M_CAPACITY;
}
