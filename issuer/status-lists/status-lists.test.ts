import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { Wallet, ZeroHash } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentialToken } from '../../core/formats/index.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { Bitstring, MIN_LIST_SIZE } from '../../core/status-list/bitstring.ts';
import { bitstringCommitment, statusListKey } from '../../core/status-list/entry.ts';
import { type IssuerLedger, startIssuerLedger } from '../../test/support/issuer-ledger.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import type { IssuerDb } from '../db-schema.ts';
import { LedgerWriter } from '../ledger-writer.ts';
import { revokeByBits } from '../revocations/revoke-by-bits.ts';
import { CurrentSigningKey } from '../signing-key.ts';
import { reserveIndexes } from './allocation.ts';
import { StatusLists } from './status-lists.ts';

/** Status lists on a real SQLite file and a real local chain; the issuer DID is the accredited one. */
describe('status lists', () => {
  let ledger: IssuerLedger;
  const did = 'did:web:college.example';
  const base = 'https://college.example';

  beforeAll(async () => {
    ledger = await startIssuerLedger();
  });
  afterAll(async () => {
    await ledger?.stop();
  });

  const signingKey = () =>
    new CurrentSigningKey({
      did,
      kid: `${did}#key-1`,
      joseSigner: nodeJoseSigner(freshKeyPair('ed25519').privateKey, `${did}#key-1`),
    });

  it('reserves random indexes, never the same twice, and opens a new list once one is at capacity', async () => {
    const shape = { size: 256, capacity: 40 };
    const first = await reserveIndexes(ledger.db, 'https://small.example', 30, shape);
    const second = await reserveIndexes(ledger.db, 'https://small.example', 30, shape); // only 10 left
    expect(second).toHaveLength(10);
    const indexes = [...first, ...second].map((a) => a.index);
    expect(new Set([...first, ...second].map((a) => a.listUrl)).size).toBe(1);
    expect(new Set(indexes).size).toBe(40);
    expect(indexes.every((i) => i >= 0 && i < 256)).toBe(true);
    // Not the order of issuance (40 random draws come out sorted with chance 1/40!), and spread over the list.
    expect(indexes).not.toEqual([...indexes].sort((a, b) => a - b));
    expect(Math.max(...indexes)).toBeGreaterThan(128);
    const next = await reserveIndexes(ledger.db, 'https://small.example', 5, shape);
    expect(next[0]!.listUrl).not.toBe(first[0]!.listUrl);
    const row = await ledger.db
      .selectFrom('status_lists')
      .selectAll()
      .where('id', '=', first[0]!.listId)
      .executeTakeFirstOrThrow();
    expect(row.allocated).toBe(40);
    // A list is filled to its capacity whatever the draws: every index of a small full list is taken once.
    const full = await reserveIndexes(ledger.db, 'https://tiny.example', 8, { size: 8, capacity: 8 });
    expect(full.map((a) => a.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('sets the bit of a revoked credential, commits the bits on the ledger, and serves them signed', async () => {
    const lists = new StatusLists(ledger.db, ledger.writer, signingKey(), 'vc-jose-2.0', base);
    const kept = await ledger.storeCredential();
    const revoked = await ledger.storeCredential();
    const keptEntry = await holding(ledger.db, lists, kept.id);
    const entry = await holding(ledger.db, lists, revoked.id);
    expect(entry).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: expect.stringMatching(/^https:\/\/college\.example\/status-lists\/[0-9a-f-]{36}$/),
    });
    expect(entry.id).toBe(`${entry.statusListCredential}#${entry.statusListIndex}`);
    // A dry run's placeholder is as long as any real entry, and takes no index.
    const allocatedBefore = await ledger.db
      .selectFrom('status_list_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(lists.placeholder().entry).length).toBeGreaterThanOrEqual(JSON.stringify(entry).length);
    expect(
      await ledger.db
        .selectFrom('status_list_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(allocatedBefore);
    const listId = entry.statusListCredential.split('/').pop()!;

    // Before any revocation: every bit clear, no commitment on the ledger (version 0).
    const before = (await lists.served(listId))!;
    expect(before.version).toBe(0);
    expect(Bitstring.decode(subjectOf(before.token).encodedList).any()).toBe(false);

    await ledger.db.updateTable('credentials').set({ status: 'revoked' }).where('id', '=', revoked.id).execute();
    expect(await lists.revoked([revoked.id])).toBe(1);

    const served = (await lists.served(listId))!;
    expect(served.mediaType).toBe('application/vc+jwt');
    expect(served.version).toBe(1);
    const read = readCredentialToken(served.token);
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.issuer).toBe(did);
    expect(read.value.credential.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const subject = subjectOf(served.token);
    expect(subject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      id: `${entry.statusListCredential}#list`,
    });

    // An independent implementation (Digital Bazaar's) reads the same bits.
    const independent = await decodeList({ encodedList: subject.encodedList });
    expect(independent.length).toBe(MIN_LIST_SIZE);
    expect(independent.getStatus(Number(entry.statusListIndex))).toBe(true);
    expect(independent.getStatus(Number(keptEntry.statusListIndex))).toBe(false);
    const ours = Bitstring.decode(subject.encodedList);
    expect(ours.bytes.reduce((n, b) => n + popcount(b), 0)).toBe(1);

    // The ledger holds the hash of exactly these bits, for this issuer's list.
    const commitment = await ledger.writer.registry.statusListOf(did, statusListKey(entry.statusListCredential));
    expect(commitment.bitsHash).toBe(bitstringCommitment(ours.bytes));

    // Nothing left to commit: no transaction.
    expect(await lists.publish()).toBe(0);

    // The chain loses the block holding the commitment: the watch commits the same bits again.
    const key = statusListKey(entry.statusListCredential);
    const snapshot = await ledger.rpc('evm_snapshot');
    const other = await ledger.storeCredential();
    await holding(ledger.db, lists, other.id);
    await ledger.db.updateTable('credentials').set({ status: 'revoked' }).where('id', '=', other.id).execute();
    await lists.revoked([other.id]);
    const twoBits = Bitstring.decode(subjectOf((await lists.served(listId))!.token).encodedList);
    await ledger.rpc('evm_revert', [snapshot]);
    expect((await ledger.writer.registry.statusListOf(did, key)).bitsHash).toBe(bitstringCommitment(ours.bytes));
    await lists.watch();
    expect((await ledger.writer.registry.statusListOf(did, key)).bitsHash).toBe(bitstringCommitment(twoBits.bytes));
  });

  it('revokes by bits only: no per-hash record, the list marked on the ledger, and marked again by the watch', async () => {
    const lists = new StatusLists(ledger.db, ledger.writer, signingKey(), 'vc-jose-2.0', 'https://mass.example');
    const stored = await Promise.all([1, 2, 3].map(() => ledger.storeCredential()));
    const entries = [];
    for (const c of stored) entries.push(await holding(ledger.db, lists, c.id));
    const listId = entries[0]!.statusListCredential.split('/').pop()!;
    const key = statusListKey(entries[0]!.statusListCredential);
    const snapshot = await ledger.rpc('evm_snapshot');
    const revoked = stored.slice(0, 2);
    const outcomes = await revokeByBits(
      ledger.db,
      lists,
      revoked.map((c) => ({ id: c.id, listId })),
      'fraud',
    );
    expect(outcomes).toHaveLength(2);
    const [first] = outcomes;
    expect(first).toMatchObject({ outcome: 'revoked', reason: 'fraud', transactionHash: expect.stringMatching(/^0x/) });
    const rows = await ledger.db
      .selectFrom('credentials')
      .selectAll()
      .where(
        'id',
        'in',
        revoked.map((c) => c.id),
      )
      .execute();
    expect(rows.map((r) => [r.status, r.revocation_tx, r.revoked_at])).toEqual(
      rows.map(() => ['revoked', null, first!.outcome === 'revoked' ? first!.revokedAt : '']),
    );
    // Nothing per hash on the ledger; the bits and the mark are.
    const institutionId = await ledger.writer.registry.institutionOfSigner(ledger.writer.address);
    for (const c of revoked) expect((await ledger.writer.registry.revocation(institutionId, c.hash)).revokedAt).toBe(0);
    const bits = Bitstring.decode(subjectOf((await lists.served(listId))!.token).encodedList);
    expect(entries.map((e) => bits.get(Number(e.statusListIndex)))).toEqual([true, true, false]);
    expect(await ledger.writer.registry.statusListOf(did, key)).toMatchObject({
      bitsHash: bitstringCommitment(bits.bytes),
      bitsOnly: true,
    });

    // The chain loses the commitment: the watch sends it again, marked.
    await ledger.rpc('evm_revert', [snapshot]);
    expect((await ledger.writer.registry.statusListOf(did, key)).bitsHash).toBe(ZeroHash);
    await lists.watch();
    expect(await ledger.writer.registry.statusListOf(did, key)).toMatchObject({
      bitsHash: bitstringCommitment(bits.bytes),
      bitsOnly: true,
    });
  });

  it('a mass revocation the ledger refuses is reported failed, stays recorded, and the watch commits it marked', async () => {
    // A key the registry does not know: every commitment it sends is refused (NotSigner).
    const stranger = new LedgerWriter(
      ledger.chain.provider,
      Wallet.createRandom().connect(ledger.chain.provider) as unknown as Wallet,
      ledger.writer.registry.address,
    );
    const refused = new StatusLists(ledger.db, stranger, signingKey(), 'vc-jose-2.0', 'https://refused.example');
    const c = await ledger.storeCredential();
    const entry = await holding(ledger.db, refused, c.id);
    const listId = entry.statusListCredential.split('/').pop()!;
    const [outcome] = await revokeByBits(ledger.db, refused, [{ id: c.id, listId }], 'fraud');
    expect(outcome).toMatchObject({ outcome: 'failed', error: expect.stringContaining('Recorded as revoked') });
    const row = await ledger.db.selectFrom('credentials').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('revoked');
    const key = statusListKey(entry.statusListCredential);
    expect((await ledger.writer.registry.statusListOf(did, key)).bitsHash).toBe(ZeroHash);
    // The issuer's own key, at the watch: the list goes out with the bit and the mark.
    const lists = new StatusLists(ledger.db, ledger.writer, signingKey(), 'vc-jose-2.0', 'https://refused.example');
    await lists.watch();
    const bits = Bitstring.decode(subjectOf((await lists.served(listId))!.token).encodedList);
    expect(bits.get(Number(entry.statusListIndex))).toBe(true);
    expect(await ledger.writer.registry.statusListOf(did, key)).toMatchObject({
      bitsHash: bitstringCommitment(bits.bytes),
      bitsOnly: true,
    });
  });
});

/** Gives a stored credential an index, as signing does before the credential is stored. */
async function holding(db: IssuerDb, lists: StatusLists, credentialId: string) {
  const { entry, listId, index } = await lists.allocate();
  await db
    .updateTable('credentials')
    .set({ status_list_id: listId, status_list_index: index })
    .where('id', '=', credentialId)
    .execute();
  return entry;
}

function subjectOf(token: string): { encodedList: string; [key: string]: unknown } {
  const read = readCredentialToken(token);
  if (!read.ok) throw new Error(read.detail);
  return read.value.credential.credentialSubject as { encodedList: string };
}

function popcount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b >>= 1) n += b & 1;
  return n;
}
