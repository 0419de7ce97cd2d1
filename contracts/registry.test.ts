/**
 * Contract tests for SkillmarkRegistry against a real local node (anvil), no mocks.
 * One node for the whole file; every test deploys its own registry so tests stay independent.
 */
import { randomBytes } from 'node:crypto';
import {
  Contract,
  type ContractTransactionResponse,
  hexlify,
  isError,
  type JsonRpcSigner,
  type LogDescription,
  type TransactionReceipt,
  ZeroAddress,
  ZeroHash,
} from 'ethers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestChain, type TestChain } from '../test/support/local-chain.ts';
import {
  deployRegistry,
  describeContractError,
  didHash,
  InstitutionStatus,
  Registry,
  RevocationReason,
  registryInterface,
} from './registry.ts';

const DID_A = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const DID_B = 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG';
const DID_C = 'did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf';

let chain: TestChain;
let authority: JsonRpcSigner; // dev account 0: deployer and accreditation authority
let instA: JsonRpcSigner; // dev account 1: institution A's first key
let instB: JsonRpcSigner; // dev account 2: institution B's key
let rotatedA: JsonRpcSigner; // dev account 3: institution A's next key
let stranger: JsonRpcSigner; // dev account 4: nobody
let nextAuthority: JsonRpcSigner; // dev account 5: proposed new authority
let instC: JsonRpcSigner; // dev account 6: institution C's key
const addr: Record<string, string> = {};

let registryAddress: string;
let reader: Registry;

const gasUsed = new Map<string, { gas: bigint; note: string }>();

const randomHash = (): string => hexlify(randomBytes(32));
const S = InstitutionStatus;

beforeAll(async () => {
  chain = await startTestChain();
  const signers = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => chain.provider.getSigner(i)));
  [authority, instA, instB, rotatedA, stranger, nextAuthority, instC] = signers as [
    JsonRpcSigner,
    JsonRpcSigner,
    JsonRpcSigner,
    JsonRpcSigner,
    JsonRpcSigner,
    JsonRpcSigner,
    JsonRpcSigner,
  ];
  for (const [name, s] of Object.entries({ authority, instA, instB, rotatedA, stranger, nextAuthority, instC })) {
    addr[name] = await s.getAddress();
  }
});

afterAll(async () => {
  if (gasUsed.size > 0) {
    const rows = [...gasUsed].map(([fn, { gas, note }]) => `${fn.padEnd(18)} ${gas.toString().padStart(9)}  ${note}`);
    console.log(
      [
        'SkillmarkRegistry gas used (whole transaction, incl. 21000 base):',
        `${'function'.padEnd(18)} ${'gas'.padStart(9)}  case`,
        ...rows,
      ].join('\n'),
    );
  }
  await chain?.stop();
});

beforeEach(async () => {
  ({ address: registryAddress } = await deployRegistry(authority, addr.authority!));
  reader = new Registry(registryAddress, chain.provider);
});

// ---------------------------------------------------------------- helpers

const as = (signer: JsonRpcSigner) => new Contract(registryAddress, registryInterface(), signer);

async function send(signer: JsonRpcSigner, method: string, ...args: unknown[]): Promise<TransactionReceipt> {
  const tx = (await as(signer).getFunction(method)(...args)) as ContractTransactionResponse;
  const receipt = await tx.wait();
  if (receipt?.status !== 1) throw new Error(`${method} did not succeed`);
  return receipt;
}

function eventsOf(receipt: TransactionReceipt): LogDescription[] {
  return receipt.logs
    .filter((log) => log.address.toLowerCase() === registryAddress.toLowerCase())
    .map((log) => registryInterface().parseLog(log))
    .filter((e): e is LogDescription => e !== null);
}

/** The single event called `name` in the receipt, as [name, ...args]. */
function eventArgs(receipt: TransactionReceipt, name: string): unknown[] {
  const matching = eventsOf(receipt).filter((e) => e.name === name);
  expect(matching, `one ${name} event`).toHaveLength(1);
  return matching[0]!.args.toArray();
}

async function blockTime(receipt: TransactionReceipt): Promise<bigint> {
  const block = await chain.provider.getBlock(receipt.blockNumber);
  return BigInt(block!.timestamp);
}

function revertData(error: unknown): string | undefined {
  if (isError(error, 'CALL_EXCEPTION') && typeof error.data === 'string') return error.data;
  const nested = (error as { info?: { error?: { data?: unknown } } })?.info?.error?.data;
  return typeof nested === 'string' ? nested : undefined;
}

/** Awaits a call that must revert with the registry's custom error `name` (and these args). */
async function expectRevert(call: Promise<unknown>, name: string, args?: unknown[]): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e ?? new Error('rejected without a reason'),
  );
  expect(error, `expected a ${name} revert, the call succeeded`).toBeDefined();
  const data = revertData(error);
  expect(data, `no revert data in ${String(error)}`).toMatch(/^0x[0-9a-f]{8}/i);
  const parsed = registryInterface().parseError(data!);
  expect(parsed?.name).toBe(name);
  if (args) expect(parsed!.args.toArray()).toEqual(args);
  expect(describeContractError(error).startsWith(`${name}(`)).toBe(true);
}

async function accredit(
  signer: string,
  did: string,
  name: string,
): Promise<{ id: bigint; receipt: TransactionReceipt }> {
  const receipt = await send(authority, 'accredit', signer, did, name);
  const [id] = eventArgs(receipt, 'InstitutionAccredited') as [bigint];
  return { id, receipt };
}

const anchorOf = async (root: string) => {
  const a = await as(authority).getFunction('getAnchor').staticCall(root);
  return {
    institutionId: a.institutionId as bigint,
    anchoredAt: a.anchoredAt as bigint,
    batchSize: a.batchSize as bigint,
  };
};

const revocationOf = async (institutionId: bigint, hash: string) => {
  const r = await as(authority).getFunction('getRevocation').staticCall(institutionId, hash);
  return { revokedAt: r.revokedAt as bigint, reason: r.reason as bigint };
};

