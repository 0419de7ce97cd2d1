import QRCode from 'qrcode';
import { sha256 } from '../merkle.ts';
import type { AnchorReceipt } from '../receipt.ts';
import { encodeQrBundle } from './encode.ts';
import { QR_V40_M_CAPACITY } from './format.ts';

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

/** The largest receipt a credential can get in a batch of this many: the longest proof and the widest numbers. */
export function worstCaseReceipt(credentialHash: string, batchSize: number): AnchorReceipt {
  return {
    type: 'SkillmarkAnchorReceipt',
    credentialHash,
    hashAlgorithm: 'sha256',
    merkleRoot: incompressible('root', 32),
    proof: Array.from({ length: proofDepthOf(batchSize) }, (_, i) => incompressible(`proof${i}`, 32)),
    chainId: Number.MAX_SAFE_INTEGER,
    registry: incompressible('registry', 20),
    transactionHash: incompressible('transaction', 32),
    blockNumber: Number.MAX_SAFE_INTEGER,
    anchoredAt: '9999-12-31T23:59:59.000Z',
  };
}

/** The length of the QR text this credential will have at most, once anchored in a batch of up to `batchSize`. */
export function worstCaseQrLength(credential: string, credentialHash: string, batchSize: number): number {
  return encodeQrBundle({ credential, anchorReceipt: worstCaseReceipt(credentialHash, batchSize) }).length;
}
