/**
 * Our Merkle construction against OpenZeppelin's merkle-tree library: their published dumps (read
 * from ../shared/conformance/merkle at test time), their library (@openzeppelin/merkle-tree, a
 * devDependency), and properties over random trees. Also the anchor receipt format built on it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SimpleMerkleTree, StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { AbiCoder } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { conformancePath } from '../test/support/conformance.ts';
import {
  buildTree,
  type HashFunction,
  hashPair,
  keccak256,
  leafOf,
  MERKLE_HASHES,
  type MerkleHashName,
  type MerkleTree,
  rootFromProof,
  sha256,
} from './merkle.ts';
import { type AnchorReceipt, parseReceipt, proofLeadsToRoot, ReceiptFormatError } from './receipt.ts';

const DUMPS = conformancePath('merkle');

const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
const fromHex = (value: string): Buffer => Buffer.from(value.slice(2), 'hex');
const hexes = (list: readonly Uint8Array[]): string[] => list.map(hex);

interface Dump<T> {
  format: string;
  leafEncoding?: string[];
  tree: string[];
  values: { value: T; treeIndex: number }[];
}
const readDump = <T>(name: string): Dump<T> => JSON.parse(readFileSync(path.join(DUMPS, name), 'utf8')) as Dump<T>;

type StandardData = Parameters<typeof StandardMerkleTree.load<[string]>>[0];
type SimpleData = Parameters<typeof SimpleMerkleTree.load>[0];

/** OpenZeppelin's standard leaf: keccak256(keccak256(abi.encode(values))). */
const standardLeaf = (types: readonly string[], values: readonly unknown[]): Buffer =>
  keccak256(keccak256(fromHex(AbiCoder.defaultAbiCoder().encode(types, values))));

/** Deterministic random bytes from a seed, so a failing property run can be replayed (MERKLE_SEED=…). */
function seededRandom(seed: string) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const bytes = (n: number): Buffer => {
    while (pool.length < n) pool = Buffer.concat([pool, sha256(Buffer.from(`${seed}:${counter++}`))]);
    const out = Buffer.from(pool.subarray(0, n));
    pool = pool.subarray(n);
    return out;
  };
  const int = (max: number): number => bytes(4).readUInt32BE() % max;
  return { bytes, int };
}
const SEED = process.env.MERKLE_SEED ?? randomBytes(8).toString('hex');
// Trees are built in beforeAll or in the tests, never while the tests are being collected: a tree
// that fails to build must fail tests (a mutation run counts failed tests, not failed files).
/**
 * `npm run mutate` runs these tests once per mutant: there (SKILLMARK_MUTATION=1) the random
 * properties use small trees only, still covering odd sizes, powers of two and one past them.
 */
const QUICK = process.env.SKILLMARK_MUTATION === '1';

const flipBit = (data: Uint8Array, bit: number): Buffer => {
  const copy = Buffer.from(data);
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
};

// ---------------------------------------------------------------- OpenZeppelin dumps