const view = async <T>(method: string, ...args: unknown[]): Promise<T> =>
  (await as(authority)
    .getFunction(method)
    .staticCall(...args)) as T;

// ---------------------------------------------------------------- tests

describe('deployment', () => {
  it('sets the initial authority and announces it', async () => {
    expect(await view<string>('authority')).toBe(addr.authority);
    expect(await view<string>('pendingAuthority')).toBe(ZeroAddress);
    expect(await view<bigint>('institutionCount')).toBe(0n);
    const { blockNumber } = await deployRegistry(authority, addr.authority!);
    const logs = await chain.provider.getLogs({ fromBlock: blockNumber, toBlock: blockNumber });
    const events = logs.map((l) => registryInterface().parseLog(l)).filter((e) => e !== null);
    expect(events.map((e) => [e.name, ...e.args.toArray()])).toEqual([
      ['AuthorityTransferred', ZeroAddress, addr.authority],
    ]);
  });

  it('refuses the zero address as authority (ZeroAddress)', async () => {
    await expectRevert(deployRegistry(authority, ZeroAddress), 'ZeroAddress', []);
  });
});

describe('accreditation (authority only)', () => {
  it('accredits institutions with sequential ids, emitting accreditation, status and signer events', async () => {
    const { id, receipt } = await accredit(addr.instA!, DID_A, 'Institution A');
    expect(id).toBe(1n);
    const since = await blockTime(receipt);
    expect(eventsOf(receipt).map((e) => [e.name, ...e.args.toArray()])).toEqual([
      ['InstitutionAccredited', 1n, addr.instA, DID_A, 'Institution A'],
      ['InstitutionStatusChanged', 1n, BigInt(S.Accredited), since],
      ['SignerAdded', 1n, addr.instA],
    ]);
    expect(await reader.institution(1)).toEqual({
      id: 1,
      status: 'Accredited',
      statusSince: Number(since),
      did: DID_A,
      name: 'Institution A',
    });
    expect(await reader.institutionOfSigner(addr.instA!)).toBe(1);
    expect(await reader.institutionOfDid(DID_A)).toBe(1);
    expect(await view<bigint>('institutionOfDid', didHash(DID_A))).toBe(1n);

    const second = await accredit(addr.instB!, DID_B, 'Institution B');
    expect(second.id).toBe(2n);
    expect(await view<bigint>('institutionCount')).toBe(2n);
    expect(await reader.institution(3)).toMatchObject({ status: 'Unknown', did: '', name: '' });
  });

  it('rejects callers other than the authority (NotAuthority)', async () => {
    for (const caller of [instA, stranger, nextAuthority]) {
      await expectRevert(as(caller).getFunction('accredit')(addr.instA, DID_A, 'A'), 'NotAuthority', [
        await caller.getAddress(),
      ]);
    }
  });

  it('rejects a zero signer (ZeroAddress) and empty DID or name (EmptyValue)', async () => {
    const accreditFn = as(authority).getFunction('accredit');
    await expectRevert(accreditFn(ZeroAddress, DID_A, 'A'), 'ZeroAddress', []);
    await expectRevert(accreditFn(addr.instA, '', 'A'), 'EmptyValue', []);
    await expectRevert(accreditFn(addr.instA, DID_A, ''), 'EmptyValue', []);
  });

  it('rejects a signer or a DID that is already registered', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    const accreditFn = as(authority).getFunction('accredit');
    await expectRevert(accreditFn(addr.instA, DID_B, 'B'), 'SignerAlreadyRegistered', [addr.instA]);
    await expectRevert(accreditFn(addr.instB, DID_A, 'B'), 'DidAlreadyRegistered', [DID_A]);
    expect(await view<bigint>('institutionCount')).toBe(1n);
  });
});

describe('status changes (authority only)', () => {
  it('suspends, withdraws and restores, emitting InstitutionStatusChanged with the block time', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    for (const status of [S.Suspended, S.Withdrawn, S.Accredited]) {
      const receipt = await send(authority, 'setStatus', id, status);
      const since = await blockTime(receipt);
      expect(eventArgs(receipt, 'InstitutionStatusChanged')).toEqual([id, BigInt(status), since]);
      const inst = await reader.institution(Number(id));
      expect(S[inst.status]).toBe(status);
      expect(inst.statusSince).toBe(Number(since));
    }
  });

  it('rejects callers other than the authority (NotAuthority), including the institution itself', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    for (const caller of [instA, stranger]) {
      await expectRevert(as(caller).getFunction('setStatus')(id, S.Suspended), 'NotAuthority', [
        await caller.getAddress(),
      ]);
    }
  });

  it('rejects unknown institutions (UnknownInstitution) and the Unknown status (InvalidStatus)', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const setStatus = as(authority).getFunction('setStatus');
    await expectRevert(setStatus(0, S.Suspended), 'UnknownInstitution', [0n]);
    await expectRevert(setStatus(id + 1n, S.Suspended), 'UnknownInstitution', [id + 1n]);
    await expectRevert(setStatus(id, S.Unknown), 'InvalidStatus', [BigInt(S.Unknown)]);
    expect((await reader.institution(Number(id))).status).toBe('Accredited');
  });
});

