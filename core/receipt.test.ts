import { describe, expect, it } from 'vitest';
import { buildTree, leafOf, sha256 } from './merkle.ts';
import { type AnchorReceipt, parseReceipt, ReceiptFormatError, receiptFor } from './receipt.ts';

/**
 * The limits of the anchor receipt format (docs/anchor-receipt.md) at their edges; the field by
 * field refusals are in merkle.test.ts.
 */
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const good: AnchorReceipt = {
  type: 'SkillmarkAnchorReceipt',
  credentialHash: hash(1),
  hashAlgorithm: 'sha256',
  merkleRoot: hash(2),
  proof: [hash(3)],
  chainId: 31337,
  registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  transactionHash: hash(4),
  blockNumber: 12,
  anchoredAt: '2025-11-23T18:43:07.000Z',
};

function refusal(input: Record<string, unknown>): string {
  try {
    parseReceipt(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ReceiptFormatError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('anchor receipt limits', () => {
  it('a proof of 40 hashes (a batch of up to 2^40) is accepted, 41 is not', () => {
    const forty = Array.from({ length: 40 }, (_, i) => hash(i + 10));
    expect(parseReceipt({ ...good, proof: forty }).proof).toEqual(forty);
    expect(refusal({ ...good, proof: [...forty, hash(99)] })).toBe(
      'anchor receipt: "proof" must be a list of at most 40 32-byte hex strings',
    );
  });

  it('the largest safe integers are counts, one more is not', () => {
    expect(
      parseReceipt({ ...good, chainId: Number.MAX_SAFE_INTEGER, blockNumber: Number.MAX_SAFE_INTEGER }),
    ).toMatchObject({ chainId: Number.MAX_SAFE_INTEGER });
    expect(refusal({ ...good, blockNumber: Number.MAX_SAFE_INTEGER + 1 })).toBe(
      'anchor receipt: "blockNumber" must be a non-negative integer',
    );
    expect(refusal({ ...good, chainId: -0.5 })).toBe('anchor receipt: "chainId" must be a non-negative integer');
  });

  it('a date-time with nanoseconds and an offset is accepted; one naming no real day is not', () => {
    expect(parseReceipt({ ...good, anchoredAt: '2025-11-23T18:43:07.123456789+05:30' }).anchoredAt).toBe(
      '2025-11-23T18:43:07.123456789+05:30',
    );
    expect(refusal({ ...good, anchoredAt: '2025-11-23T25:43:07Z' })).toBe(
      'anchor receipt: "anchoredAt" must be an ISO 8601 date-time',
    );
    // Date.parse takes expanded years; the RFC 3339 profile does not.
    expect(refusal({ ...good, anchoredAt: '+002025-11-23T18:43:07Z' })).toBe(
      'anchor receipt: "anchoredAt" must be an ISO 8601 date-time',
    );
  });

  it('hashes and addresses are matched whole', () => {
    expect(refusal({ ...good, merkleRoot: ` ${hash(2)}` })).toBe(
      'anchor receipt: "merkleRoot" must be a 0x-prefixed 32-byte lowercase hex string',
    );
    expect(refusal({ ...good, credentialHash: `${hash(1)}\n` })).toBe(
      'anchor receipt: "credentialHash" must be a 0x-prefixed 32-byte lowercase hex string',
    );
    expect(refusal({ ...good, registry: `x${good.registry}` })).toBe(
      'anchor receipt: "registry" must be a 0x-prefixed 20-byte address',
    );
    expect(refusal({ ...good, registry: `${good.registry}\n` })).toBe(
      'anchor receipt: "registry" must be a 0x-prefixed 20-byte address',
    );
    expect(refusal({ ...good, transactionHash: hash(4).slice(0, -1) })).toBe(
      'anchor receipt: "transactionHash" must be a 0x-prefixed 32-byte lowercase hex string',
    );
  });

  it('a list holding one valid value is not that value (a regular expression would read it as text)', () => {
    expect(refusal({ ...good, merkleRoot: [good.merkleRoot] })).toContain('"merkleRoot"');
    expect(refusal({ ...good, registry: [good.registry] })).toContain('"registry"');
    expect(refusal({ ...good, anchoredAt: [good.anchoredAt] })).toContain('"anchoredAt"');
  });

  it('names what is wrong with the whole, its type and its hash algorithm', () => {
    expect(() => parseReceipt([])).toThrow('anchor receipt must be a JSON object');
    expect(refusal({ ...good, type: 'Receipt' })).toBe('anchor receipt: "type" must be "SkillmarkAnchorReceipt"');
    expect(refusal({ ...good, hashAlgorithm: 'keccak256' })).toBe('anchor receipt: "hashAlgorithm" must be "sha256"');
  });
});

describe('receiptFor', () => {
  const hashes = [hash(11), hash(12), hash(13)];
  const tree = buildTree(
    hashes.map((h) => leafOf(Buffer.from(h.slice(2), 'hex'), sha256)),
    sha256,
  );
  const batch: AnchorReceipt = {
    ...good,
    credentialHash: hashes[1]!,
    merkleRoot: `0x${tree.root.toString('hex')}`,
    proof: tree.proofHex(1),
  };

  it('gives the parsed receipt when it names the credential and its proof leads to its root', () => {
    expect(receiptFor(batch, hashes[1]!)).toEqual({ ok: true, receipt: batch });
  });

  it('says the receipt is malformed, with what is wrong, before anything else', () => {
    expect(receiptFor({ ...batch, proof: 'none' }, hashes[0]!)).toEqual({
      ok: false,
      problem: 'malformed',
      detail: expect.stringContaining('"proof"'),
    });
    expect(receiptFor(undefined, hashes[1]!)).toMatchObject({
      ok: false,
      problem: 'malformed',
      detail: 'anchor receipt must be a JSON object',
    });
  });

  it('says the receipt is for another credential, naming the one it is for', () => {
    expect(receiptFor(batch, hashes[0]!)).toEqual({
      ok: false,
      problem: 'other_credential',
      detail: expect.stringContaining(hashes[1]!),
      found: hashes[1],
    });
  });

  it('says the proof does not lead to the root: another position, a shortened or an empty proof', () => {
    for (const proof of [tree.proofHex(0), batch.proof.slice(1), []]) {
      expect(receiptFor({ ...batch, proof }, hashes[1]!), proof.join()).toMatchObject({
        ok: false,
        problem: 'proof_mismatch',
      });
    }
  });
});