describe('OpenZeppelin merkle-tree conformance dumps', () => {
  it('are present in ../shared/conformance/merkle', () => {
    for (const name of [
      'standard-v1.sorted.1_0_6.json',
      'standard-v1.unsorted.1_0_6.json',
      'simple-v1.sorted.1_0_6.json',
      'simple-v1.unsorted.1_0_6.json',
    ]) {
      expect(existsSync(path.join(DUMPS, name)), path.join(DUMPS, name)).toBe(true);
    }
  });

  describe('standard-v1, sorted (leafEncoding ["string"])', () => {
    const dump = readDump<[string]>('standard-v1.sorted.1_0_6.json');
    const leaves = dump.values.map(({ value }) => standardLeaf(dump.leafEncoding!, value));
    const oz = StandardMerkleTree.load(dump as StandardData);
    let ours: MerkleTree;
    beforeAll(() => {
      ours = buildTree(leaves, keccak256);
    });

    it('is a standard-v1 dump with string leaves that OpenZeppelin’s library loads and reproduces', () => {
      expect(dump.format).toBe('standard-v1');
      expect(dump.leafEncoding).toEqual(['string']);
      expect(oz.root).toBe(dump.tree[0]);
      expect(
        StandardMerkleTree.of(
          dump.values.map((v) => v.value),
          ['string'],
        ).dump(),
      ).toEqual(dump);
    });

    it('our leaf hash of every value is the node at its treeIndex', () => {
      for (const [i, { treeIndex }] of dump.values.entries()) expect(hex(leaves[i]!)).toBe(dump.tree[treeIndex]);
    });

    it('buildTree(leaves, keccak256) has the dump’s root', () => {
      expect(hex(ours.root)).toBe(dump.tree[0]);
    });

    it('every proof is OpenZeppelin’s getProof(i) and leads to the root', () => {
      for (const [i, { value }] of dump.values.entries()) {
        const proof = ours.proof(i);
        expect(hexes(proof)).toEqual(oz.getProof(i));
        expect(hex(rootFromProof(leaves[i]!, proof, keccak256))).toBe(dump.tree[0]);
        expect(StandardMerkleTree.verify(dump.tree[0]!, ['string'], value, hexes(proof))).toBe(true);
      }
    });
  });

  describe('standard-v1, unsorted', () => {
    const dump = readDump<[string]>('standard-v1.unsorted.1_0_6.json');
    const sorted = readDump<[string]>('standard-v1.sorted.1_0_6.json');
    const leaves = dump.values.map(({ value }) => standardLeaf(dump.leafEncoding!, value));
    const oz = StandardMerkleTree.load(dump as StandardData);

    it('our leaf hash of every value is the node at its treeIndex', () => {
      expect(oz.root).toBe(dump.tree[0]);
      for (const [i, { treeIndex }] of dump.values.entries()) expect(hex(leaves[i]!)).toBe(dump.tree[treeIndex]);
    });

    it('buildTree always sorts leaves, so the same values give the sorted dump’s root (not this one)', () => {
      expect(dump.values.map((v) => v.value)).toEqual(sorted.values.map((v) => v.value));
      const root = hex(buildTree(leaves, keccak256).root);
      expect(root).toBe(sorted.tree[0]);
      expect(root).not.toBe(dump.tree[0]);
    });

    it('OpenZeppelin’s proofs in the unsorted tree lead to its root with our rootFromProof (same pair hashing)', () => {
      for (const i of dump.values.keys()) {
        const proof = oz.getProof(i).map(fromHex);
        expect(hex(rootFromProof(leaves[i]!, proof, keccak256))).toBe(dump.tree[0]);
      }
    });

    it('every inner node is hashPair of its children (2i+1, 2i+2)', () => {
      for (const tree of [dump.tree, sorted.tree]) {
        for (let i = 0; 2 * i + 2 < tree.length; i++) {
          expect(hex(hashPair(fromHex(tree[2 * i + 1]!), fromHex(tree[2 * i + 2]!), keccak256))).toBe(tree[i]);
        }
      }
    });
  });

  describe('simple-v1 (bytes32 leaves used as they are)', () => {
    const dump = readDump<string>('simple-v1.sorted.1_0_6.json');
    const unsorted = readDump<string>('simple-v1.unsorted.1_0_6.json');
    const leaves = dump.values.map(({ value }) => fromHex(value));
    let ours: MerkleTree;
    beforeAll(() => {
      ours = buildTree(leaves, keccak256);
    });

    it('sorted: buildTree over the raw values has the dump’s root and OpenZeppelin’s proofs', () => {
      const oz = SimpleMerkleTree.load(dump as SimpleData);
      expect(oz.root).toBe(dump.tree[0]);
      expect(hex(ours.root)).toBe(dump.tree[0]);
      for (const i of dump.values.keys()) {
        expect(hexes(ours.proof(i))).toEqual(oz.getProof(i));
        expect(hex(rootFromProof(leaves[i]!, ours.proof(i), keccak256))).toBe(dump.tree[0]);
      }
    });

    it('unsorted: the same values give the sorted root; OpenZeppelin’s unsorted proofs still verify with rootFromProof', () => {
      const oz = SimpleMerkleTree.load(unsorted as SimpleData);
      expect(
        hex(
          buildTree(
            unsorted.values.map(({ value }) => fromHex(value)),
            keccak256,
          ).root,
        ),
      ).toBe(dump.tree[0]);
      for (const [i, { value }] of unsorted.values.entries()) {
        expect(hex(rootFromProof(fromHex(value), oz.getProof(i).map(fromHex), keccak256))).toBe(unsorted.tree[0]);
      }
    });
  });
});