describe('anchoring', () => {
  it('anchors a root for the signer’s institution and emits RootAnchored', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const root = randomHash();
    const receipt = await send(instA, 'anchor', root, 42);
    const at = await blockTime(receipt);
    expect(eventArgs(receipt, 'RootAnchored')).toEqual([root, id, 42n, at]);
    expect(await anchorOf(root)).toEqual({ institutionId: id, anchoredAt: at, batchSize: 42n });
    expect(await reader.anchorOf(root)).toEqual({ institutionId: Number(id), anchoredAt: Number(at), batchSize: 42 });
    expect(await anchorOf(randomHash())).toEqual({ institutionId: 0n, anchoredAt: 0n, batchSize: 0n });
  });

  it('only a registered signer can anchor: not a stranger, not the authority (NotSigner)', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    for (const caller of [stranger, authority]) {
      await expectRevert(as(caller).getFunction('anchor')(randomHash(), 1), 'NotSigner', [await caller.getAddress()]);
    }
  });

  it('rejects a zero root or an empty batch (EmptyValue)', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    await expectRevert(as(instA).getFunction('anchor')(ZeroHash, 1), 'EmptyValue', []);
    await expectRevert(as(instA).getFunction('anchor')(randomHash(), 0), 'EmptyValue', []);
  });

  it('a root can be anchored once, by anyone (RootAlreadyAnchored)', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    await accredit(addr.instB!, DID_B, 'B');
    const root = randomHash();
    await send(instA, 'anchor', root, 1);
    await expectRevert(as(instA).getFunction('anchor')(root, 1), 'RootAlreadyAnchored', [root]);
    await expectRevert(as(instB).getFunction('anchor')(root, 5), 'RootAlreadyAnchored', [root]);
    expect((await anchorOf(root)).institutionId).toBe(a.id);
  });
});

describe('importing anchors (chain migration, authority only)', () => {
  it('records roots with their original times and batch sizes, skips roots already present, and emits AnchorImported', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const existing = randomHash();
    await send(instA, 'anchor', existing, 3);
    const before = await anchorOf(existing);
    const [r1, r2] = [randomHash(), randomHash()];
    const receipt = await send(
      authority,
      'importAnchors',
      id,
      [r1, existing, r2],
      [10, 99, 20],
      [1_000_000n, 5n, 2_000_000n],
      1n,
    );
    expect(
      eventsOf(receipt)
        .filter((e) => e.name === 'AnchorImported')
        .map((e) => e.args.toArray()),
    ).toEqual([
      [r1, id, 10n, 1_000_000n, 1n],
      [r2, id, 20n, 2_000_000n, 1n],
    ]);
    expect(await anchorOf(r1)).toEqual({ institutionId: id, anchoredAt: 1_000_000n, batchSize: 10n });
    expect(await anchorOf(existing)).toEqual(before);
    gasUsed.set('importAnchors(3)', { gas: receipt.gasUsed, note: 'three roots, one already present' });
  });

  it('is for the authority only, for known institutions, with matching lists, no empty values and no future times', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const root = randomHash();
    await expectRevert(as(instA).getFunction('importAnchors')(id, [root], [1], [1n], 1n), 'NotAuthority', [addr.instA]);
    await expectRevert(as(authority).getFunction('importAnchors')(99, [root], [1], [1n], 1n), 'UnknownInstitution', [
      99n,
    ]);
    await expectRevert(as(authority).getFunction('importAnchors')(id, [root], [1, 2], [1n], 1n), 'LengthMismatch', []);
    await expectRevert(as(authority).getFunction('importAnchors')(id, [ZeroHash], [1], [1n], 1n), 'EmptyValue', []);
    await expectRevert(as(authority).getFunction('importAnchors')(id, [root], [0], [1n], 1n), 'EmptyValue', []);
    const future = BigInt(Math.floor(Date.now() / 1000) + 86_400 * 365);
    await expectRevert(
      as(authority).getFunction('importAnchors')(id, [root], [1], [future], 1n),
      'AnchoredInTheFuture',
      [root, future],
    );
  });
});

describe('history rules', () => {
  it('a root anchored while accredited keeps its anchor after suspension; a suspended or withdrawn institution cannot anchor; restoring allows anchoring again', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const root = randomHash();
    const credential = randomHash();
    const anchored = await send(instA, 'anchor', root, 10);
    const anchoredAt = await blockTime(anchored);

    const suspended = await send(authority, 'setStatus', id, S.Suspended);
    const suspendedAt = await blockTime(suspended);
    expect(await anchorOf(root)).toEqual({ institutionId: id, anchoredAt, batchSize: 10n });
    expect(await reader.credentialFacts(root, DID_A, credential)).toEqual({
      anchor: { institutionId: Number(id), anchoredAt: Number(anchoredAt), batchSize: 10 },
      issuerInstitutionId: Number(id),
      issuerStatus: 'Suspended',
      issuerStatusSince: Number(suspendedAt),
      issuerName: 'A',
      revocation: { revokedAt: 0, reason: 0 },
      issuerDidCompromisedSince: 0,
    });
    await expectRevert(as(instA).getFunction('anchor')(randomHash(), 1), 'InstitutionNotAccredited', [
      id,
      BigInt(S.Suspended),
    ]);

    await send(authority, 'setStatus', id, S.Withdrawn);
    await expectRevert(as(instA).getFunction('anchor')(randomHash(), 1), 'InstitutionNotAccredited', [
      id,
      BigInt(S.Withdrawn),
    ]);
    const facts = await reader.credentialFacts(root, DID_A, credential);
    expect(facts.anchor).toEqual({ institutionId: Number(id), anchoredAt: Number(anchoredAt), batchSize: 10 });
    expect(facts.issuerStatus).toBe('Withdrawn');

    await send(authority, 'setStatus', id, S.Accredited);
    const root2 = randomHash();
    await send(instA, 'anchor', root2, 3);
    expect((await anchorOf(root2)).institutionId).toBe(id);
    expect((await reader.credentialFacts(root2, DID_A, credential)).issuerStatus).toBe('Accredited');
  });

  it('a suspended institution can still revoke its own credentials', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    await send(authority, 'setStatus', id, S.Suspended);
    const credential = randomHash();
    await send(instA, 'revoke', credential, RevocationReason.fraud);
    expect((await revocationOf(id, credential)).reason).toBe(BigInt(RevocationReason.fraud));
  });
});

