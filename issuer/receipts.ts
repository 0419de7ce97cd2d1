import type { AnchorReceipt } from '../core/receipt.ts';
import type { BatchState, IssuerTables } from './db-schema.ts';

/**
 * A batch's receipts are handed out once its transaction is mined, before it is final: what a
 * verifier checks is the root, which the issuer anchors again if the chain loses it.
 */
export const receiptsReady = (state: BatchState): boolean => state === 'anchored' || state === 'final';

/** The anchor receipt of an anchored credential, from what the issuer stored when its batch was mined. */
export function receiptOf(
  credential: Pick<IssuerTables['credentials'], 'credential_hash'> & { proof: string | null },
  batch: Pick<IssuerTables['batches'], 'merkle_root' | 'tx_hash' | 'block_number' | 'anchored_at'>,
  ledger: { chainId: number; registry: string },
): AnchorReceipt {
  if (!credential.proof || !batch.tx_hash || batch.block_number === null || !batch.anchored_at) {
    throw new Error('receipt requested for a credential that is not anchored');
  }
  return {
    type: 'SkillmarkAnchorReceipt',
    credentialHash: credential.credential_hash,
    hashAlgorithm: 'sha256',
    merkleRoot: batch.merkle_root,
    proof: JSON.parse(credential.proof) as string[],
    chainId: ledger.chainId,
    registry: ledger.registry,
    transactionHash: batch.tx_hash,
    blockNumber: Number(batch.block_number),
    anchoredAt: batch.anchored_at,
  };
}