// ---------------------------------------------------------------- OpenZeppelin's library

describe('cross-check with StandardMerkleTree.of(values, ["bytes32"])', () => {
  const random = seededRandom(`oz:${SEED}`);

  it('leafOf(value, keccak256) is the standard bytes32 leaf', () => {
    const value = random.bytes(32);
    expect(hex(leafOf(value, keccak256))).toBe(hex(standardLeaf(['bytes32'], [hex(value)])));
  });

  it.each(QUICK ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 17] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 33, 100, 257, 300])(
    '%i values: same root and same proofs',
    (n) => {
      const values = Array.from({ length: n }, () => random.bytes(32));
      const ours = buildTree(
        values.map((v) => leafOf(v, keccak256)),
        keccak256,
      );
      const oz = StandardMerkleTree.of(
        values.map((v) => [hex(v)]),
        ['bytes32'],
      );
      expect(hex(ours.root), `seed ${SEED}`).toBe(oz.root);
      for (let i = 0; i < n; i++) expect(hexes(ours.proof(i)), `seed ${SEED}, leaf ${i}`).toEqual(oz.getProof(i));
    },
  );
});

// ---------------------------------------------------------------- properties

describe.each(Object.keys(MERKLE_HASHES) as MerkleHashName[])('properties with %s', (hashName) => {
  const hash: HashFunction = MERKLE_HASHES[hashName];
  const random = seededRandom(`${hashName}:${SEED}`);
  const SIZES = QUICK
    ? [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33]
    : [1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 64, 127, 128, 129, 255, 256, 257, 299, 300];
  const RANDOM_SETS = QUICK ? 2 : 25;
  const MAX_SIZE = QUICK ? 40 : 300;

  it(`every proof leads to the root and every tampered proof or leaf does not (1..${MAX_SIZE} random values, ${SIZES.length + RANDOM_SETS} sets)`, () => {
    const sizes = [...SIZES, ...Array.from({ length: RANDOM_SETS }, () => 1 + random.int(MAX_SIZE))];
    for (const n of sizes) {
      const where = `seed ${SEED}, ${n} values`;
      const values = Array.from({ length: n }, () => random.bytes(32));
      const leaves = values.map((v) => leafOf(v, hash));
      const tree = buildTree(leaves, hash);
      const root = hex(tree.root);
      const maxDepth = Math.ceil(Math.log2(n));
      for (let i = 0; i < n; i++) {
        const proof = tree.proof(i);
        const at = `${where}, leaf ${i}`;
        expect(proof.length, at).toBeLessThanOrEqual(maxDepth);
        expect(hex(rootFromProof(leaves[i]!, proof, hash)), at).toBe(root);
        // Tampering checks on every leaf of small trees and a sample of 40 leaves of larger ones.
        if (n > 64 && random.int(n) >= 40) continue;

        // Tampered leaves: a flipped bit, the raw value (a leaf is hashed twice), another leaf.
        expect(hex(rootFromProof(flipBit(leaves[i]!, random.int(256)), proof, hash)), at).not.toBe(root);
        if (n > 1) {
          expect(hex(rootFromProof(values[i]!, proof, hash)), at).not.toBe(root);
          expect(hex(rootFromProof(leaves[(i + 1 + random.int(n - 1)) % n]!, proof, hash)), at).not.toBe(root);
          // Tampered proofs: a flipped bit in one sibling, a sibling dropped, a sibling added.
          const k = random.int(proof.length);
          const flipped = proof.map((p, j) => (j === k ? flipBit(p, random.int(256)) : p));
          expect(hex(rootFromProof(leaves[i]!, flipped, hash)), at).not.toBe(root);
          expect(hex(rootFromProof(leaves[i]!, proof.slice(0, -1), hash)), at).not.toBe(root);
          expect(hex(rootFromProof(leaves[i]!, [...proof, random.bytes(32)], hash)), at).not.toBe(root);
        } else {
          expect(proof).toEqual([]);
          expect(root).toBe(hex(leaves[0]!));
        }
      }
    }
  });

  it('the root does not depend on the input order, and proof(i) follows the input order', () => {
    const n = 50;
    const leaves = Array.from({ length: n }, () => leafOf(random.bytes(32), hash));
    const reversed = [...leaves].reverse();
    const a = buildTree(leaves, hash);
    const b = buildTree(reversed, hash);
    expect(hex(b.root)).toBe(hex(a.root));
    for (let i = 0; i < n; i++) expect(hexes(b.proof(n - 1 - i))).toEqual(hexes(a.proof(i)));
  });

  it('rejects an empty tree and proofs for indexes that are not leaves', () => {
    expect(() => buildTree([], hash)).toThrow(new RangeError('a Merkle tree needs at least one leaf'));
    const tree = buildTree([leafOf(random.bytes(32), hash), leafOf(random.bytes(32), hash)], hash);
    for (const index of [-1, 2, 1.5, Number.NaN])
      expect(() => tree.proof(index)).toThrow(new RangeError(`no leaf at index ${index}`));
  });
});