describe('signers and key rotation', () => {
  it('rotates a key: a current signer adds the new key and removes the old one; past anchors keep their institution', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const oldRoot = randomHash();
    const oldAnchor = await send(instA, 'anchor', oldRoot, 7);
    const oldAt = await blockTime(oldAnchor);

    const added = await send(instA, 'addSigner', id, addr.rotatedA);
    expect(eventArgs(added, 'SignerAdded')).toEqual([id, addr.rotatedA]);
    expect(await reader.institutionOfSigner(addr.rotatedA!)).toBe(Number(id));

    const removed = await send(rotatedA, 'removeSigner', addr.instA);
    expect(eventArgs(removed, 'SignerRemoved')).toEqual([id, addr.instA]);
    expect(await reader.institutionOfSigner(addr.instA!)).toBe(0);

    await expectRevert(as(instA).getFunction('anchor')(randomHash(), 1), 'NotSigner', [addr.instA]);
    await expectRevert(as(instA).getFunction('revoke')(randomHash(), 0), 'NotSigner', [addr.instA]);
    await expectRevert(as(instA).getFunction('addSigner')(id, addr.stranger), 'NotAllowedForInstitution', [
      addr.instA,
      id,
    ]);

    const newRoot = randomHash();
    await send(rotatedA, 'anchor', newRoot, 2);
    expect(await anchorOf(oldRoot)).toEqual({ institutionId: id, anchoredAt: oldAt, batchSize: 7n });
    expect((await anchorOf(newRoot)).institutionId).toBe(id);
    const facts = await reader.credentialFacts(oldRoot, DID_A, randomHash());
    expect(facts.anchor.institutionId).toBe(Number(id));
    expect(facts.issuerInstitutionId).toBe(Number(id));
  });

  it('a signer can remove itself; the authority can add and remove any institution’s keys', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const added = await send(authority, 'addSigner', id, addr.rotatedA);
    expect(eventArgs(added, 'SignerAdded')).toEqual([id, addr.rotatedA]);
    await send(rotatedA, 'removeSigner', addr.rotatedA);
    expect(await reader.institutionOfSigner(addr.rotatedA!)).toBe(0);
    const removed = await send(authority, 'removeSigner', addr.instA);
    expect(eventArgs(removed, 'SignerRemoved')).toEqual([id, addr.instA]);
    expect(await reader.institutionOfSigner(addr.instA!)).toBe(0);
    // A retired key can be registered again, even for another institution.
    const other = await accredit(addr.instA!, DID_B, 'B');
    expect(other.id).toBe(id + 1n);
  });

  it('another institution’s signer or a stranger cannot manage an institution’s keys (NotAllowedForInstitution)', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    const b = await accredit(addr.instB!, DID_B, 'B');
    await expectRevert(as(instB).getFunction('addSigner')(a.id, addr.rotatedA), 'NotAllowedForInstitution', [
      addr.instB,
      a.id,
    ]);
    await expectRevert(as(stranger).getFunction('addSigner')(a.id, addr.rotatedA), 'NotAllowedForInstitution', [
      addr.stranger,
      a.id,
    ]);
    await expectRevert(as(instB).getFunction('removeSigner')(addr.instA), 'NotAllowedForInstitution', [
      addr.instB,
      a.id,
    ]);
    await expectRevert(as(stranger).getFunction('removeSigner')(addr.instA), 'NotAllowedForInstitution', [
      addr.stranger,
      a.id,
    ]);
    await expectRevert(as(instA).getFunction('removeSigner')(addr.instB), 'NotAllowedForInstitution', [
      addr.instA,
      b.id,
    ]);
    expect(await reader.institutionOfSigner(addr.instA!)).toBe(Number(a.id));
    expect(await reader.institutionOfSigner(addr.instB!)).toBe(Number(b.id));
  });

  it('rejects unknown institutions, zero and already-registered keys, and removing a non-signer', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    await accredit(addr.instB!, DID_B, 'B');
    const addSigner = as(instA).getFunction('addSigner');
    await expectRevert(as(authority).getFunction('addSigner')(99, addr.rotatedA), 'UnknownInstitution', [99n]);
    await expectRevert(addSigner(a.id, ZeroAddress), 'ZeroAddress', []);
    await expectRevert(addSigner(a.id, addr.instA), 'SignerAlreadyRegistered', [addr.instA]);
    await expectRevert(addSigner(a.id, addr.instB), 'SignerAlreadyRegistered', [addr.instB]);
    await expectRevert(as(authority).getFunction('removeSigner')(addr.stranger), 'NotSigner', [addr.stranger]);
    await expectRevert(as(instA).getFunction('removeSigner')(ZeroAddress), 'NotSigner', [ZeroAddress]);
  });
});

