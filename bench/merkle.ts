import { randomBytes } from 'node:crypto';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { batchTree } from '../issuer/index.ts';
import { report } from './report.ts';

/** Time to build a batch tree and every proof (as the hex the receipts carry), beside OpenZeppelin's library. */
export async function merkleBench(): Promise<void> {
  const rows = [];
  let ozRate = 0;
  for (const size of [1_000, 10_000, 100_000]) {
    const hashes = Array.from({ length: size }, () => `0x${randomBytes(32).toString('hex')}`);
    const start = performance.now();
    const tree = batchTree(hashes);
    let siblings = 0;
    for (let i = 0; i < size; i++) siblings += tree.proofHex(i).length;
    const ms = performance.now() - start;
    let ozMs: number | string = 'not run';
    if (size <= 10_000) {
      const ozStart = performance.now();
      const oz = StandardMerkleTree.of(
        hashes.map((h) => [h]),
        ['bytes32'],
      );
      for (let i = 0; i < size; i++) oz.getProof(i);
      ozMs = performance.now() - ozStart;
      ozRate = size / (ozMs / 1000);
    }
    rows.push({
      credentials: size,
      'tree+proofs ms': ms.toFixed(0),
      'avg proof length': (siblings / size).toFixed(1),
      'OpenZeppelin ms': typeof ozMs === 'number' ? ozMs.toFixed(0) : ozMs,
      'speed vs OpenZeppelin':
        typeof ozMs === 'number'
          ? `${(ozMs / ms).toFixed(1)}x`
          : `${(size / (ms / 1000) / ozRate).toFixed(1)}x (rate vs its 10k rate)`,
    });
  }
  report(
    'merkle',
    'Merkle batch: build the tree and every proof (SHA-256, OpenZeppelin StandardMerkleTree construction)',
    rows,
    [
      'Target: 100,000 credentials under 2 s on this machine.',
      'OpenZeppelin column: @openzeppelin/merkle-tree StandardMerkleTree (keccak-256) on the same values, same run.',
    ],
  );
}
