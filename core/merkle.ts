import { hash as nodeHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3';

/**
 * Merkle trees with the construction of OpenZeppelin's StandardMerkleTree: leaves are hashed
 * twice (so a leaf can never be confused with an inner node), pairs are sorted before hashing
 * (so a proof is a plain list of siblings) and leaves are sorted. The hash is a parameter:
 * Skillmark anchors SHA-256 trees (node:crypto, ~10x faster than keccak in JavaScript, and
 * verifiable on chain through the SHA-256 precompile); keccak-256 reproduces OpenZeppelin's
 * trees exactly and is used to prove the construction against their published dumps.
 */
export type HashFunction = (data: Uint8Array) => Buffer;

export const sha256: HashFunction = (data) => nodeHash('sha256', data, 'buffer');
export const keccak256: HashFunction = (data) => Buffer.from(keccak_256(data));

export const MERKLE_HASHES = { sha256, keccak256 } as const;
export type MerkleHashName = keyof typeof MERKLE_HASHES;

/** Leaf of a single bytes32 value: H(H(abi.encode(bytes32))) = H(H(value)). */
export function leafOf(value: Uint8Array, hash: HashFunction): Buffer {
  return hash(hash(value));
}

const pair = Buffer.alloc(64);

export function hashPair(a: Uint8Array, b: Uint8Array, hash: HashFunction): Buffer {
  if (a.length !== 32 || b.length !== 32)
    return hash(Buffer.compare(a, b) <= 0 ? Buffer.concat([a, b]) : Buffer.concat([b, a]));
  // Nodes are 32 bytes: reuse one buffer instead of allocating a concatenation per pair.
  const [first, second] = Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
  pair.set(first, 0);
  pair.set(second, 32);
  return hash(pair);
}

export interface MerkleTree {
  root: Buffer;
  /** Proof (sibling hashes, leaf to root) for the leaf given at `index` in the input order. */
  proof(index: number): Buffer[];
  /** The same proof as 0x-prefixed hex, each node converted once for the whole tree. */
  proofHex(index: number): string[];
}

/**
 * Builds the tree in OpenZeppelin's array layout: node i has children 2i+1 and 2i+2, leaves fill
 * the end of the array in reverse order.
 */
export function buildTree(leaves: readonly Buffer[], hash: HashFunction): MerkleTree {
  const n = leaves.length;
  if (n === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  const order = leaves.map((_, i) => i).sort((i, j) => Buffer.compare(leaves[i]!, leaves[j]!));
  const tree: Buffer[] = new Array<Buffer>(2 * n - 1);
  const position = new Int32Array(n);
  order.forEach((leafIndex, sortedIndex) => {
    const at = tree.length - 1 - sortedIndex;
    tree[at] = leaves[leafIndex]!;
    position[leafIndex] = at;
  });
  for (let i = tree.length - 1 - n; i >= 0; i--) tree[i] = hashPair(tree[2 * i + 1]!, tree[2 * i + 2]!, hash);
  const siblingsOf = (index: number): number[] => {
    if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`no leaf at index ${index}`);
    const siblings: number[] = [];
    for (let i = position[index]!; i > 0; i = (i - 1) >> 1) siblings.push(i % 2 === 1 ? i + 1 : i - 1);
    return siblings;
  };
  let hex: string[] | undefined;
  return {
    root: tree[0]!,
    proof: (index) => siblingsOf(index).map((i) => tree[i]!),
    proofHex(index) {
      hex ??= tree.map((node) => `0x${node.toString('hex')}`);
      return siblingsOf(index).map((i) => hex![i]!);
    },
  };
}

export function rootFromProof(leaf: Uint8Array, proof: readonly Uint8Array[], hash: HashFunction): Buffer {
  let node: Buffer = Buffer.from(leaf);
  for (const sibling of proof) node = hashPair(node, sibling, hash);
  return node;
}