describe('revocation', () => {
  it('revoke records the revocation, emits CredentialRevoked and cannot be repeated (AlreadyRevoked)', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const credential = randomHash();
    const receipt = await send(instA, 'revoke', credential, RevocationReason.issuedInError);
    expect(eventArgs(receipt, 'CredentialRevoked')).toEqual([
      id,
      credential,
      BigInt(RevocationReason.issuedInError),
      addr.instA,
    ]);
    expect(await revocationOf(id, credential)).toEqual({
      revokedAt: await blockTime(receipt),
      reason: BigInt(RevocationReason.issuedInError),
    });
    await expectRevert(as(instA).getFunction('revoke')(credential, 2), 'AlreadyRevoked', [credential]);
  });

  it('only signers revoke, never the zero hash', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    await expectRevert(as(stranger).getFunction('revoke')(randomHash(), 0), 'NotSigner', [addr.stranger]);
    await expectRevert(as(authority).getFunction('revoke')(randomHash(), 0), 'NotSigner', [addr.authority]);
    await expectRevert(as(stranger).getFunction('revokeMany')([randomHash()], 0), 'NotSigner', [addr.stranger]);
    await expectRevert(as(instA).getFunction('revoke')(ZeroHash, 0), 'EmptyValue', []);
    await expectRevert(as(instA).getFunction('revokeMany')([randomHash(), ZeroHash], 0), 'EmptyValue', []);
  });

  it('revokeMany revokes a batch atomically: one already-revoked or repeated hash reverts the whole batch', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const hashes = [randomHash(), randomHash(), randomHash()];
    const receipt = await send(instA, 'revokeMany', hashes, RevocationReason.superseded);
    expect(eventsOf(receipt).map((e) => [e.name, ...e.args.toArray()])).toEqual(
      hashes.map((h) => ['CredentialRevoked', id, h, BigInt(RevocationReason.superseded), addr.instA]),
    );
    for (const h of hashes) expect((await revocationOf(id, h)).reason).toBe(BigInt(RevocationReason.superseded));

    const fresh = randomHash();
    await expectRevert(as(instA).getFunction('revokeMany')([fresh, hashes[1]], 1), 'AlreadyRevoked', [hashes[1]]);
    expect((await revocationOf(id, fresh)).revokedAt).toBe(0n);
    await expectRevert(as(instA).getFunction('revokeMany')([fresh, fresh], 1), 'AlreadyRevoked', [fresh]);
    expect((await revocationOf(id, fresh)).revokedAt).toBe(0n);
    // An empty batch is a no-op.
    expect(eventsOf(await send(instA, 'revokeMany', [], 0))).toEqual([]);
  });

  it('publishStatusLists commits to many lists in one transaction, the latest commitment replacing the last', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    await accredit(addr.instB!, DID_B, 'B');
    const [list1, list2, bits1, bits2, bits3] = [randomHash(), randomHash(), randomHash(), randomHash(), randomHash()];
    expect(await reader.statusListOf(DID_A, list1)).toEqual({
      institutionId: Number(id),
      bitsHash: ZeroHash,
      bitsOnly: false,
    });
    const first = await send(instA, 'publishStatusLists', [list1, list2], [bits1, bits2]);
    expect(eventsOf(first).map((e) => [e.name, ...e.args.toArray()])).toEqual([
      ['StatusListPublished', id, list1, bits1],
      ['StatusListPublished', id, list2, bits2],
    ]);
    await send(instA, 'publishStatusLists', [list1], [bits3]);
    expect(await reader.statusListOf(DID_A, list1)).toEqual({
      institutionId: Number(id),
      bitsHash: bits3,
      bitsOnly: false,
    });
    expect((await reader.statusListOf(DID_A, list2)).bitsHash).toBe(bits2);
    // Another institution's lists are its own: B's commitment under the same key is separate.
    expect((await reader.statusListOf(DID_B, list1)).bitsHash).toBe(ZeroHash);
    await send(instB, 'publishStatusLists', [list1], [bits1]);
    expect((await reader.statusListOf(DID_A, list1)).bitsHash).toBe(bits3);
    // A key that is no institution's signer, and a DID no institution has, get nothing.
    expect((await reader.statusListOf(DID_C, list1)).institutionId).toBe(0);
    await expectRevert(as(stranger).getFunction('publishStatusLists')([list1], [bits1]), 'NotSigner', [addr.stranger]);
    await expectRevert(as(authority).getFunction('publishStatusLists')([list1], [bits1]), 'NotSigner', [
      addr.authority,
    ]);
    await expectRevert(as(instA).getFunction('publishStatusLists')([list1, list2], [bits1]), 'LengthMismatch', []);
    await expectRevert(as(instA).getFunction('publishStatusLists')([], []), 'EmptyValue', []);
    await expectRevert(as(instA).getFunction('publishStatusLists')([list1], [ZeroHash]), 'EmptyValue', []);
    await expectRevert(as(instA).getFunction('publishStatusLists')([ZeroHash], [bits1]), 'EmptyValue', []);

    // Chain migration: only the authority imports an institution's commitments.
    await send(authority, 'importStatusLists', id, [list2], [bits3], []);
    expect((await reader.statusListOf(DID_A, list2)).bitsHash).toBe(bits3);
    await expectRevert(as(instA).getFunction('importStatusLists')(id, [list2], [bits1], []), 'NotAuthority', [
      addr.instA,
    ]);
    await expectRevert(as(authority).getFunction('importStatusLists')(99, [list2], [bits1], []), 'UnknownInstitution', [
      99n,
    ]);
  });

  it('publishStatusListsBitsOnly marks the lists holding bits with no per-hash revocation, once and for good', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const { id: idB } = await accredit(addr.instB!, DID_B, 'B');
    const [list1, list2, bits1, bits2, bits3] = [randomHash(), randomHash(), randomHash(), randomHash(), randomHash()];
    const first = await send(instA, 'publishStatusListsBitsOnly', [list1, list2], [bits1, bits2], [true, false]);
    expect(eventsOf(first).map((e) => [e.name, ...e.args.toArray()])).toEqual([
      ['StatusListMarkedBitsOnly', id, list1],
      ['StatusListPublished', id, list1, bits1],
      ['StatusListPublished', id, list2, bits2],
    ]);
    expect(await reader.statusListOf(DID_A, list1)).toEqual({
      institutionId: Number(id),
      bitsHash: bits1,
      bitsOnly: true,
    });
    expect((await reader.statusListOf(DID_A, list2)).bitsOnly).toBe(false);
    // Never cleared: neither by a plain commitment nor by one saying false; marked again, no second event.
    await send(instA, 'publishStatusLists', [list1], [bits3]);
    await send(instA, 'publishStatusListsBitsOnly', [list1], [bits2], [false]);
    expect(await reader.statusListOf(DID_A, list1)).toEqual({
      institutionId: Number(id),
      bitsHash: bits2,
      bitsOnly: true,
    });
    const again = await send(instA, 'publishStatusListsBitsOnly', [list1], [bits3], [true]);
    expect(eventsOf(again).map((e) => e.name)).toEqual(['StatusListPublished']);
    // Another institution's list under the same key is not marked.
    expect((await reader.statusListOf(DID_B, list1)).bitsOnly).toBe(false);
    await expectRevert(as(instA).getFunction('publishStatusListsBitsOnly')([list1], [bits1], []), 'LengthMismatch', []);
    await expectRevert(as(stranger).getFunction('publishStatusListsBitsOnly')([list1], [bits1], [true]), 'NotSigner', [
      addr.stranger,
    ]);
    // Chain migration carries the mark.
    await send(authority, 'importStatusLists', idB, [list2], [bits1], [true]);
    expect(await reader.statusListOf(DID_B, list2)).toEqual({
      institutionId: Number(idB),
      bitsHash: bits1,
      bitsOnly: true,
    });
    await expectRevert(
      as(authority).getFunction('importStatusLists')(idB, [list2], [bits1], [true, true]),
      'LengthMismatch',
      [],
    );
  });

  it('revokeFor: the authority revokes on behalf of an institution, even a withdrawn one', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    await send(authority, 'setStatus', id, S.Withdrawn);
    const hashes = [randomHash(), randomHash()];
    const receipt = await send(authority, 'revokeFor', id, hashes, RevocationReason.withdrawnByAssessmentBody);
    expect(eventsOf(receipt).map((e) => [e.name, ...e.args.toArray()])).toEqual(
      hashes.map((h) => [
        'CredentialRevoked',
        id,
        h,
        BigInt(RevocationReason.withdrawnByAssessmentBody),
        addr.authority,
      ]),
    );
    expect((await revocationOf(id, hashes[0]!)).revokedAt).toBe(await blockTime(receipt));
    await expectRevert(as(authority).getFunction('revokeFor')(id, [hashes[0]], 0), 'AlreadyRevoked', [hashes[0]]);
    await expectRevert(as(authority).getFunction('revokeFor')(id + 1n, [randomHash()], 0), 'UnknownInstitution', [
      id + 1n,
    ]);
    await expectRevert(as(authority).getFunction('revokeFor')(0, [randomHash()], 0), 'UnknownInstitution', [0n]);
    await expectRevert(as(authority).getFunction('revokeFor')(id, [ZeroHash], 0), 'EmptyValue', []);
  });

  it('revokeFor is for the authority only (NotAuthority), not for the institution’s own signer', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    for (const caller of [instA, stranger]) {
      await expectRevert(as(caller).getFunction('revokeFor')(id, [randomHash()], 0), 'NotAuthority', [
        await caller.getAddress(),
      ]);
    }
  });

  it('credentialFacts reports only the anchoring institution’s revocation', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    const b = await accredit(addr.instB!, DID_B, 'B');
    const root = randomHash();
    const credential = randomHash();
    await send(instA, 'anchor', root, 2);

    // B revoking a hash it never anchored has no effect on A's credential.
    await send(instB, 'revoke', credential, RevocationReason.fraud);
    expect((await revocationOf(b.id, credential)).revokedAt).toBeGreaterThan(0n);
    let facts = await reader.credentialFacts(root, DID_A, credential);
    expect(facts.anchor.institutionId).toBe(Number(a.id));
    expect(facts.revocation).toEqual({ revokedAt: 0, reason: 0 });

    // The facts name the institution of the DID asked about, so a verifier can compare it with the anchor's.
    facts = await reader.credentialFacts(root, DID_B, credential);
    expect(facts.issuerInstitutionId).toBe(Number(b.id));
    expect(facts.issuerName).toBe('B');
    expect(facts.anchor.institutionId).toBe(Number(a.id));
    expect(facts.revocation).toEqual({ revokedAt: 0, reason: 0 });

    // Unknown DID and unanchored root: all zeros, even though B revoked the hash.
    facts = await reader.credentialFacts(randomHash(), DID_C, credential);
    expect(facts).toEqual({
      anchor: { institutionId: 0, anchoredAt: 0, batchSize: 0 },
      issuerInstitutionId: 0,
      issuerStatus: 'Unknown',
      issuerStatusSince: 0,
      issuerName: '',
      revocation: { revokedAt: 0, reason: 0 },
      issuerDidCompromisedSince: 0,
    });

    // A's own revocation shows.
    const receipt = await send(instA, 'revoke', credential, RevocationReason.issuedInError);
    facts = await reader.credentialFacts(root, DID_A, credential);
    expect(facts.revocation).toEqual({
      revokedAt: Number(await blockTime(receipt)),
      reason: RevocationReason.issuedInError,
    });
    // ... and so does a revocation the authority made on A's behalf.
    const other = randomHash();
    await send(authority, 'revokeFor', a.id, [other], RevocationReason.withdrawnByAssessmentBody);
    expect((await reader.credentialFacts(root, DID_A, other)).revocation.reason).toBe(
      RevocationReason.withdrawnByAssessmentBody,
    );
  });
});