// ---------------------------------------------------------------- anchor receipts

describe('anchor receipts', () => {
  const random = seededRandom(`receipt:${SEED}`);
  const credentials = Array.from({ length: 13 }, () => hex(random.bytes(32)));
  const index = 5;
  const REGISTRY = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
  const HASH = hex(random.bytes(32));
  let tree: MerkleTree;
  let good: AnchorReceipt;
  beforeAll(() => {
    tree = buildTree(
      credentials.map((c) => leafOf(fromHex(c), sha256)),
      sha256,
    );
    good = {
      type: 'SkillmarkAnchorReceipt',
      credentialHash: credentials[index]!,
      hashAlgorithm: 'sha256',
      merkleRoot: hex(tree.root),
      proof: hexes(tree.proof(index)),
      chainId: 31337,
      registry: REGISTRY,
      transactionHash: HASH,
      blockNumber: 12,
      anchoredAt: '2025-11-23T18:43:07.000Z',
    };
  });

  it('parseReceipt accepts a good receipt and returns exactly its fields', () => {
    expect(parseReceipt(structuredClone(good))).toEqual(good);
    expect(parseReceipt({ ...good, extra: 'ignored' })).toEqual(good);
    expect(
      parseReceipt({ ...good, anchoredAt: '2025-11-23T19:43:07+01:00', chainId: 0, blockNumber: 0, proof: [] }),
    ).toMatchObject({ proof: [] });
  });

  it.each<[string, () => unknown]>([
    ['null', () => null],
    ['undefined', () => undefined],
    ['a string', () => JSON.stringify(good)],
    ['a number', () => 42],
    ['an empty array', () => []],
    ['an array holding a receipt', () => [good]],
  ])('parseReceipt rejects %s as a receipt', (_, input) => {
    expect(() => parseReceipt(input())).toThrow(ReceiptFormatError);
  });

  const UPPER = `0x${'AB'.repeat(32)}`;
  const malformed: [keyof AnchorReceipt, unknown[]][] = [
    ['type', [undefined, 'AnchorReceipt', 'skillmarkanchorreceipt', 1]],
    ['hashAlgorithm', [undefined, 'keccak256', 'SHA256', 'sha-256']],
    [
      'credentialHash',
      [
        undefined,
        null,
        1,
        '',
        '0x',
        UPPER,
        'ab'.repeat(32),
        `0x${'a'.repeat(63)}`,
        `0x${'a'.repeat(65)}`,
        `0x${'g'.repeat(64)}`,
      ],
    ],
    ['merkleRoot', [undefined, UPPER, 'ab'.repeat(32), `0x${'a'.repeat(62)}`, ['0x']]],
    [
      'proof',
      [undefined, null, 'not a list', {}, [UPPER], ['0x1234'], [HASH, 42], Array.from({ length: 41 }, () => HASH)],
    ],
    ['chainId', [undefined, -1, 1.5, '31337', Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 31337n]],
    [
      'registry',
      [undefined, '', '0x1234', `0x${'z'.repeat(40)}`, '5FbDB2315678afecb367f032d93F642f64180aa3', `${REGISTRY}00`],
    ],
    ['transactionHash', [undefined, UPPER, `0x${'1'.repeat(40)}`, 7]],
    ['blockNumber', [undefined, -1, 0.5, '12', 2 ** 53, null]],
    [
      'anchoredAt',
      [
        undefined,
        '',
        'not a date',
        'yesterday',
        1763923387,
        '1',
        '2025',
        'November 23, 2025',
        'Sun, 23 Nov 2025 18:43:07 GMT',
        '2025-11-23',
        '2025-11-23T18:43:07',
        '2025-13-23T18:43:07Z',
        `2025-11-23T18:43:07.${'0'.repeat(40)}Z`,
      ],
    ],
  ];

  it.each(malformed)(
    'parseReceipt rejects each malformed "%s" with a ReceiptFormatError naming the field',
    (name, badValues) => {
      for (const bad of badValues) {
        const input: Record<string, unknown> = { ...good, [name]: bad };
        if (bad === undefined) delete input[name];
        let caught: unknown;
        try {
          parseReceipt(input);
        } catch (error) {
          caught = error;
        }
        expect(caught, `${name} = ${String(bad)}`).toBeInstanceOf(ReceiptFormatError);
        expect((caught as Error).message, `${name} = ${String(bad)}`).toContain(`"${name}"`);
      }
    },
  );

  it('proofLeadsToRoot is true for the receipt’s credential hash only', () => {
    const receipt = parseReceipt(good);
    expect(proofLeadsToRoot(receipt, credentials[index]!)).toBe(true);
    for (const [i, other] of credentials.entries())
      if (i !== index) expect(proofLeadsToRoot(receipt, other)).toBe(false);
    expect(proofLeadsToRoot(receipt, hex(random.bytes(32)))).toBe(false);
    expect(proofLeadsToRoot({ ...receipt, proof: receipt.proof.slice(1) }, credentials[index]!)).toBe(false);
    expect(proofLeadsToRoot({ ...receipt, merkleRoot: hex(random.bytes(32)) }, credentials[index]!)).toBe(false);
  });

  it('proofLeadsToRoot works for every credential of the batch and for a batch of one', () => {
    for (const [i, credential] of credentials.entries()) {
      expect(proofLeadsToRoot({ ...good, credentialHash: credential, proof: hexes(tree.proof(i)) }, credential)).toBe(
        true,
      );
    }
    const single = credentials[0]!;
    const root = hex(buildTree([leafOf(fromHex(single), sha256)], sha256).root);
    expect(
      proofLeadsToRoot(parseReceipt({ ...good, credentialHash: single, merkleRoot: root, proof: [] }), single),
    ).toBe(true);
  });
});
