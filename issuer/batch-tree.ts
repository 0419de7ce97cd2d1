import { buildTree, leafOf, type MerkleTree, sha256 } from '../core/merkle.ts';

/** Merkle tree of a batch: leaves are the double-hashed credential hashes. */
export function batchTree(credentialHashes: readonly string[]): MerkleTree {
  return buildTree(
    credentialHashes.map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)),
    sha256,
  );
}

/** Each member's receipt proof (a JSON array of hex strings, as credential_proofs keeps it), in the order given. */
export function batchProofs(credentialHashes: readonly string[]): { root: string; proofs: string[] } {
  const tree = batchTree(credentialHashes);
  return {
    root: `0x${tree.root.toString('hex')}`,
    proofs: credentialHashes.map((_, i) => JSON.stringify(tree.proofHex(i))),
  };
}