describe('signing DIDs: rotation and compromise', () => {
  const latestTime = async () => BigInt((await chain.provider.getBlock('latest'))!.timestamp);

  it('a current signer or the authority adds a DID; both the first and the added DIDs name the institution', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const receipt = await send(instA, 'addDid', id, DID_B);
    expect(eventArgs(receipt, 'DidAdded')).toEqual([id, didHash(DID_B), DID_B, addr.instA]);
    const byAuthority = await send(authority, 'addDid', id, DID_C);
    expect(eventArgs(byAuthority, 'DidAdded')).toEqual([id, didHash(DID_C), DID_C, addr.authority]);
    for (const did of [DID_A, DID_B, DID_C]) {
      expect(await reader.institutionOfDid(did)).toBe(Number(id));
      expect(await reader.credentialFacts(randomHash(), did, randomHash())).toMatchObject({
        issuerInstitutionId: Number(id),
        issuerName: 'A',
        issuerDidCompromisedSince: 0,
      });
    }
    expect((await reader.institution(Number(id))).did).toBe(DID_A);
  });

  it('addDid: not for another institution’s signer, a stranger or a retired key (NotAllowedForInstitution); no unknown institution, empty or taken DID', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    const b = await accredit(addr.instB!, DID_B, 'B');
    await send(instA, 'addSigner', a.id, addr.rotatedA);
    await send(rotatedA, 'removeSigner', addr.instA);
    for (const caller of [instB, stranger, instA]) {
      await expectRevert(as(caller).getFunction('addDid')(a.id, DID_C), 'NotAllowedForInstitution', [
        await caller.getAddress(),
        a.id,
      ]);
    }
    await expectRevert(as(authority).getFunction('addDid')(b.id + 1n, DID_C), 'UnknownInstitution', [b.id + 1n]);
    await expectRevert(as(rotatedA).getFunction('addDid')(a.id, ''), 'EmptyValue', []);
    await expectRevert(as(rotatedA).getFunction('addDid')(a.id, DID_A), 'DidAlreadyRegistered', [DID_A]);
    await expectRevert(as(rotatedA).getFunction('addDid')(a.id, DID_B), 'DidAlreadyRegistered', [DID_B]);
    expect(await reader.institutionOfDid(DID_B)).toBe(Number(b.id));
    expect(await reader.institutionOfDid(DID_C)).toBe(0);
  });

  it('the institution reports its DID compromised as of a past time: event, view and credentialFacts show it', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    const root = randomHash();
    const anchored = await send(instA, 'anchor', root, 1);
    const since = (await latestTime()) - 60n;
    const receipt = await send(instA, 'reportDidCompromised', didHash(DID_A), since);
    expect(eventArgs(receipt, 'DidCompromised')).toEqual([id, didHash(DID_A), since, addr.instA]);
    expect(await view<bigint>('didCompromisedSince', didHash(DID_A))).toBe(since);
    expect(await reader.didCompromisedSince(DID_A)).toBe(Number(since));
    const facts = await reader.credentialFacts(root, DID_A, randomHash());
    expect(facts.issuerDidCompromisedSince).toBe(Number(since));
    expect(facts.anchor.anchoredAt).toBe(Number(await blockTime(anchored)));
    // Another DID of the same institution is not affected.
    await send(instA, 'addDid', id, DID_B);
    expect((await reader.credentialFacts(root, DID_B, randomHash())).issuerDidCompromisedSince).toBe(0);
  });

  it('the authority can report any institution’s DID; another institution’s signer, a stranger or a retired key cannot (NotAllowedForInstitution)', async () => {
    const a = await accredit(addr.instA!, DID_A, 'A');
    await accredit(addr.instB!, DID_B, 'B');
    await send(instA, 'addSigner', a.id, addr.rotatedA);
    await send(rotatedA, 'removeSigner', addr.rotatedA);
    const now = await latestTime();
    for (const caller of [instB, stranger, rotatedA]) {
      await expectRevert(
        as(caller).getFunction('reportDidCompromised')(didHash(DID_A), now),
        'NotAllowedForInstitution',
        [await caller.getAddress(), a.id],
      );
    }
    expect(await reader.didCompromisedSince(DID_A)).toBe(0);
    await send(authority, 'reportDidCompromised', didHash(DID_A), now);
    expect(await reader.didCompromisedSince(DID_A)).toBe(Number(now));
  });

  it('rejects an unregistered DID (UnknownDid), time zero (EmptyValue) and a time in the future (CompromiseInTheFuture)', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    const report = as(instA).getFunction('reportDidCompromised');
    await expectRevert(report(didHash(DID_C), 1n), 'UnknownDid', [didHash(DID_C)]);
    await expectRevert(report(didHash(DID_A), 0n), 'EmptyValue', []);
    const future = (await latestTime()) + 3600n;
    await expectRevert(report(didHash(DID_A), future), 'CompromiseInTheFuture', [didHash(DID_A), future]);
    expect(await reader.didCompromisedSince(DID_A)).toBe(0);
  });

  it('a report only moves earlier: nobody (not even the authority) can move it later or clear it (CompromiseCannotMoveLater)', async () => {
    await accredit(addr.instA!, DID_A, 'A');
    const hash = didHash(DID_A);
    const t = (await latestTime()) - 1000n;
    await send(instA, 'reportDidCompromised', hash, t);
    for (const [caller, later] of [
      [instA, t + 500n],
      [authority, t + 1n],
      [instA, t],
    ] as const) {
      await expectRevert(as(caller).getFunction('reportDidCompromised')(hash, later), 'CompromiseCannotMoveLater', [
        hash,
        t,
        later,
      ]);
    }
    expect(await reader.didCompromisedSince(DID_A)).toBe(Number(t));
    await send(authority, 'reportDidCompromised', hash, t - 100n);
    expect(await reader.didCompromisedSince(DID_A)).toBe(Number(t - 100n));
  });

  it('a suspended institution can still report its DID compromised', async () => {
    const { id } = await accredit(addr.instA!, DID_A, 'A');
    await send(authority, 'setStatus', id, S.Suspended);
    await send(instA, 'reportDidCompromised', didHash(DID_A), await latestTime());
    expect(await reader.didCompromisedSince(DID_A)).toBeGreaterThan(0);
  });
});

describe('authority transfer (two-step)', () => {
  it('the proposed authority takes over only when it accepts', async () => {
    const started = await send(authority, 'transferAuthority', addr.nextAuthority);
    expect(eventArgs(started, 'AuthorityTransferStarted')).toEqual([addr.authority, addr.nextAuthority]);
    expect(await view<string>('authority')).toBe(addr.authority);
    expect(await view<string>('pendingAuthority')).toBe(addr.nextAuthority);

    // Until accepted, the old authority keeps its powers and the proposed one has none.
    await accredit(addr.instA!, DID_A, 'A');
    await expectRevert(as(nextAuthority).getFunction('accredit')(addr.instB, DID_B, 'B'), 'NotAuthority', [
      addr.nextAuthority,
    ]);
    await expectRevert(as(stranger).getFunction('acceptAuthority')(), 'NotPendingAuthority', [addr.stranger]);
    await expectRevert(as(authority).getFunction('acceptAuthority')(), 'NotPendingAuthority', [addr.authority]);

    const accepted = await send(nextAuthority, 'acceptAuthority');
    expect(eventArgs(accepted, 'AuthorityTransferred')).toEqual([addr.authority, addr.nextAuthority]);
    expect(await view<string>('authority')).toBe(addr.nextAuthority);
    expect(await view<string>('pendingAuthority')).toBe(ZeroAddress);

    await expectRevert(as(authority).getFunction('accredit')(addr.instB, DID_B, 'B'), 'NotAuthority', [addr.authority]);
    await expectRevert(as(authority).getFunction('setStatus')(1, S.Suspended), 'NotAuthority', [addr.authority]);
    await expectRevert(as(authority).getFunction('transferAuthority')(addr.authority), 'NotAuthority', [
      addr.authority,
    ]);
    await expectRevert(as(nextAuthority).getFunction('acceptAuthority')(), 'NotPendingAuthority', [addr.nextAuthority]);
    await send(nextAuthority, 'accredit', addr.instB, DID_B, 'B');
    await send(nextAuthority, 'setStatus', 1, S.Suspended);
  });

  it('only the authority proposes (NotAuthority); proposing again replaces, proposing zero cancels', async () => {
    await expectRevert(as(stranger).getFunction('transferAuthority')(addr.stranger), 'NotAuthority', [addr.stranger]);
    await expectRevert(as(nextAuthority).getFunction('transferAuthority')(addr.nextAuthority), 'NotAuthority', [
      addr.nextAuthority,
    ]);

    await send(authority, 'transferAuthority', addr.nextAuthority);
    await send(authority, 'transferAuthority', addr.stranger);
    await expectRevert(as(nextAuthority).getFunction('acceptAuthority')(), 'NotPendingAuthority', [addr.nextAuthority]);
    await send(authority, 'transferAuthority', ZeroAddress);
    expect(await view<string>('pendingAuthority')).toBe(ZeroAddress);
    await expectRevert(as(stranger).getFunction('acceptAuthority')(), 'NotPendingAuthority', [addr.stranger]);
    expect(await view<string>('authority')).toBe(addr.authority);
  });
});

describe('describeContractError', () => {
  it('names the custom error and its arguments, for sent transactions and static calls', async () => {
    const sent = await as(stranger)
      .getFunction('anchor')(randomHash(), 1)
      .catch((e: unknown) => e);
    expect(describeContractError(sent)).toBe(
      `NotSigner(${addr.stranger}): ${addr.stranger} is not the ledger key of any institution on the registry; the accreditation authority accredits an institution's key`,
    );
    const called = await as(stranger)
      .getFunction('accredit')
      .staticCall(addr.instA, DID_A, 'A')
      .catch((e: unknown) => e);
    expect(describeContractError(called)).toBe(`NotAuthority(${addr.stranger})`);
    await accredit(addr.instA!, DID_A, 'A');
    await send(authority, 'setStatus', 1, S.Suspended);
    const suspended = await as(instA)
      .getFunction('anchor')(randomHash(), 1)
      .catch((e: unknown) => e);
    expect(describeContractError(suspended)).toBe(
      `InstitutionNotAccredited(1, ${S.Suspended}): institution 1 is suspended on the registry; only the accreditation authority can restore its accreditation`,
    );
    expect(describeContractError(new Error('plain\nsecond line'))).toBe('plain');
  });
});

describe('gas', () => {
  const record = (fn: string, receipt: TransactionReceipt, note: string) =>
    gasUsed.set(fn, { gas: receipt.gasUsed, note });

  it('measures every state-changing function (informational table printed at the end)', async () => {
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    record(
      'accredit',
      await send(authority, 'accredit', addr.instC, did, 'Skillmark Test Institute of Technology'),
      `DID of ${did.length} chars, name of 38`,
    );
    const id = 1n;
    record('addSigner', await send(instC, 'addSigner', id, addr.rotatedA), 'by a current signer');
    record('anchor', await send(instC, 'anchor', randomHash(), 1000), 'new root');
    record('revoke', await send(instC, 'revoke', randomHash(), 1), 'one hash');
    record('revokeMany', await send(instC, 'revokeMany', Array.from({ length: 10 }, randomHash), 1), '10 hashes');
    record('revokeFor', await send(authority, 'revokeFor', id, [randomHash()], 4), 'one hash, by the authority');
    const list = randomHash();
    record(
      'publishStatusLists',
      await send(instC, 'publishStatusLists', [list], [randomHash()]),
      'first commitment to one list',
    );
    const again = await send(instC, 'publishStatusLists', [list], [randomHash()]);
    gasUsed.set('publishStatusLists (again)', { gas: again.gasUsed, note: 'a newer commitment to the same list' });
    const marked = await send(instC, 'publishStatusListsBitsOnly', [list], [randomHash()], [true]);
    gasUsed.set('publishStatusListsBitsOnly', { gas: marked.gasUsed, note: 'a newer commitment, marking the list' });
    const markedAgain = await send(instC, 'publishStatusListsBitsOnly', [list], [randomHash()], [true]);
    gasUsed.set('publishStatusListsBitsOnly (again)', { gas: markedAgain.gasUsed, note: 'already marked' });
    const revokeFor10 = await send(authority, 'revokeFor', id, Array.from({ length: 10 }, randomHash), 4);
    gasUsed.set('revokeFor (10)', { gas: revokeFor10.gasUsed, note: '10 hashes, by the authority' });
    record('setStatus', await send(authority, 'setStatus', id, S.Suspended), 'Accredited -> Suspended');
    record('removeSigner', await send(instC, 'removeSigner', addr.rotatedA), 'by a current signer');
    record('addDid', await send(instC, 'addDid', id, DID_B), `DID of ${DID_B.length} chars, by a current signer`);
    record('reportDidCompromised', await send(instC, 'reportDidCompromised', didHash(DID_B), 1n), 'first report');
    record('transferAuthority', await send(authority, 'transferAuthority', addr.nextAuthority), 'propose');
    record('acceptAuthority', await send(nextAuthority, 'acceptAuthority'), 'accept');

    const bounds: Record<string, bigint> = {
      accredit: 400_000n,
      addSigner: 60_000n,
      anchor: 100_000n,
      revoke: 60_000n,
      revokeMany: 400_000n,
      revokeFor: 70_000n,
      setStatus: 50_000n,
      removeSigner: 40_000n,
      addDid: 80_000n,
      reportDidCompromised: 60_000n,
      transferAuthority: 60_000n,
      acceptAuthority: 60_000n,
    };
    for (const [fn, bound] of Object.entries(bounds)) {
      expect(gasUsed.get(fn)?.gas, fn).toBeDefined();
      expect(gasUsed.get(fn)!.gas, `${fn} gas`).toBeLessThan(bound);
    }
  });
});
